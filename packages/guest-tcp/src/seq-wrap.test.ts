/**
 * Sequence numbers wrap at 2^32 (RFC 9293 §3.4). Both directions are exercised: the peer's ISN is chosen near
 * the top, and the stack's own ISN is steered there through its RFC 6528 clock component (ISN = M + F, with
 * M = 250 * t): F is learnt from a probe stack with the same seed, then the real stack connects at the time t
 * that puts M + F just below 2^32.
 */
import { describe, expect, it } from 'vitest';
import { seqAdd, seqDiff } from './internal/seq.ts';
import { TcpStack } from './stack.ts';
import { runBulkTransfer } from './testing/bulk.ts';
import {
  ManualClock,
  PEER_ADDRESS,
  ScriptedPeer,
  SIM_A,
  SIM_B,
  decode,
  payload,
  segEnd,
  simPair,
} from './testing/scripted-peer.ts';
import { FIN, SYN } from './wire/tcp-segment.ts';

/** F(4-tuple, secret) of RFC 6528 for a stack with `seed`: the ISN it picks at time 0. */
function isnHash(
  seed: number,
  address: string,
  remote: string,
  remotePort: number,
  localPort?: number,
): number {
  const clock = new ManualClock();
  let isn = -1;
  const probe = new TcpStack({
    address,
    seed,
    clock,
    output: (p) => {
      if (isn < 0) isn = decode(p).seq;
    },
  });
  probe.connect(remote, remotePort, localPort === undefined ? {} : { localPort });
  return isn;
}

/** A clock time at which the stack's ISN lands in [target, target + 250). */
function timeForIsn(hash: number, target: number): number {
  return Math.ceil(((target - hash) >>> 0) / 250);
}

describe('sequence-number wrap-around', () => {
  it('receives a stream whose sequence numbers wrap (peer ISN 0xFFFFF000), in and out of order', () => {
    const peer = new ScriptedPeer();
    const { socket } = peer.openPassive({
      isn: 0xfffff000,
      mss: 1460,
      windowScale: 7,
      sackPermitted: true,
      timestamps: true,
    });
    const total = 40 * 1448;
    const data = payload(total, 0, 9);
    const start = peer.sndNxt;
    expect(start).toBe(0xfffff001);
    const order = Array.from({ length: 40 }, (_, i) => i);
    // Swap neighbours around the wrap (segment 2 straddles 2^32) so the reassembly queue works across it.
    [order[2], order[3]] = [order[3], order[2]];
    [order[4], order[6]] = [order[6], order[4]];
    const acks: number[] = [];
    const sacks: Array<ReadonlyArray<readonly [number, number]>> = [];
    for (const i of order) {
      peer.send({
        seq: seqAdd(start, i * 1448),
        payload: data.subarray(i * 1448, (i + 1) * 1448),
        advance: false,
      });
      for (const s of peer.take()) {
        acks.push(s.ack);
        if (s.options.sack) sacks.push(s.options.sack);
      }
    }
    peer.advance(100);
    for (const s of peer.take()) acks.push(s.ack);
    const got: Uint8Array[] = [];
    for (let d; (d = socket.read()) !== null;) got.push(d);
    expect(Buffer.concat(got)).toEqual(Buffer.from(data));
    expect(acks[acks.length - 1]).toBe(seqAdd(start, total));
    expect(acks[acks.length - 1]).toBeLessThan(0x10000); // it really wrapped
    // The out-of-order segment 3 was SACKed with a block beyond the wrap.
    expect(sacks[0][0]).toEqual([seqAdd(start, 3 * 1448), seqAdd(start, 4 * 1448)]);
    expect(sacks[0][0][0]).toBeLessThan(0x10000);
    expect(socket.rcvNxt).toBe(seqAdd(start, total));
  });

  it('sends a stream across the wrap of its own ISN and frees the send buffer on cumulative ACKs', () => {
    const hash = isnHash(1, '10.0.0.1', PEER_ADDRESS, 40000, 80);
    const peer = new ScriptedPeer({ nagle: false });
    peer.clock.t = timeForIsn(hash, 0xffffe000);
    const { socket, syn } = peer.openActive({
      mss: 1460,
      sackPermitted: true,
      windowScale: 7,
      window: 65535,
    });
    expect(seqDiff(0, syn.seq)).toBeGreaterThan(0);
    expect(seqDiff(0, syn.seq)).toBeLessThanOrEqual(0x2000);
    const total = 64 * 1024;
    const data = payload(total, 0, 5);
    let written = 0;
    const segs = [];
    while (written < total || socket.unacknowledgedLength > 0) {
      if (written < total) written += socket.write(data.subarray(written, Math.min(total, written + 8192)));
      const out = peer.take();
      segs.push(...out);
      const last = out[out.length - 1];
      if (last) peer.send({ ack: segEnd(last) });
      peer.advance(1);
    }
    const dataSegs = segs.filter((s) => s.payload.length > 0);
    expect(ScriptedPeer.payloadOf(dataSegs)).toEqual(data);
    expect(dataSegs.some((s) => s.seq > 0xf0000000)).toBe(true);
    expect(dataSegs.some((s) => s.seq < 0x10000000)).toBe(true);
    expect(peer.stack.stats.retransmittedSegments).toBe(0);
    expect(socket.sndUna).toBe(seqAdd(syn.seq, 1 + total));
    expect(socket.rtoAt).toBeUndefined();
  });

  it('fast-retransmits the right segment when the hole straddles 2^32 (three duplicate ACKs, no SACK)', () => {
    const hash = isnHash(1, '10.0.0.1', PEER_ADDRESS, 40000, 80);
    const peer = new ScriptedPeer();
    peer.clock.t = timeForIsn(hash, 0xfffff000);
    const { socket, syn } = peer.openActive({ mss: 1460, windowScale: 7 });
    const first = seqAdd(syn.seq, 1);
    socket.write(payload(10 * 1460));
    const segs = peer.take();
    expect(segs.length).toBe(10);
    // Lose the segment that contains sequence number 0 (it starts below 2^32 and ends above).
    const idx = segs.findIndex((s) => seqDiff(segEnd(s), 0) > 0 && seqDiff(s.seq, 0) <= 0);
    expect(idx).toBeGreaterThanOrEqual(0);
    expect(idx).toBeLessThan(7);
    const lost = segs[idx];
    peer.send({ ack: lost.seq }); // cumulative ACK of what came before
    for (let i = 0; i < 3; i++) peer.send({ ack: lost.seq }); // segments idx+1..idx+3 arrived
    const rtx = peer.take().filter((s) => s.payload.length > 0);
    expect(rtx.length).toBe(1);
    expect(rtx[0].seq).toBe(lost.seq);
    expect(rtx[0].payload).toEqual(lost.payload);
    expect(peer.stack.stats.fastRetransmits).toBe(1);
    expect(seqDiff(lost.seq, first)).toBe(idx * 1460);
    // The ACK for everything completes recovery across the wrap.
    peer.send({ ack: segEnd(segs[9]) });
    expect(socket.unacknowledgedLength).toBe(0);
    expect(socket.info().inRecovery).toBe(false);
  });

  it('a 2 MB bulk transfer with loss over SimNetwork crosses 2^32 byte-exactly', () => {
    const { net, a, b } = simPair({ seed: 7, link: { delayMs: 5, bandwidthMbps: 50, loss: 0.01 } });
    // A's first ephemeral port is the same for a probe with the same seed, so F is the same.
    const hash = isnHash(11, SIM_A, SIM_B, 5001);
    net.clock.t = timeForIsn(hash, (0xffffffff - 1_000_000) >>> 0);
    let synSeq = -1;
    let maxSeqSeen = 0;
    let wrapped = false;
    net.observe((p, from) => {
      if (from !== a.address) return;
      const s = decode(p);
      if (s.flags & SYN) synSeq = s.seq;
      else if (s.payload.length > 0 && !(s.flags & FIN)) {
        if (s.seq < 0x10000000) wrapped = true;
        if (s.seq > 0xf0000000) maxSeqSeen = Math.max(maxSeqSeen, s.seq);
      }
    });
    const result = runBulkTransfer(net, a, b, 2 * 1024 * 1024, { seed: 4, limitMs: net.clock.t + 600_000 });
    expect(seqDiff(0, synSeq)).toBeGreaterThan(900_000);
    expect(seqDiff(0, synSeq)).toBeLessThan(1_100_000);
    expect(wrapped).toBe(true);
    expect(maxSeqSeen).toBeGreaterThan(0xfff00000);
    expect(result.bytes).toBe(2 * 1024 * 1024);
    expect(result.mismatches).toBe(0);
    expect(net.stats.lost).toBeGreaterThan(10);
    expect(a.stats.retransmittedSegments).toBeGreaterThan(0);
  });
});
