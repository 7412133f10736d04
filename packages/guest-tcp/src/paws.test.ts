/** RFC 7323 timestamps: TSval/TSecr echo, TS.Recent updates and PAWS (§5). */
import { describe, expect, it } from 'vitest';
import type { TcpSocketError } from './types.ts';
import { ScriptedPeer, payload } from './testing/scripted-peer.ts';
import { ACK, RST } from './wire/tcp-segment.ts';

function established() {
  const peer = new ScriptedPeer({ delayedAckMs: 0 });
  const { socket } = peer.openPassive({ mss: 1460, sackPermitted: true, timestamps: true });
  return { peer, socket };
}

describe('timestamps and PAWS (RFC 7323)', () => {
  it('echoes the peer’s latest in-order TSval and stamps its own from the clock', () => {
    const { peer, socket } = established();
    peer.advance(250);
    peer.send({ payload: payload(10) });
    const ack = peer.takeOne();
    expect(ack.options.timestamps?.echo).toBe(peer.tsValue());
    expect(socket.tsRecent).toBe(peer.tsValue());
    const v1 = ack.options.timestamps!.value;
    peer.advance(1000);
    peer.send({ payload: payload(10, 10) });
    expect(peer.takeOne().options.timestamps!.value - v1).toBe(1000);
  });

  it('drops a segment whose TSval is older than TS.Recent, re-ACKs, and delivers nothing (PAWS)', () => {
    const { peer, socket } = established();
    peer.advance(5000);
    peer.send({ payload: payload(100) });
    peer.take();
    const rcvNxt = socket.rcvNxt;
    // An old duplicate from an earlier incarnation: in-window sequence number, stale timestamp.
    peer.send({ payload: payload(100, 100, 66), tsValue: peer.tsValue() - 3000, advance: false });
    const ack = peer.takeOne();
    expect(ack.flags).toBe(ACK);
    expect(ack.ack).toBe(rcvNxt);
    expect(peer.stack.stats.dropped.paws).toBe(1);
    expect(socket.rcvNxt).toBe(rcvNxt);
    expect(socket.readableLength).toBe(100);
    // The genuine segment with a current timestamp is accepted.
    peer.send({ payload: payload(100, 100) });
    expect(socket.read()).toEqual(payload(200));
  });

  it('compares timestamps modulo 2^32: a TSval that wrapped past zero is newer', () => {
    const { peer, socket } = established();
    // Walk TSval to just below 2^32 in steps smaller than 2^31, then past zero.
    let off = 0;
    for (const ts of [0x80000000, 0xffffff00, 0x100]) {
      peer.send({ payload: payload(10, off), tsValue: ts });
      off += 10;
      expect(socket.tsRecent).toBe(ts);
    }
    expect(socket.readableLength).toBe(30);
    expect(peer.stack.stats.dropped.paws ?? 0).toBe(0);
  });

  it('does not apply PAWS to a RST (RFC 7323 §5.3 R1)', () => {
    const { peer, socket } = established();
    peer.advance(5000);
    peer.send({ payload: payload(10) });
    let error: TcpSocketError | undefined;
    socket.on('close', (e) => (error = e));
    peer.send({ flags: RST | ACK, tsValue: peer.tsValue() - 4000, advance: false });
    expect(socket.state).toBe('CLOSED');
    expect(error?.code).toBe('ECONNRESET');
  });

  it('takes TS.Recent only from a segment covering Last.ACK.sent, not from one above a hole (§4.3)', () => {
    const { peer, socket } = established();
    const base = peer.sndNxt;
    const before = socket.tsRecent;
    peer.advance(100);
    peer.send({ seq: base + 100, payload: payload(100, 100), advance: false });
    expect(socket.tsRecent).toBe(before);
    peer.advance(100);
    peer.send({ seq: base, payload: payload(100), advance: false });
    expect(socket.tsRecent).toBe(peer.tsValue());
  });
});
