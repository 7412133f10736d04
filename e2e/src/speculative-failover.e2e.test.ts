/**
 * Process mode, real nats-server: a VM replicated with speculative communication (`--mode speculative`: the primary
 * acks the guest's TCP segments at once and delivers them after their epoch commits) serves a bulk download over a
 * client link with 1% loss and reordering while its primary is killed with SIGKILL at a seeded random moment, 10
 * times in a row on the same VM (each promoted backup gets a fresh backup, syncs it, and is the next one killed).
 * The promoted VMM resumes the speculation flow table from its last checkpoint and goes on delivering what the guest
 * believed acknowledged. Every run: the stream's SHA-256 is right and the connection intact.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import { LocalCluster, runClient, type RunningProcess } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, explain, until } from './cluster-checks.ts';

const RUNS = Number(process.env.VMHA_SPECULATIVE_RUNS ?? 10);
const VM_ARGS = ['--vm-id', 'vm-spec', '--memory-mib', '64', '--resp-memory-mib', '8'];
const LINK = ['--loss', '0.01', '--reorder', '0.01'];

describe('kill -9 of a speculative primary during a bulk transfer with 1% loss', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(
    `keeps the stream whole and the connection intact, ${RUNS} kills in a row`,
    async () => {
      const rng = new SeededRandom(505);
      let current: { service: string; instance: string; proc: RunningProcess } = {
        service: 'primary-vmm',
        instance: 's0',
        proc: await cluster.launch({
          service: 'primary-vmm',
          instance: 's0',
          entry: 'packages/primary-vmm/src/main.ts',
          args: [...VM_ARGS, '--vip', '10.0.0.2', '--mode', 'speculative'],
        }),
      };
      const launchBackup = (n: number) =>
        cluster.launch({
          service: 'backup-vmm',
          instance: `s${n}`,
          entry: 'packages/backup-vmm/src/main.ts',
          args: VM_ARGS,
        });
      let backup = { instance: 's1', proc: await launchBackup(1) };
      for (let run = 1; run <= RUNS; run++) {
        const now = current;
        await until(
          `run ${run}: ${now.instance} protected`,
          async () => (await counters(cluster, now.service, now.instance))['repl.protected'] === 1,
        );
        const acksBefore = (await counters(cluster, now.service, now.instance))['spec.specAcks'] ?? 0;
        const download = runClient(cluster, `sbulk${run}`, [
          '--workload',
          'bulk',
          '--bytes',
          String(24 << 20),
          '--seed',
          String(run),
          '--address',
          '10.0.0.101',
          ...LINK,
        ]);
        await until(`run ${run}: the download under way`, async () => {
          const c = await counters(cluster, now.service, now.instance);
          return (c['spec.specAcks'] ?? 0) > acksBefore + 200;
        });
        await new Promise((r) => setTimeout(r, rng.int(0, 1500)));
        now.proc.signal('SIGKILL');
        await now.proc.exited;
        const promoted = backup;
        const nextBackup = { instance: `s${run + 1}`, proc: await launchBackup(run + 1) };
        const bulk = await download;
        expect(bulk.exitCode, explain(bulk)).toBe(0);
        expect(bulk.result?.verified, explain(bulk)).toBe(true);
        expect(bulk.result?.violations, explain(bulk)).toEqual([]);
        await until(
          `run ${run}: ${promoted.instance} promoted`,
          async () => (await counters(cluster, 'backup-vmm', promoted.instance))['backup.promoted'] === 1,
        );
        current = { service: 'backup-vmm', instance: promoted.instance, proc: promoted.proc };
        backup = nextBackup;
      }
      current.proc.signal('SIGTERM');
      backup.proc.signal('SIGTERM');
      await Promise.all([current.proc.exited, backup.proc.exited]);
    },
    RUNS * 60_000,
  );
});
