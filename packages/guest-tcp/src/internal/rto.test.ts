import { describe, expect, it } from 'vitest';
import { RtoEstimator } from './rto.ts';

const bounds = { initialMs: 1000, minMs: 200, maxMs: 60_000, granularityMs: 1 };

describe('RtoEstimator (RFC 6298)', () => {
  it('starts at the initial RTO with no SRTT (§2.1)', () => {
    const e = new RtoEstimator(bounds);
    expect(e.rto).toBe(1000);
    expect(e.srtt).toBeUndefined();
  });

  it('first sample: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, 4*RTTVAR) (§2.2)', () => {
    const e = new RtoEstimator(bounds);
    e.sample(100);
    expect(e.srtt).toBe(100);
    expect(e.rttvar).toBe(50);
    expect(e.rto).toBe(300);
  });

  it('later samples: RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, then SRTT = 7/8 SRTT + 1/8 R (§2.3)', () => {
    const e = new RtoEstimator(bounds);
    e.sample(100);
    e.sample(300);
    // RTTVAR uses the old SRTT: 0.75*50 + 0.25*|100-300| = 87.5; SRTT = 0.875*100 + 0.125*300 = 125.
    expect(e.rttvar).toBe(87.5);
    expect(e.srtt).toBe(125);
    expect(e.rto).toBe(125 + 4 * 87.5);
    e.sample(125);
    expect(e.rttvar).toBeCloseTo(0.75 * 87.5, 10);
    expect(e.srtt).toBe(125);
    expect(e.rto).toBeCloseTo(125 + 4 * 0.75 * 87.5, 10);
  });

  it('applies the clock granularity when the variance vanishes', () => {
    const e = new RtoEstimator({ initialMs: 1000, minMs: 1, maxMs: 60_000, granularityMs: 10 });
    e.sample(0);
    expect(e.rto).toBe(10);
    for (let i = 0; i < 200; i++) e.sample(50);
    // RTTVAR decays towards zero, so RTO approaches SRTT + G.
    expect(e.rto).toBeGreaterThanOrEqual(e.srtt! + 10);
    expect(e.rto).toBeLessThan(e.srtt! + 10.001);
  });

  it('clamps to the minimum (§2.4) and maximum (§2.5)', () => {
    const e = new RtoEstimator(bounds);
    e.sample(10);
    expect(e.rto).toBe(200);
    e.sample(100_000);
    expect(e.rto).toBe(60_000);
  });

  it('treats a negative sample as zero', () => {
    const e = new RtoEstimator(bounds);
    e.sample(-5);
    expect(e.srtt).toBe(0);
  });

  it('doubles on each back-off (§5.5) and stops at the maximum', () => {
    const e = new RtoEstimator({ ...bounds, maxMs: 10_000 });
    e.sample(100); // RTO 300
    const seen = [e.rto];
    for (let i = 0; i < 8; i++) {
      e.backOff();
      seen.push(e.rto);
    }
    expect(seen).toEqual([300, 600, 1200, 2400, 4800, 9600, 10_000, 10_000, 10_000]);
    // The back-off count stops growing once the cap is reached.
    expect(e.backoffs).toBe(6);
  });

  it('backs off the initial RTO before any sample (SYN retransmissions)', () => {
    const e = new RtoEstimator(bounds);
    e.backOff();
    e.backOff();
    expect(e.rto).toBe(4000);
  });

  it('a new sample or clearBackoff() removes the back-off', () => {
    const e = new RtoEstimator(bounds);
    e.sample(100);
    e.backOff();
    e.backOff();
    expect(e.rto).toBe(1200);
    e.clearBackoff();
    expect(e.rto).toBe(300);
    e.backOff();
    e.sample(100);
    expect(e.backoffs).toBe(0);
    expect(e.rto).toBeCloseTo(100 + 4 * 37.5, 10);
  });
});
