import { describe, expect, it } from 'vitest';
import { CubicController } from './cubic.ts';
import { RaccController } from './racc.ts';
import { congestionControllerFactory } from './registry.ts';
import type { AckEvent, ReplicationStatus } from './types.ts';

const MSS = 1460;
const ack = (nowMs: number, ackedBytes: number): AckEvent => ({
  ackedBytes,
  flightBytes: 64 * MSS,
  mss: MSS,
  nowMs,
  srttMs: 10,
  rttSampleMs: 10,
});
const loss = (nowMs: number) => ({ flightBytes: 64 * MSS, mss: MSS, nowMs });

describe('replication-aware congestion control', () => {
  it('unreplicated, it is CUBIC: the same window after the same events', () => {
    const racc = new RaccController({ mss: MSS, initialWindowSegments: 10 });
    const cubic = new CubicController({ mss: MSS, initialWindowSegments: 10 });
    for (let t = 0; t < 2000; t += 10) {
      for (const c of [racc, cubic]) {
        if (t === 500 || t === 1300) c.onCongestionEvent(loss(t));
        else if (t === 520 || t === 1320) c.onRecoveryEnd(loss(t));
        else c.onAck(ack(t, 4 * MSS));
      }
      expect(racc.cwnd).toBe(cubic.cwnd);
      expect(racc.ssthresh).toBe(cubic.ssthresh);
    }
  });

  it('while the VMM speculates, the window is its buffer: full from the first segment, never cut', () => {
    let status: ReplicationStatus | undefined = {
      capacityBytes: 16 << 20,
      occupancyBytes: 0,
      epochMs: 25,
      commitLatencyMs: 8,
    };
    const racc = new RaccController({ mss: MSS, initialWindowSegments: 10, replicationStatus: () => status });
    expect(racc.cwnd).toBe(16 << 20); // no slow start: the buffer is filled at once
    racc.onCongestionEvent(loss(5));
    racc.onRetransmitTimeout(loss(6));
    expect(racc.cwnd).toBe(16 << 20); // the VMM meets the path; the guest's view of it is not the signal
    // Speculation stops (the VMM changed mode): the guest is an ordinary endpoint again, from CUBIC's state.
    status = { ...status, capacityBytes: 0 };
    expect(racc.cwnd).toBe(MSS); // the timeout above was CUBIC's too
    racc.onAck(ack(10, MSS));
    expect(racc.cwnd).toBe(2 * MSS);
    status = undefined;
    expect(racc.cwnd).toBe(2 * MSS);
  });

  it('is registered by name, and its state round-trips as CUBIC state', () => {
    const make = congestionControllerFactory('racc');
    const a = make({ mss: MSS, initialWindowSegments: 10 });
    expect(a.name).toBe('racc');
    for (let t = 0; t < 300; t += 10) a.onAck(ack(t, 8 * MSS));
    const b = make({ mss: MSS, initialWindowSegments: 10 });
    b.restore(a.save());
    expect(b.cwnd).toBe(a.cwnd);
  });
});
