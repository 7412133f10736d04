/**
 * Process mode, real nats-server: a VM replicated Remus-style (primary-vmm --mode remus, backup-vmm) serves a
 * verified bulk download and a checked RESP load (SET/GET/INCR) while its primary is killed with SIGKILL at a
 * seeded random moment, 20 runs in a row. Every run: the backup takes over, no client connection is reset, the
 * stream's SHA-256 is right, no acknowledged write is lost and no counter goes backwards; the backup had applied
 * at least the last epoch the primary saw acked.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import { requestHealth } from '@vmha/service-runtime';
import { LocalCluster, runClient, type ClientRunOutcome } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RUNS = Number(process.env.VMHA_FAILOVER_RUNS ?? 20);
const VM_ARGS = ['--memory-mib', '64', '--resp-memory-mib', '8', '--epoch-ms', '25', '--heartbeat-ms', '100'];

function explain(o: ClientRunOutcome): string {
  return `exit ${o.exitCode}; violations ${JSON.stringify((o.result?.violations as unknown[] | undefined)?.slice(0, 3))}; log: ${o.logTail.slice(-5).join(' | ')}`;
}

async function counters(
  cluster: LocalCluster,
  service: string,
  instance: string,
): Promise<Record<string, number>> {
  try {
    return (await requestHealth(cluster.nc, service, instance, { timeoutMs: 500 })).counters;
  } catch {
    return {};
  }
}

async function until(what: string, cond: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('kill -9 of the primary of a replicated VM', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(
    `fails over with no client losing anything, ${RUNS} runs in a row`,
    async () => {
      const rng = new SeededRandom(2026);
      for (let run = 1; run <= RUNS; run++) {
        const vm = `vm-k${run}`;
        const primary = await cluster.launch({
          service: 'primary-vmm',
          instance: `p${run}`,
          entry: 'packages/primary-vmm/src/main.ts',
          args: ['--vm-id', vm, '--vip', '10.0.0.2', '--mode', 'remus', ...VM_ARGS],
        });
        const backup = await cluster.launch({
          service: 'backup-vmm',
          instance: `b${run}`,
          entry: 'packages/backup-vmm/src/main.ts',
          args: ['--vm-id', vm, ...VM_ARGS],
        });
        await until(
          `run ${run}: protected`,
          async () => (await counters(cluster, 'primary-vmm', `p${run}`))['repl.protected'] === 1,
        );
        const clients = Promise.all([
          runClient(cluster, `bulk${run}`, [
            '--workload',
            'bulk',
            '--bytes',
            String(32 << 20),
            '--seed',
            String(run),
            '--address',
            '10.0.0.101',
          ]),
          runClient(cluster, `resp${run}`, [
            '--workload',
            'resp',
            '--connections',
            '16',
            '--duration-ms',
            '5s',
            '--seed',
            String(run),
            '--address',
            '10.0.0.102',
          ]),
        ]);
        // Kill at a seeded random moment once the clients are at work (their processes take a while to start).
        await until(`run ${run}: clients at work`, async () => {
          const c = await counters(cluster, 'primary-vmm', `p${run}`);
          return (c['net.sent'] ?? 0) > 200;
        });
        await new Promise((r) => setTimeout(r, rng.int(0, 2000)));
        const before = await counters(cluster, 'primary-vmm', `p${run}`);
        primary.signal('SIGKILL');
        await primary.exited;
        const [bulk, resp] = await clients;
        expect(bulk.exitCode, explain(bulk)).toBe(0);
        expect(bulk.result?.verified, explain(bulk)).toBe(true);
        expect(resp.exitCode, explain(resp)).toBe(0);
        expect((resp.result?.connections as { lost: number }).lost, explain(resp)).toBe(0);
        expect(resp.result?.violations, explain(resp)).toEqual([]);
        const after = await counters(cluster, 'backup-vmm', `b${run}`);
        expect(after['backup.promoted'], `run ${run}`).toBe(1);
        expect(after['repl.acked_epoch'] ?? -1).toBeGreaterThanOrEqual(0);
        expect(before['repl.acked_epoch'], `run ${run}`).toBeGreaterThan(0);
        backup.signal('SIGTERM');
        await backup.exited;
      }
    },
    RUNS * 60_000,
  );
});
