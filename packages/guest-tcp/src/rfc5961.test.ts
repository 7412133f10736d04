/**
 * RFC 5961 hardening against blind in-window attacks: RST (§3), SYN (§4) and data/ACK injection (§5), with the
 * challenge-ACK rate limit (§7).
 */
import { describe, expect, it } from 'vitest';
import type { TcpConfig, TcpSocketError } from './types.ts';
import { ScriptedPeer, payload } from './testing/scripted-peer.ts';
import { ACK, RST, SYN } from './wire/tcp-segment.ts';

function established(config: Partial<TcpConfig> = {}) {
  const peer = new ScriptedPeer(config);
  const { socket } = peer.openPassive({ mss: 1460, windowScale: 7, sackPermitted: true, timestamps: true });
  const closes: Array<TcpSocketError | undefined> = [];
  socket.on('close', (e) => closes.push(e));
  return { peer, socket, closes };
}

describe('RST (RFC 5961 §3)', () => {
  it('an in-window RST not at RCV.NXT draws a challenge ACK and does not reset', () => {
    const { peer, socket, closes } = established();
    const rcvNxt = peer.sndNxt;
    peer.send({ flags: RST, seq: rcvNxt + 1000, advance: false });
    const ack = peer.takeOne();
    expect(ack.flags).toBe(ACK);
    expect(ack.seq).toBe(socket.sndNxt);
    expect(ack.ack).toBe(rcvNxt);
    expect(socket.state).toBe('ESTABLISHED');
    expect(closes).toEqual([]);
    expect(peer.stack.stats.challengeAcks).toBe(1);
    expect(peer.stack.stats.resetsReceived).toBe(0);
    // The connection still works.
    peer.send({ payload: payload(100) });
    expect(socket.read()).toEqual(payload(100));
  });

  it('a RST exactly at RCV.NXT resets the connection with ECONNRESET', () => {
    const { peer, socket, closes } = established();
    peer.send({ flags: RST | ACK, advance: false });
    expect(socket.state).toBe('CLOSED');
    expect(closes.length).toBe(1);
    expect(closes[0]?.code).toBe('ECONNRESET');
    expect(peer.stack.stats.resetsReceived).toBe(1);
    expect(peer.take()).toEqual([]);
    expect(peer.stack.sockets()).toEqual([]);
  });

  it('a RST outside the window is dropped silently', () => {
    const { peer, socket } = established();
    peer.send({ flags: RST, seq: peer.sndNxt + 0x10000000, advance: false });
    peer.send({ flags: RST, seq: peer.sndNxt - 1, advance: false });
    expect(peer.take()).toEqual([]);
    expect(socket.state).toBe('ESTABLISHED');
    expect(peer.stack.stats.dropped['out-of-window']).toBe(2);
  });
});

describe('SYN in a synchronized state (RFC 5961 §4)', () => {
  it('an in-window SYN draws a challenge ACK and never resets', () => {
    const { peer, socket, closes } = established();
    for (const offset of [0, 1, 5000]) {
      peer.send({ flags: SYN, seq: peer.sndNxt + offset, advance: false });
      const ack = peer.takeOne();
      expect(ack.flags).toBe(ACK);
      expect(ack.ack).toBe(peer.sndNxt);
    }
    expect(peer.stack.stats.challengeAcks).toBe(3);
    expect(socket.state).toBe('ESTABLISHED');
    expect(closes).toEqual([]);
    expect(peer.stack.stats.resetsSent).toBe(0);
  });

  it('an out-of-window SYN is answered with an ACK and changes nothing', () => {
    const { peer, socket } = established();
    peer.send({ flags: SYN, seq: peer.sndNxt - 100, advance: false });
    const ack = peer.takeOne();
    expect(ack.flags).toBe(ACK);
    expect(ack.ack).toBe(peer.sndNxt);
    expect(socket.state).toBe('ESTABLISHED');
  });
});

describe('ACK acceptability (RFC 5961 §5.2)', () => {
  it('rejects an ACK beyond SND.MAX with a challenge ACK and discards the data it carries', () => {
    const { peer, socket } = established();
    const rcvNxt = peer.sndNxt;
    peer.send({ ack: socket.sndMax + 100_000, payload: payload(100), advance: false });
    const ack = peer.takeOne();
    expect(ack.ack).toBe(rcvNxt);
    expect(socket.readableLength).toBe(0);
    expect(socket.rcvNxt).toBe(rcvNxt);
    expect(peer.stack.stats.dropped['bad-ack']).toBe(1);
    expect(peer.stack.stats.challengeAcks).toBe(1);
  });

  it('rejects an ACK older than SND.UNA - MAX.SND.WND, but accepts a merely old one', () => {
    const { peer, socket } = established();
    const maxSndWnd = socket.maxSndWnd;
    expect(maxSndWnd).toBe(65535 * 128);
    peer.send({ ack: socket.sndUna - maxSndWnd - 10, payload: payload(100), advance: false });
    expect(socket.readableLength).toBe(0);
    expect(peer.stack.stats.dropped['bad-ack']).toBe(1);
    peer.take();
    peer.send({ ack: socket.sndUna - 1000, payload: payload(100) });
    expect(socket.readableLength).toBe(100);
    expect(socket.state).toBe('ESTABLISHED');
  });

  it('a segment with an unacceptable ACK does not update TS.Recent (else a blind attacker wedges PAWS)', () => {
    // Linux fixed exactly this in 2013 (commit bd090dfc634d, "tcp: tcp_replace_ts_recent() should not be
    // called from tcp_validate_incoming()"): TS.Recent may only change once the segment is fully accepted.
    const { peer, socket } = established();
    const tsBefore = socket.tsRecent;
    peer.send({
      ack: socket.sndMax + 1_000_000,
      tsValue: (peer.tsValue() + 0x40000000) >>> 0,
      advance: false,
    });
    expect(peer.stack.stats.dropped['bad-ack']).toBe(1);
    expect(socket.tsRecent).toBe(tsBefore);
    // The genuine peer, with its genuine clock, must still get through.
    peer.take();
    peer.send({ payload: payload(100) });
    expect(socket.readableLength).toBe(100);
    expect(peer.stack.stats.dropped.paws ?? 0).toBe(0);
  });
});

describe('challenge-ACK rate limit (RFC 5961 §7)', () => {
  it('sends at most challengeAckLimitPerSecond challenge ACKs per second and counts the rest', () => {
    const { peer, socket } = established({ challengeAckLimitPerSecond: 3 });
    peer.advance(5000); // start a fresh one-second window
    for (let i = 0; i < 10; i++) peer.send({ flags: RST, seq: peer.sndNxt + 100 + i, advance: false });
    expect(peer.take().length).toBe(3);
    expect(peer.stack.stats.challengeAcks).toBe(3);
    expect(peer.stack.stats.challengeAcksSuppressed).toBe(7);
    peer.advance(999);
    peer.send({ flags: SYN, seq: peer.sndNxt + 5, advance: false });
    expect(peer.take().length).toBe(0);
    peer.advance(1);
    peer.send({ flags: SYN, seq: peer.sndNxt + 5, advance: false });
    expect(peer.take().length).toBe(1);
    expect(peer.stack.stats.challengeAcks).toBe(4);
    expect(socket.state).toBe('ESTABLISHED');
  });

  it('a limit of zero suppresses every challenge ACK but still protects the connection', () => {
    const { peer, socket } = established({ challengeAckLimitPerSecond: 0 });
    peer.send({ flags: RST, seq: peer.sndNxt + 10, advance: false });
    peer.send({ flags: SYN, seq: peer.sndNxt + 10, advance: false });
    expect(peer.take()).toEqual([]);
    expect(peer.stack.stats.challengeAcksSuppressed).toBe(2);
    expect(socket.state).toBe('ESTABLISHED');
  });
});
