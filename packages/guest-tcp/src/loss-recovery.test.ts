/**
 * Loss recovery: fast retransmit on three duplicate ACKs and NewReno partial ACKs without SACK (RFC 5681 §3.2,
 * RFC 6582), and SACK-based recovery that resends only the holes (RFC 6675).
 */
import { describe, expect, it } from 'vitest';
import { runBulkTransfer } from './testing/bulk.ts';
import type { TcpConfig } from './types.ts';
import { ScriptedPeer, decode, payload, segEnd, simPair } from './testing/scripted-peer.ts';
import type { TcpSegment } from './wire/tcp-segment.ts';

const MSS = 1460;

/** A sender with 10 full segments in flight (IW 10) toward a scripted receiver without timestamps. */
function inFlight(config: Partial<TcpConfig>, sack: boolean, segments = 10, queued = segments) {
  const peer = new ScriptedPeer({ nagle: false, ...config });
  const { socket } = peer.openActive({ mss: MSS, windowScale: 7, sackPermitted: sack, rttMs: 50 });
  // The SYN-ACK's window is unscaled; this first ACK announces the scaled one, so the duplicates that follow
  // really carry an unchanged window (RFC 5681 §2 "DUPLICATE ACKNOWLEDGMENT" condition (e)).
  peer.send({});
  expect(socket.info().sendWindow).toBe(65535 * 128);
  socket.write(payload(queued * MSS));
  const segs = peer.take();
  expect(segs.length).toBe(segments);
  return { peer, socket, segs };
}

const dataOf = (segs: TcpSegment[]) => segs.filter((s) => s.payload.length > 0);

describe('fast retransmit and NewReno (SACK disabled)', () => {
  const config = { sack: false, congestionControl: 'newreno' };

  it('retransmits the first unacknowledged segment on the third duplicate ACK, not before', () => {
    const { peer, socket, segs } = inFlight(config, false);
    const una = segs[0].seq;
    peer.send({ ack: una });
    peer.send({ ack: una });
    expect(dataOf(peer.take())).toEqual([]);
    expect(socket.info().inRecovery).toBe(false);
    peer.send({ ack: una });
    const rtx = dataOf(peer.take());
    expect(rtx.length).toBe(1);
    expect(rtx[0].seq).toBe(una);
    expect(rtx[0].payload).toEqual(segs[0].payload);
    expect(peer.stack.stats.fastRetransmits).toBe(1);
    expect(peer.stack.stats.retransmitTimeouts).toBe(0);
    // RFC 6582 step 2: ssthresh = FlightSize / 2, cwnd = ssthresh + 3 * SMSS.
    expect(socket.info().inRecovery).toBe(true);
    expect(socket.info().ssthresh).toBe(5 * MSS);
    expect(socket.info().cwnd).toBe(8 * MSS);
  });

  it('inflates cwnd by one segment per further duplicate ACK, letting new data out (RFC 6582 step 4)', () => {
    const { peer, socket, segs } = inFlight(config, false, 10, 15);
    const una = segs[0].seq;
    for (let i = 0; i < 3; i++) peer.send({ ack: una });
    peer.take();
    // cwnd 8 segments against 10 outstanding: the 4th and 5th duplicates bring it to 10, the 6th to 11.
    peer.send({ ack: una });
    peer.send({ ack: una });
    expect(dataOf(peer.take())).toEqual([]);
    peer.send({ ack: una });
    const fresh = dataOf(peer.take());
    expect(fresh.map((s) => s.seq)).toEqual([segEnd(segs[9])]);
    expect(socket.info().cwnd).toBe(11 * MSS);
  });

  it('a partial ACK retransmits the next hole at once and stays in recovery; a full ACK ends it', () => {
    const { peer, socket, segs } = inFlight(config, false);
    // Segments 0 and 4 are lost; 1, 2, 3 arrive and draw three duplicates.
    for (let i = 0; i < 3; i++) peer.send({ ack: segs[0].seq });
    expect(dataOf(peer.take()).map((s) => s.seq)).toEqual([segs[0].seq]);
    const cwndInRecovery = socket.info().cwnd;
    // Segments 5..9 arrive too (five more duplicates), then the retransmission of 0 fills the first hole:
    for (let i = 0; i < 5; i++) peer.send({ ack: segs[0].seq });
    peer.take();
    const inflated = socket.info().cwnd;
    expect(inflated).toBe(cwndInRecovery + 5 * MSS);
    peer.send({ ack: segs[4].seq }); // partial ACK: below "recover"
    const rtx = dataOf(peer.take());
    expect(rtx.map((s) => s.seq)).toEqual([segs[4].seq]);
    expect(rtx[0].payload).toEqual(segs[4].payload);
    expect(socket.info().inRecovery).toBe(true);
    // Deflate by the amount acknowledged, add back one SMSS (RFC 6582 step 5).
    expect(socket.info().cwnd).toBe(inflated - 4 * MSS + MSS);
    expect(peer.stack.stats.retransmitTimeouts).toBe(0);
    expect(peer.stack.stats.fastRetransmits).toBe(1);
    peer.send({ ack: segEnd(segs[9]) }); // full ACK
    expect(socket.info().inRecovery).toBe(false);
    expect(socket.info().cwnd).toBeLessThanOrEqual(socket.info().ssthresh); // deflated (exact formula: congestion.test.ts)
    expect(socket.unacknowledgedLength).toBe(0);
    expect(peer.stack.stats.retransmittedSegments).toBe(2);
  });

  it('does not count ACKs that carry data or a window change as duplicates', () => {
    const { peer, socket, segs } = inFlight(config, false);
    const una = segs[0].seq;
    peer.send({ ack: una, payload: payload(10) });
    peer.send({ ack: una, window: 1000 });
    peer.send({ ack: una, window: 2000 });
    peer.take();
    expect(socket.info().inRecovery).toBe(false);
    expect(peer.stack.stats.fastRetransmits).toBe(0);
  });
});

describe('SACK recovery (RFC 6675)', () => {
  it('entering recovery retransmits the first lost segment exactly once', () => {
    const { peer, segs } = inFlight({}, true);
    const una = segs[0].seq;
    for (let i = 1; i <= 3; i++) peer.send({ ack: una, sack: [[segs[1].seq, segEnd(segs[i])]] });
    const rtx = dataOf(peer.take());
    expect(peer.stack.stats.fastRetransmits).toBe(1);
    expect(rtx.map((s) => s.seq)).toEqual([una]);
  });

  it('does not resend segments above the highest SACKed byte, which are not known lost (NextSeg rule 3)', () => {
    const { peer, segs } = inFlight({}, true);
    // Segments 0 and 1 arrive; 2 is lost; 3, 4, 5 arrive; 6..9 are still in flight.
    peer.send({ ack: segs[2].seq });
    for (let i = 3; i <= 5; i++) peer.send({ ack: segs[2].seq, sack: [[segs[3].seq, segEnd(segs[i])]] });
    const rtx = dataOf(peer.take());
    expect(rtx.length).toBeGreaterThan(0);
    const above = rtx.filter((s) => s.seq !== segs[2].seq);
    expect(above.map((s) => s.seq)).toEqual([]);
  });

  it('resends only the holes the receiver reports, each once, and leaves recovery on the full ACK', () => {
    const { peer, socket, segs } = inFlight({}, true);
    // Segments 1 and 4 are lost; every other one arrives in order and is SACKed.
    const lost = new Set([segs[1].seq, segs[4].seq]);
    peer.send({ ack: segs[1].seq });
    const blocks = (upTo: number): Array<[number, number]> => {
      const b: Array<[number, number]> = [];
      for (let i = 2; i <= upTo; i++) {
        if (lost.has(segs[i].seq)) continue;
        const last = b[b.length - 1];
        if (last && last[1] === segs[i].seq) last[1] = segEnd(segs[i]);
        else b.push([segs[i].seq, segEnd(segs[i])]);
      }
      return b.reverse(); // newest first
    };
    const rtx: TcpSegment[] = [];
    for (let i = 2; i <= 9; i++) {
      if (lost.has(segs[i].seq)) continue;
      peer.send({ ack: segs[1].seq, sack: blocks(i).slice(0, 4) });
      rtx.push(...dataOf(peer.take()));
    }
    expect(socket.info().inRecovery).toBe(true);
    expect(rtx.map((s) => s.seq).sort((a, b) => a - b)).toEqual([...lost].sort((a, b) => a - b));
    peer.send({ ack: segEnd(segs[9]) });
    expect(socket.info().inRecovery).toBe(false);
    expect(socket.unacknowledgedLength).toBe(0);
    expect(peer.stack.stats.retransmitTimeouts).toBe(0);
  });

  it('over SimNetwork, with chosen segments dropped, retransmits exactly the dropped ones and no others', () => {
    const { net, a, b } = simPair({ link: { delayMs: 10, bandwidthMbps: 100 } });
    const total = 400 * 1024;
    const dropIndex = new Set([5, 6, 40, 41, 42, 120]);
    const dropped = new Set<number>();
    const firstSent = new Set<number>();
    const resent: number[] = [];
    let dataIndex = 0;
    net.observe((p, from) => {
      if (from !== a.address) return;
      const s = decode(p);
      if (s.payload.length === 0) return;
      if (firstSent.has(s.seq)) {
        resent.push(s.seq);
        return;
      }
      firstSent.add(s.seq);
      if (dropIndex.has(dataIndex++)) {
        dropped.add(s.seq);
        return 'drop';
      }
    });
    const result = runBulkTransfer(net, a, b, total, { seed: 3 });
    expect(result.bytes).toBe(total);
    expect(result.mismatches).toBe(0);
    expect(dropped.size).toBe(dropIndex.size);
    expect(a.stats.retransmitTimeouts).toBe(0);
    expect(a.stats.fastRetransmits).toBeGreaterThanOrEqual(1);
    expect(new Set(resent)).toEqual(dropped);
    expect(resent.length).toBe(dropped.size);
    expect(a.stats.retransmittedSegments).toBe(dropped.size);
  });

  it('over a lossy, reordering SimNetwork a SACK transfer completes byte-exactly', () => {
    const { net, a, b } = simPair({
      seed: 99,
      link: {
        delayMs: 15,
        bandwidthMbps: 40,
        loss: 0.02,
        reorder: 0.01,
        reorderDelayMs: 3,
        duplicate: 0.005,
      },
    });
    const result = runBulkTransfer(net, a, b, 1024 * 1024, { seed: 8 });
    expect(result.bytes).toBe(1024 * 1024);
    expect(result.mismatches).toBe(0);
    expect(net.stats.lost).toBeGreaterThan(0);
    expect(a.stats.fastRetransmits).toBeGreaterThan(0);
  });
});
