/**
 * Reliable delivery end to end: 1 GiB between two stacks over a seeded simulated link that loses 2% of packets
 * in each direction (data and ACKs), reorders and duplicates, arrives byte-exact, with both loss-recovery
 * paths: SACK (RFC 6675) with CUBIC, and NewReno (RFC 6582) without SACK.
 */
import { describe, expect, it } from 'vitest';
import { SimNetwork } from '../index.ts';
import { runBulkTransfer } from '../testing/index.ts';

const GiB = 1 << 30;
const LINK = {
  delayMs: 1,
  bandwidthMbps: 1000,
  loss: 0.02,
  reorder: 0.01,
  reorderDelayMs: 1.5,
  duplicate: 0.01,
};

describe('a 1 GiB transfer over a link with 2% loss, reordering and duplication', () => {
  it('arrives byte-exact with SACK loss recovery and CUBIC', () => {
    const net = new SimNetwork({ seed: 2024, link: LINK });
    const a = net.addStack({ address: '10.9.0.1', seed: 1, congestionControl: 'cubic', mslMs: 1000 });
    const b = net.addStack({ address: '10.9.0.2', seed: 2, congestionControl: 'cubic', mslMs: 1000 });
    const r = runBulkTransfer(net, a, b, GiB);
    expect(r.bytes).toBe(GiB);
    expect(r.mismatches).toBe(0);
    expect(r.clientClosed && r.serverClosed).toBe(true);
    // The link really was hostile, and recovery really ran.
    expect(net.stats.lost).toBeGreaterThan(10_000);
    expect(net.stats.reordered + net.stats.duplicated).toBeGreaterThan(10_000);
    expect(a.stats.fastRetransmits).toBeGreaterThan(100);
    expect(a.stats.retransmittedSegments).toBeGreaterThan(net.stats.lost / 4);
  });

  it('arrives byte-exact with NewReno recovery when SACK is off', () => {
    const net = new SimNetwork({ seed: 99, link: LINK });
    const opts = { congestionControl: 'newreno', sack: false, mslMs: 1000 } as const;
    const a = net.addStack({ address: '10.9.1.1', seed: 3, ...opts });
    const b = net.addStack({ address: '10.9.1.2', seed: 4, ...opts });
    const r = runBulkTransfer(net, a, b, GiB);
    expect(r.bytes).toBe(GiB);
    expect(r.mismatches).toBe(0);
    expect(a.sockets()).toHaveLength(0);
    expect(a.stats.fastRetransmits).toBeGreaterThan(100);
  });
});
