/**
 * Process mode, real nats-server: a VM replicated with speculative communication (`--mode speculative`: the primary
 * acks the guest's TCP segments at once and delivers them after their epoch commits) serves a bulk download over a
 * client link with 1% loss and reordering while its primary is killed with SIGKILL at a seeded random moment, 10
 * times in a row on the same VM (each promoted backup gets a fresh backup, syncs it, and is the next one killed).
 * The promoted VMM resumes the speculation flow table from its last checkpoint and goes on delivering what the guest
 * believed acknowledged. Every run: the stream's SHA-256 is right and the connection intact.
 */
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, killChain } from './cluster-checks.ts';

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
      await killChain(cluster, {
        runs: RUNS,
        seed: 505,
        prefix: 's',
        vmArgs: VM_ARGS,
        primaryArgs: ['--vip', '10.0.0.2', '--mode', 'speculative'],
        clients: (run) =>
          runClient(cluster, `sbulk${run}`, [
            '--workload',
            'bulk',
            '--bytes',
            String(24 << 20),
            '--seed',
            String(run),
            '--address',
            `10.0.1.${run}`,
            ...LINK,
          ]),
        clientAddresses: (run) => [`10.0.1.${run}`],
        // Speculating: the VMM has acked a good many of the guest's segments itself.
        atWork: (before, now) => (now['spec.specAcks'] ?? 0) > (before['spec.specAcks'] ?? 0) + 200,
        check: (_run, bulk) => {
          expect(bulk.exitCode, explain(bulk)).toBe(0);
          expect(bulk.result?.verified, explain(bulk)).toBe(true);
          expect(bulk.result?.violations, explain(bulk)).toEqual([]);
        },
      });
    },
    RUNS * 60_000,
  );
});
