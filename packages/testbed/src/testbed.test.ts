/**
 * The testbed's whole path on virtual time, with a fixed cost model so every number is a function of the seed:
 * each mode delivers a verified stream, the backup replica applies every checkpoint with the digest the capture
 * had (the pipeline throws otherwise), and the modes rank as output commit makes them.
 */
import { BULK_STREAM_PORT, startBulkDownload } from '@vmha/client-sim';
import { describe, expect, it } from 'vitest';
import type { CheckpointCosts } from './checkpoint-pipeline.ts';
import { REPLICATION_MODES } from './replication-mode.ts';
import { RACC_FLOW_BUFFER_BYTES } from '@vmha/speculation';
import { GUEST_ADDRESS, createTestbed, measureBulkThroughput, measureRespLatency } from './testbed.ts';

const COSTS: CheckpointCosts = { kind: 'linear', pauseBaseMs: 0.5, pauseMsPerMiB: 2, processMsPerMiB: 4 };
const LAN = { rttMs: 0.2, lossPct: 0, bandwidthMbps: 1000 };

describe('testbed', () => {
  it('native runs at the emulated link rate: headers aside, 1 Gbit/s of goodput', () => {
    const r = measureBulkThroughput({ mode: 'native', link: LAN, warmupMs: 200, measureMs: 300 });
    expect(r.violations).toEqual([]);
    // 1448 payload bytes (1460 less 12 of timestamps) per 1500 on the wire: 120.7 MB/s.
    expect(r.throughputMBps).toBeGreaterThan(118);
    expect(r.throughputMBps).toBeLessThanOrEqual(125);
    expect(r.vmm.epochs).toBe(0);
  });

  it('every mode delivers a verified stream across a lossy link, every checkpoint applied by the backup', () => {
    for (const mode of REPLICATION_MODES) {
      const r = measureBulkThroughput({
        mode,
        epochMs: 25,
        costs: COSTS,
        link: { rttMs: 2, lossPct: 1, bandwidthMbps: 1000 },
        warmupMs: 1500, // past a lost SYN's 1 s retransmission
        measureMs: 400,
      });
      expect(r.violations, mode).toEqual([]);
      expect(r.measuredBytes, mode).toBeGreaterThan(0);
      if (mode !== 'native') expect(r.vmm.epochs, mode).toBeGreaterThan(10);
    }
  });

  it('output commit holds replies for an epoch: RESP latency grows from link RTT to about an epoch', () => {
    const native = measureRespLatency({ mode: 'native', link: LAN, connections: 4, durationMs: 300 });
    const remus = measureRespLatency({
      mode: 'remus',
      epochMs: 25,
      costs: COSTS,
      link: LAN,
      connections: 4,
      durationMs: 500,
    });
    for (const r of [native, remus]) {
      expect(r.violations).toEqual([]);
      expect(r.connectionsLost).toBe(0);
    }
    expect(native.get.p50Ms).toBeLessThan(1);
    expect(remus.get.p50Ms).toBeGreaterThan(10);
    expect(remus.set.p99Ms).toBeLessThan(100);
  });

  it('rejects a link or replication setting that makes no sense, naming it', () => {
    const base = { mode: 'remus' as const, link: LAN };
    expect(() => createTestbed({ ...base, link: { ...LAN, rttMs: -1 } })).toThrow(/rttMs/);
    expect(() => createTestbed({ ...base, link: { ...LAN, lossPct: 100 } })).toThrow(/lossPct/);
    expect(() => createTestbed({ ...base, epochMs: 0 })).toThrow(/epochMs/);
    expect(() => createTestbed({ ...base, replicationLink: { bandwidthMbps: 0 } })).toThrow(/bandwidthMbps/);
  });

  it("speculative+racc: the guest reads the VMM's buffer from the NIC's registers and fills it; speculative: CUBIC", () => {
    for (const mode of ['speculative', 'speculative+racc'] as const) {
      const { net, vmm, client } = createTestbed({ mode, epochMs: 25, costs: COSTS, link: LAN });
      client.run(() => startBulkDownload(client, { address: GUEST_ADDRESS, bytes: 2 ** 40, seed: 1 }));
      net.runFor(300);
      const bulk = vmm.machine.sockets().find((s) => s.localPort === BULK_STREAM_PORT)!;
      if (mode === 'speculative+racc') {
        expect(vmm.machine.replicationStatus).toMatchObject({
          capacityBytes: RACC_FLOW_BUFFER_BYTES,
          epochMs: 25,
        });
        expect(vmm.machine.replicationStatus!.occupancyBytes).toBeGreaterThan(0);
        expect(bulk.cwnd).toBe(RACC_FLOW_BUFFER_BYTES);
      } else {
        expect(vmm.machine.replicationStatus).toBeUndefined();
        expect(bulk.cwnd).not.toBe(RACC_FLOW_BUFFER_BYTES);
      }
    }
  });
});
