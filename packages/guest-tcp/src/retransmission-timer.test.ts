/** The retransmission timer (RFC 6298 §5, RFC 1122 §4.2.3.5, RFC 5681 §3.1) on an established connection. */
import { describe, expect, it } from 'vitest';
import type { TcpConfig, TcpSocketError } from './types.ts';
import { ScriptedPeer, payload, segEnd } from './testing/scripted-peer.ts';
import { ACK, RST } from './wire/tcp-segment.ts';

/** Established with a 100 ms handshake RTT: SRTT 100, RTTVAR 50, RTO 300 ms. No timestamps: MSS 1460. */
function established(config: Partial<TcpConfig> = {}) {
  const peer = new ScriptedPeer({ nagle: false, ...config });
  const { socket } = peer.openActive({ mss: 1460, windowScale: 7, rttMs: 100 });
  expect(socket.info().rtoMs).toBe(300);
  return { peer, socket };
}

/** Times at which the stack emits its next `n` segments, advancing only through timers. */
function nextEmissions(peer: ScriptedPeer, n: number) {
  const out: Array<{ t: number; seg: ReturnType<ScriptedPeer['takeOne']> }> = [];
  for (let i = 0; i < n; i++) {
    const t = peer.advanceUntilOutput();
    if (t === undefined) break;
    for (const seg of peer.take()) out.push({ t, seg });
  }
  return out;
}

describe('retransmission timeout', () => {
  it('fires after RTO, then backs off exponentially: 1st, 2nd, 3rd timeouts at 300, 600, 1200 ms intervals', () => {
    const { peer, socket } = established();
    const t0 = peer.clock.t;
    socket.write(payload(1000));
    const original = peer.takeOne();
    const rtx = nextEmissions(peer, 3);
    expect(rtx.map((r) => r.t - t0)).toEqual([300, 300 + 600, 300 + 600 + 1200]);
    for (const { seg } of rtx) {
      expect(seg.seq).toBe(original.seq);
      expect(seg.payload).toEqual(original.payload);
    }
    expect(peer.stack.stats.retransmitTimeouts).toBe(3);
    expect(peer.stack.stats.retransmittedSegments).toBe(3);
    expect(socket.info().rtoMs).toBe(2400);
    expect(socket.state).toBe('ESTABLISHED');
  });

  it('caps the back-off at maxRtoMs', () => {
    const { peer, socket } = established({ maxRtoMs: 1000 });
    const t0 = peer.clock.t;
    socket.write(payload(10));
    peer.take();
    const rtx = nextEmissions(peer, 5);
    const gaps = rtx.map((r, i) => r.t - (i === 0 ? t0 : rtx[i - 1].t));
    expect(gaps).toEqual([300, 600, 1000, 1000, 1000]);
  });

  it('gives up with ETIMEDOUT and a RST after dataRetries timeouts', () => {
    const { peer, socket } = established({ dataRetries: 3 });
    const t0 = peer.clock.t;
    const closes: Array<TcpSocketError | undefined> = [];
    socket.on('close', (e) => closes.push(e));
    socket.write(payload(500));
    peer.take();
    peer.advance(60_000);
    const times = peer.historyTimes.slice(-4).map((t) => t - t0);
    const segs = peer.history.slice(-4);
    // Three retransmissions (300, 900, 2100), then at the fourth expiry (4500) a RST instead.
    expect(times).toEqual([300, 900, 2100, 4500]);
    expect(segs.slice(0, 3).every((s) => s.payload.length === 500)).toBe(true);
    expect(segs[3].flags).toBe(RST | ACK);
    expect(socket.state).toBe('CLOSED');
    expect(closes.length).toBe(1);
    expect(closes[0]?.code).toBe('ETIMEDOUT');
    expect(peer.stack.nextDeadline()).toBeUndefined();
  });

  it('an ACK of new data clears the back-off, and Karn’s rule keeps the retransmitted segment out of SRTT', () => {
    const { peer, socket } = established();
    socket.write(payload(100));
    const seg = peer.takeOne();
    nextEmissions(peer, 2); // two timeouts: RTO now 1200
    peer.advance(500);
    peer.send({ ack: segEnd(seg) }); // acknowledges the retransmitted data: no RTT sample
    expect(socket.info().srttMs).toBe(100);
    expect(socket.info().rtoMs).toBe(300);
    const t1 = peer.clock.t;
    socket.write(payload(100));
    peer.take();
    expect(peer.advanceUntilOutput()! - t1).toBe(300);
  });

  it('restarts the timer on each new ACK and stops it when everything is acknowledged (§5.2, §5.3)', () => {
    const { peer, socket } = established();
    socket.write(payload(3 * 1460));
    const segs = peer.take();
    expect(socket.rtoAt).toBe(peer.clock.t + 300);
    peer.advance(200);
    peer.send({ ack: segEnd(segs[0]) });
    expect(socket.rtoAt).toBe(peer.clock.t + socket.info().rtoMs);
    peer.send({ ack: segEnd(segs[2]) });
    expect(socket.rtoAt).toBeUndefined();
    expect(peer.stack.nextDeadline()).toBeUndefined();
  });

  it('collapses cwnd to one segment and resends go-back-N, growing again in slow start', () => {
    const { peer, socket } = established({ congestionControl: 'newreno' });
    socket.write(payload(6 * 1460));
    const segs = peer.take();
    expect(segs.length).toBe(6);
    peer.advanceUntilOutput();
    const first = peer.take();
    expect(first.map((s) => s.seq)).toEqual([segs[0].seq]);
    expect(socket.info().cwnd).toBe(1460);
    expect(socket.info().ssthresh).toBe(3 * 1460);
    peer.send({ ack: segEnd(segs[0]) });
    expect(peer.take().map((s) => s.seq)).toEqual([segs[1].seq, segs[2].seq]);
    peer.send({ ack: segEnd(segs[2]) });
    expect(peer.take().map((s) => s.seq)).toEqual([segs[3].seq, segs[4].seq, segs[5].seq]);
    peer.send({ ack: segEnd(segs[5]) });
    expect(socket.unacknowledgedLength).toBe(0);
    expect(peer.stack.stats.retransmittedSegments).toBe(6);
  });
});
