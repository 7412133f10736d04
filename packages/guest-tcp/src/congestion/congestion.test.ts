import { describe, expect, it } from 'vitest';
import { CubicController } from './cubic.ts';
import { NewRenoController } from './newreno.ts';
import { congestionControllerFactory, registerCongestionController } from './registry.ts';
import type { CongestionController } from './types.ts';

const MSS = 1000;
const opts = { mss: MSS, initialWindowSegments: 10 };

function ack(cc: CongestionController, bytes: number, nowMs = 0, srttMs: number | undefined = 100): void {
  cc.onAck({ ackedBytes: bytes, flightBytes: cc.cwnd, mss: MSS, nowMs, srttMs, rttSampleMs: undefined });
}

const loss = (flightBytes: number, nowMs = 0) => ({ flightBytes, mss: MSS, nowMs });

/**
 * An ACK clock: every RTT the whole window is acknowledged in MSS-sized ACKs spread evenly over the RTT.
 * Returns cwnd in segments at the end of each RTT, with the time (seconds since `startMs`).
 */
function ackClock(
  cc: CongestionController,
  startMs: number,
  seconds: number,
  rttMs = 100,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let now = startMs;
  const end = startMs + seconds * 1000;
  while (now < end) {
    const acks = Math.max(1, Math.floor(cc.cwnd / MSS));
    for (let i = 0; i < acks; i++) ack(cc, MSS, now + (i * rttMs) / acks, rttMs);
    now += rttMs;
    out.push([(now - startMs) / 1000, cc.cwnd / MSS]);
  }
  return out;
}

/** cwnd (segments) at the first sample at or after time t. */
function at(curve: Array<[number, number]>, t: number): number {
  const s = curve.find(([time]) => time >= t - 1e-9);
  if (!s) throw new Error(`no sample at ${t}`);
  return s[1];
}

describe('NewReno (RFC 5681, RFC 6582)', () => {
  it('starts at the RFC 6928 initial window with an unbounded ssthresh', () => {
    const cc = new NewRenoController(opts);
    expect(cc.cwnd).toBe(10 * MSS);
    expect(cc.ssthresh).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('slow start grows by every byte acked, stretch ACKs included (RFC 3465 byte counting, as Linux)', () => {
    const cc = new NewRenoController(opts);
    ack(cc, MSS);
    expect(cc.cwnd).toBe(11 * MSS);
    ack(cc, 5 * MSS); // a stretch ACK for five segments (a coalesced burst) counts all five
    expect(cc.cwnd).toBe(16 * MSS);
    ack(cc, 300);
    expect(cc.cwnd).toBe(16 * MSS + 300);
    // A window's worth of per-segment ACKs doubles the window (exponential growth per RTT).
    const cc2 = new NewRenoController(opts);
    for (let i = 0; i < 10; i++) ack(cc2, MSS);
    expect(cc2.cwnd).toBe(20 * MSS);
  });

  it('halves on a congestion event: ssthresh = max(FlightSize/2, 2*SMSS), cwnd = ssthresh + 3*SMSS', () => {
    const cc = new NewRenoController(opts);
    cc.onCongestionEvent(loss(20 * MSS));
    expect(cc.ssthresh).toBe(10 * MSS);
    expect(cc.cwnd).toBe(13 * MSS);
    const small = new NewRenoController(opts);
    small.onCongestionEvent(loss(3 * MSS));
    expect(small.ssthresh).toBe(2 * MSS);
  });

  it('deflates to min(ssthresh, FlightSize + SMSS) when recovery ends (RFC 6582 §3.2 step 3)', () => {
    const cc = new NewRenoController(opts);
    cc.onCongestionEvent(loss(20 * MSS));
    cc.onRecoveryEnd(loss(20 * MSS));
    expect(cc.cwnd).toBe(10 * MSS);
    const cc2 = new NewRenoController(opts);
    cc2.onCongestionEvent(loss(20 * MSS));
    cc2.onRecoveryEnd(loss(4 * MSS));
    expect(cc2.cwnd).toBe(5 * MSS);
  });

  it('after a full ACK that leaves nothing in flight, deflates to min(ssthresh, max(FlightSize, SMSS) + SMSS)', () => {
    // RFC 6582 §3.2 step 3 option (1): with FlightSize 0 that is 2 * SMSS, not 1.
    const cc = new NewRenoController(opts);
    cc.onCongestionEvent(loss(20 * MSS));
    cc.onRecoveryEnd(loss(0));
    expect(cc.cwnd).toBe(2 * MSS);
  });

  it('congestion avoidance adds one SMSS per window of acknowledged bytes', () => {
    const cc = new NewRenoController(opts);
    cc.onCongestionEvent(loss(20 * MSS));
    cc.onRecoveryEnd(loss(20 * MSS)); // cwnd = ssthresh = 10 segments: congestion avoidance
    for (let i = 0; i < 9; i++) ack(cc, MSS);
    expect(cc.cwnd).toBe(10 * MSS);
    ack(cc, MSS);
    expect(cc.cwnd).toBe(11 * MSS);
    for (let i = 0; i < 10; i++) ack(cc, MSS);
    expect(cc.cwnd).toBe(11 * MSS);
    ack(cc, MSS);
    expect(cc.cwnd).toBe(12 * MSS);
  });

  it('a stretch ACK crossing ssthresh stops slow start there and gives the rest to congestion avoidance', () => {
    const cc = new NewRenoController(opts);
    cc.onRetransmitTimeout(loss(16 * MSS)); // cwnd 1, ssthresh 8 segments
    ack(cc, 7 * MSS + 8 * MSS); // 7 segments reach ssthresh; the other 8 are a whole window: one more SMSS
    expect(cc.cwnd).toBe(9 * MSS);
    ack(cc, 9 * MSS + 10 * MSS); // a window at 9 segments and then one at 10, in one ACK: two SMSS, not one
    expect(cc.cwnd).toBe(11 * MSS);
  });

  it('collapses to one segment on RTO and slow-starts back to ssthresh', () => {
    const cc = new NewRenoController(opts);
    cc.onRetransmitTimeout(loss(16 * MSS));
    expect(cc.cwnd).toBe(MSS);
    expect(cc.ssthresh).toBe(8 * MSS);
    for (let i = 0; i < 7; i++) ack(cc, MSS);
    expect(cc.cwnd).toBe(8 * MSS);
    ack(cc, MSS); // now in congestion avoidance
    expect(cc.cwnd).toBe(8 * MSS);
  });

  it('never lets setCwnd go below one segment', () => {
    const cc = new NewRenoController(opts);
    cc.setCwnd(10);
    expect(cc.cwnd).toBe(MSS);
    cc.setCwnd(5 * MSS);
    expect(cc.cwnd).toBe(5 * MSS);
  });

  it('saves and restores its state exactly, and rejects incomplete state', () => {
    const a = new NewRenoController(opts);
    a.onCongestionEvent(loss(30 * MSS));
    a.onRecoveryEnd(loss(30 * MSS));
    ack(a, 700);
    const b = new NewRenoController(opts);
    b.restore(a.save());
    expect(b.save()).toEqual(a.save());
    for (let i = 0; i < 50; i++) {
      ack(a, 900);
      ack(b, 900);
      expect(b.cwnd).toBe(a.cwnd);
    }
    expect(() => b.restore({ cwnd: 1, ssthresh: 2 })).toThrow(/caAcked/);
  });
});

describe('CUBIC (RFC 9438)', () => {
  /** A controller in congestion avoidance at `segments` with no history. */
  function cubicAt(segments: number): CubicController {
    const cc = new CubicController(opts);
    cc.setCwnd(segments * MSS);
    return cc;
  }

  it('slow-starts like Reno below ssthresh', () => {
    const cc = new CubicController(opts);
    expect(cc.name).toBe('cubic');
    ack(cc, MSS);
    expect(cc.cwnd).toBe(11 * MSS);
    ack(cc, 10 * MSS); // a stretch ACK counts every segment it covers
    expect(cc.cwnd).toBe(21 * MSS);
  });

  it('multiplicative decrease uses beta_cubic = 0.7 (§4.6), not Reno’s 0.5', () => {
    const cc = cubicAt(100);
    cc.onCongestionEvent(loss(100 * MSS));
    expect(cc.ssthresh).toBe(70 * MSS);
    expect(cc.cwnd).toBe(70 * MSS);
    expect(cc.save().wMax).toBe(100);
    cc.onRecoveryEnd(loss(70 * MSS));
    expect(cc.cwnd).toBe(70 * MSS);
    // The floor is 2 segments.
    const tiny = cubicAt(2);
    tiny.onCongestionEvent(loss(2 * MSS));
    expect(tiny.ssthresh).toBe(2 * MSS);
  });

  it('grows back toward W_max along a concave curve, plateaus at W_max near t = K, then probes convexly', () => {
    const cc = cubicAt(100);
    cc.onCongestionEvent(loss(100 * MSS, 10_000));
    cc.onRecoveryEnd(loss(70 * MSS, 10_000));
    const curve = ackClock(cc, 10_000, 8);
    const K = Math.cbrt((100 - 70) / 0.4); // 4.217 s
    // Monotone growth.
    for (let i = 1; i < curve.length; i++) expect(curve[i][1]).toBeGreaterThanOrEqual(curve[i - 1][1]);
    // Concave: each second adds less than the one before, and the window stays below W_max.
    const g = (a: number, b: number) => at(curve, b) - at(curve, a);
    expect(g(0, 1)).toBeGreaterThan(g(1, 2));
    expect(g(1, 2)).toBeGreaterThan(g(2, 3));
    expect(g(2, 3)).toBeGreaterThan(g(3, 4));
    expect(at(curve, 1)).toBeGreaterThan(80); // fast recovery of most of the reduction
    for (const [t, w] of curve) if (t < K - 0.5) expect(w).toBeLessThan(100);
    // Plateau around W_max.
    expect(at(curve, K)).toBeGreaterThan(98);
    expect(at(curve, K)).toBeLessThan(102);
    expect(g(K - 0.5, K + 0.5)).toBeLessThan(2);
    // Convex probing beyond K.
    expect(at(curve, 7)).toBeGreaterThan(105);
    expect(g(6, 7)).toBeGreaterThan(g(5, 6));
    expect(g(5, 6)).toBeGreaterThan(g(K, K + 1) - 1e-9);
  });

  it('fast convergence: a loss below the previous maximum lowers W_max to cwnd * (1 + beta) / 2 (§4.7)', () => {
    const cc = cubicAt(100);
    cc.onCongestionEvent(loss(100 * MSS));
    expect(cc.save()).toMatchObject({ wMax: 100, wLastMax: 100 });
    cc.setCwnd(80 * MSS);
    cc.onCongestionEvent(loss(80 * MSS, 20_000));
    expect(cc.save().wMax).toBeCloseTo(68, 10);
    expect(cc.save().wLastMax).toBe(80);
    expect(cc.cwnd).toBe(56 * MSS);
    // The curve now plateaus near 68 segments, below the 80 where the loss happened. (A 300 ms RTT keeps the
    // Reno-friendly estimate W_est of §4.3, which grows per RTT, below the cubic curve.)
    cc.onRecoveryEnd(loss(56 * MSS, 20_000));
    const curve = ackClock(cc, 20_000, 3.5, 300);
    const K = Math.cbrt((68 - 56) / 0.4); // 3.1 s
    expect(at(curve, K)).toBeGreaterThan(66);
    expect(at(curve, K)).toBeLessThan(70);
    // The same loss without the earlier, larger maximum keeps W_max = 80 and climbs higher by then.
    const plain = cubicAt(80);
    plain.onCongestionEvent(loss(80 * MSS, 20_000));
    plain.onRecoveryEnd(loss(56 * MSS, 20_000));
    const plainCurve = ackClock(plain, 20_000, 3.5, 300);
    expect(at(plainCurve, K)).toBeGreaterThan(at(curve, K) + 5);
  });

  it('without fast convergence (a loss above the last maximum) W_max is the cwnd at the loss', () => {
    const cc = cubicAt(70);
    cc.onCongestionEvent(loss(70 * MSS));
    cc.setCwnd(80 * MSS);
    cc.onCongestionEvent(loss(80 * MSS));
    expect(cc.save()).toMatchObject({ wMax: 80, wLastMax: 80 });
    expect(cc.cwnd).toBe(56 * MSS);
  });

  it('after an RTO restarts from one segment with ssthresh = 0.7 * cwnd (§4.8)', () => {
    const cc = cubicAt(50);
    cc.onRetransmitTimeout(loss(40 * MSS));
    expect(cc.cwnd).toBe(MSS);
    expect(cc.ssthresh).toBe(35 * MSS);
    for (let i = 0; i < 34; i++) ack(cc, MSS, 0);
    expect(cc.cwnd).toBe(35 * MSS);
  });

  it('saves and restores mid-epoch so both copies evolve identically', () => {
    const a = cubicAt(100);
    a.onCongestionEvent(loss(100 * MSS, 1000));
    a.onRecoveryEnd(loss(70 * MSS, 1000));
    ackClock(a, 1000, 1.3);
    const b = new CubicController(opts);
    b.restore(a.save());
    expect(b.save()).toEqual(a.save());
    const ca = ackClock(a, 2300, 3);
    const cb = ackClock(b, 2300, 3);
    expect(cb).toEqual(ca);
    expect(b.save()).toEqual(a.save());
    expect(() => b.restore({ ...a.save(), k: Number.NaN })).toThrow(/"k"/);
  });
});

describe('controller registry', () => {
  it('builds the named controllers and rejects unknown names', () => {
    expect(congestionControllerFactory('newreno')(opts).name).toBe('newreno');
    expect(congestionControllerFactory('cubic')(opts).name).toBe('cubic');
    expect(() => congestionControllerFactory('vegas')).toThrow(/unknown congestion controller "vegas"/);
    registerCongestionController('test-fixed', (o) => new NewRenoController(o));
    expect(congestionControllerFactory('test-fixed')(opts).cwnd).toBe(10 * MSS);
  });
});
