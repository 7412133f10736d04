/** Delayed ACKs (RFC 5681 §4.2, RFC 9293 §3.8.6.3) and Nagle's algorithm (RFC 896, RFC 9293 §3.7.4). */
import { describe, expect, it } from 'vitest';
import type { TcpConfig } from './types.ts';
import { ScriptedPeer, payload, segEnd } from './testing/scripted-peer.ts';
import { ACK, FIN } from './wire/tcp-segment.ts';

function receiver(config: Partial<TcpConfig> = {}) {
  const peer = new ScriptedPeer(config);
  const { socket } = peer.openPassive({ mss: 1460, sackPermitted: true });
  return { peer, socket };
}

describe('delayed ACK', () => {
  it('ACKs a lone segment only after delayedAckMs', () => {
    const { peer } = receiver({ delayedAckMs: 40 });
    const t0 = peer.clock.t;
    peer.send({ payload: payload(100) });
    expect(peer.take()).toEqual([]);
    expect(peer.stack.nextDeadline()).toBe(t0 + 40);
    peer.advance(39);
    expect(peer.take()).toEqual([]);
    peer.advance(1);
    const ack = peer.takeOne();
    expect(ack.flags).toBe(ACK);
    expect(ack.ack).toBe(peer.sndNxt);
    expect(peer.historyTimes[peer.historyTimes.length - 1] - t0).toBe(40);
  });

  it('ACKs at once on the second full segment, covering both, with no later ACK', () => {
    const { peer } = receiver({ delayedAckMs: 40 });
    peer.send({ payload: payload(1460) });
    expect(peer.take()).toEqual([]);
    peer.advance(10);
    peer.send({ payload: payload(1460, 1460) });
    const ack = peer.takeOne();
    expect(ack.ack).toBe(peer.sndNxt);
    peer.advance(200);
    expect(peer.take()).toEqual([]);
    expect(peer.stack.nextDeadline()).toBeUndefined();
  });

  it('ACKs every segment at once when delayedAckMs is 0', () => {
    const { peer } = receiver({ delayedAckMs: 0 });
    for (let i = 0; i < 3; i++) {
      peer.send({ payload: payload(100, i * 100) });
      expect(peer.takeOne().ack).toBe(peer.sndNxt);
    }
  });

  it('ACKs an out-of-order segment immediately with a SACK block, and the hole-filler immediately too', () => {
    const { peer, socket } = receiver({ delayedAckMs: 40 });
    const base = peer.sndNxt;
    peer.send({ seq: base + 100, payload: payload(100, 100), advance: false });
    const dup = peer.takeOne();
    expect(dup.ack).toBe(base);
    expect(dup.options.sack).toEqual([[base + 100, base + 200]]);
    peer.send({ seq: base, payload: payload(100), advance: false });
    const full = peer.takeOne();
    expect(full.ack).toBe(base + 200);
    expect(full.options.sack).toBeUndefined();
    expect(socket.read()).toEqual(payload(200));
  });

  it('piggybacks the ACK on reply data instead of sending a separate ACK', () => {
    const { peer, socket } = receiver({ delayedAckMs: 40 });
    // Warm-up: the SYN-ACK announced only 64 KiB (unscaled), so the first read() sends a window update.
    peer.send({ payload: payload(10, 0, 1) });
    socket.read();
    peer.advance(100);
    peer.take();
    socket.on('readable', () => {
      socket.read();
      socket.write(payload(20, 0, 77));
    });
    peer.send({ payload: payload(10) });
    const reply = peer.takeOne();
    expect(reply.payload.length).toBe(20);
    expect(reply.ack).toBe(peer.sndNxt);
    peer.advance(100);
    expect(peer.take().filter((s) => s.payload.length === 0)).toEqual([]);
  });

  it('re-ACKs a duplicate segment at once so the sender learns (RFC 5681 §4.2)', () => {
    const { peer } = receiver({ delayedAckMs: 40 });
    const base = peer.sndNxt;
    peer.send({ payload: payload(100) });
    peer.advance(40);
    peer.take();
    peer.send({ seq: base, payload: payload(100), advance: false });
    expect(peer.takeOne().ack).toBe(base + 100);
  });
});

describe('Nagle', () => {
  function sender(config: Partial<TcpConfig> = {}) {
    const peer = new ScriptedPeer(config);
    const { socket } = peer.openActive({ mss: 1460, windowScale: 7 });
    return { peer, socket };
  }

  it('holds a small segment while data is unacknowledged, coalescing writes until the ACK', () => {
    const { peer, socket } = sender();
    socket.write(payload(100, 0));
    const first = peer.takeOne();
    expect(first.payload.length).toBe(100);
    socket.write(payload(100, 100));
    socket.write(payload(100, 200));
    expect(peer.take()).toEqual([]);
    peer.send({ ack: segEnd(first) });
    const second = peer.takeOne();
    expect(second.payload).toEqual(payload(200, 100));
  });

  it('does not hold full-sized segments, only the runt after them', () => {
    const { peer, socket } = sender();
    socket.write(payload(100));
    const first = peer.takeOne();
    socket.write(payload(1460 + 50, 100));
    const segs = peer.take();
    expect(segs.map((s) => s.payload.length)).toEqual([1460]);
    peer.send({ ack: segEnd(segs[0]) });
    expect(peer.takeOne().payload.length).toBe(50);
    expect(first.payload.length).toBe(100);
  });

  it('setNoDelay(true) sends small writes at once, and flushes what Nagle was holding', () => {
    const { peer, socket } = sender();
    socket.write(payload(100));
    peer.take();
    socket.write(payload(100, 100));
    expect(peer.take()).toEqual([]);
    socket.setNoDelay(true);
    expect(peer.takeOne().payload).toEqual(payload(100, 100));
    socket.write(payload(10, 200));
    socket.write(payload(10, 210));
    expect(peer.take().map((s) => s.payload.length)).toEqual([10, 10]);
  });

  it('is off for every socket when the stack is configured with nagle: false, or per connect()', () => {
    const off = sender({ nagle: false });
    off.socket.write(payload(10));
    off.socket.write(payload(10));
    expect(off.peer.take().length).toBe(2);
    const peer = new ScriptedPeer();
    const { socket } = peer.openActive({ mss: 1460, noDelay: true });
    socket.write(payload(10));
    socket.write(payload(10));
    expect(peer.take().length).toBe(2);
  });

  it('close() sends a held runt with the FIN rather than waiting', () => {
    const { peer, socket } = sender();
    socket.write(payload(100));
    peer.take();
    socket.write(payload(30, 100));
    expect(peer.take()).toEqual([]);
    socket.close();
    const segs = peer.take();
    expect(segs.length).toBe(1);
    expect(segs[0].payload).toEqual(payload(30, 100));
    expect(segs[0].flags & FIN).toBe(FIN);
  });
});
