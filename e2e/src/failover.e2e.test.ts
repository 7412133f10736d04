/**
 * Process mode, real nats-server: a VM replicated Remus-style serves a verified bulk download and a checked RESP
 * load (SET/GET/INCR) while its primary is killed with SIGKILL at a seeded random moment, 20 times in a row on
 * the same VM: each time the backup takes over, a fresh backup-vmm joins the new primary and is synced, and the
 * next kill hits that primary. Every run: no client connection is reset, the stream's SHA-256 is right, no
 * acknowledged write is lost and no counter goes backwards, and the promoted VMM resumed the guest from an epoch
 * at or after the last one the killed primary reported acked, with the machine digest (computed afresh from the
 * activated machine) the killed primary reported for that epoch.
 */
import { EpochEvent, EpochReport, decodeMessage, subjects } from '@vmha/shared-proto';
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, killChain, until } from './cluster-checks.ts';

const RUNS = Number(process.env.VMHA_FAILOVER_RUNS ?? 20);
const VM_ARGS = ['--vm-id', 'vm-chain', '--memory-mib', '64', '--resp-memory-mib', '8'];

describe('kill -9 of the primary of a replicated VM', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(
    `fails over with no client losing anything, ${RUNS} kills in a row`,
    async () => {
      const reports: EpochReport[] = [];
      const reportSub = cluster.nc.subscribe(subjects.replicationEpochs('vm-chain'), {
        callback: (_e, m) => {
          const r = decodeMessage(EpochReport, m.data);
          if (r.ok) reports.push(r.message);
        },
      });
      /** Runs whose primary had checkpoints sent but not acked at its last report before the kill (<= 250 ms). */
      let killedWithCheckpointsInFlight = 0;
      await killChain(cluster, {
        runs: RUNS,
        seed: 2026,
        prefix: 'v',
        vmArgs: VM_ARGS,
        primaryArgs: ['--vip', '10.0.0.2', '--mode', 'remus'],
        clients: (run) =>
          Promise.all([
            runClient(cluster, `bulk${run}`, [
              '--workload',
              'bulk',
              '--bytes',
              String(16 << 20),
              '--seed',
              String(run),
              '--address',
              `10.0.1.${run}`,
            ]),
            runClient(cluster, `resp${run}`, [
              '--workload',
              'resp',
              '--connections',
              '16',
              '--duration-ms',
              '4s',
              '--seed',
              String(run),
              '--address',
              `10.0.2.${run}`,
            ]),
          ]),
        clientAddresses: (run) => [`10.0.1.${run}`, `10.0.2.${run}`],
        check: async (run, [bulk, resp], { killed, promoted, atKill }) => {
          expect(bulk.exitCode, explain(bulk)).toBe(0);
          expect(bulk.result?.verified, explain(bulk)).toBe(true);
          expect(resp.exitCode, explain(resp)).toBe(0);
          expect((resp.result?.connections as { lost: number }).lost, explain(resp)).toBe(0);
          expect(resp.result?.violations, explain(resp)).toEqual([]);
          expect(
            atKill['repl.acked_epoch'] ?? 0,
            `run ${run}: epochs were acked before the kill`,
          ).toBeGreaterThan(0);
          if ((atKill['repl.in_flight'] ?? 0) > 0) killedWithCheckpointsInFlight++;
          await expectResumedWhereCaptured(reports, killed.instance, promoted.instance, run);
        },
      });
      reportSub.unsubscribe();
      console.info(
        `${killedWithCheckpointsInFlight} of ${RUNS} kills hit a primary with checkpoints in flight`,
      );
      expect(killedWithCheckpointsInFlight, 'kills mid-checkpoint').toBeGreaterThan(0);
    },
    RUNS * 60_000,
  );
});

/**
 * The promoted VMM's activation report against what the killed one reported on the same stream: the epoch it
 * resumed from is at or after the last acked one, and its freshly computed digest is the one sent for that epoch.
 */
async function expectResumedWhereCaptured(
  reports: EpochReport[],
  killed: string,
  promoted: string,
  run: number,
): Promise<void> {
  const isActivation = (r: EpochReport) =>
    r.sender === promoted && r.event === EpochEvent.EPOCH_EVENT_ACTIVATED;
  // The promoted VMM digests its activated memory in the background once the guest has spoken, so the report
  // can come after the clients are done (a few seconds on a loaded machine); it must come.
  await until(`run ${run}: ${promoted}'s activation report`, async () => reports.some(isActivation)).catch(
    () => undefined,
  );
  const activated = reports.find(isActivation);
  expect(activated, `run ${run}: ${promoted} reported its activation`).toBeDefined();
  const fromKilled = reports.filter((r) => r.sender === killed && r.streamId === activated!.streamId);
  const lastAcked = Math.max(
    0,
    ...fromKilled.filter((r) => r.event === EpochEvent.EPOCH_EVENT_ACKED).map((r) => Number(r.epoch)),
  );
  const sent = fromKilled.find(
    (r) => r.event === EpochEvent.EPOCH_EVENT_SENT && Number(r.epoch) === Number(activated!.epoch),
  );
  expect(lastAcked, `run ${run}: epochs acked on the stream`).toBeGreaterThan(0);
  expect(Number(activated!.epoch), `run ${run}: resumed epoch`).toBeGreaterThanOrEqual(lastAcked);
  expect(sent?.stateDigest, `run ${run}: digest of epoch ${activated!.epoch}`).toMatch(/^[0-9a-f]{64}$/);
  expect(activated!.stateDigest, `run ${run}: activated digest`).toBe(sent!.stateDigest);
}
