/** Connection termination (RFC 9293 §3.6): active, passive, simultaneous and half close, TIME-WAIT. */
import { describe, expect, it } from 'vitest';
import type { TcpConfig, TcpSocketError, TcpState } from './types.ts';
import { ScriptedPeer, SIM_B, payload, segEnd, simPair } from './testing/scripted-peer.ts';
import { ACK, FIN, RST } from './wire/tcp-segment.ts';

const MSL = 1000;

function established(config: Partial<TcpConfig> = {}) {
  const peer = new ScriptedPeer({ mslMs: MSL, delayedAckMs: 0, ...config });
  const { socket } = peer.openPassive({ mss: 1460, timestamps: true });
  const closes: Array<TcpSocketError | undefined> = [];
  let ends = 0;
  socket.on('close', (e) => closes.push(e));
  socket.on('end', () => ends++);
  return { peer, socket, closes, ends: () => ends };
}

describe('active close', () => {
  it('FIN-WAIT-1 -> FIN-WAIT-2 -> TIME-WAIT, which lasts exactly 2*MSL, then CLOSED', () => {
    const { peer, socket, closes, ends } = established();
    socket.close();
    expect(socket.state).toBe('FIN-WAIT-1');
    const fin = peer.takeOne();
    expect(fin.flags).toBe(FIN | ACK);
    peer.rcvNxt = segEnd(fin);
    peer.send({});
    expect(socket.state).toBe('FIN-WAIT-2');
    peer.send({ flags: FIN | ACK });
    expect(socket.state).toBe('TIME-WAIT');
    expect(peer.takeOne().ack).toBe(peer.sndNxt);
    expect(ends()).toBe(1);
    const t = peer.clock.t;
    expect(peer.stack.nextDeadline()).toBe(t + 2 * MSL);
    peer.advance(2 * MSL - 1);
    expect(socket.state).toBe('TIME-WAIT');
    expect(closes).toEqual([]);
    peer.advance(1);
    expect(socket.state).toBe('CLOSED');
    expect(closes).toEqual([undefined]);
    expect(peer.stack.sockets()).toEqual([]);
    expect(peer.take()).toEqual([]);
  });

  it('in TIME-WAIT re-ACKs a retransmitted FIN and restarts the 2*MSL timer', () => {
    const { peer, socket } = established();
    socket.close();
    peer.rcvNxt = segEnd(peer.takeOne());
    peer.send({ flags: FIN | ACK });
    peer.take();
    expect(socket.state).toBe('TIME-WAIT');
    peer.advance(1500);
    peer.send({ flags: FIN | ACK, seq: (peer.sndNxt - 1) >>> 0, advance: false });
    expect(peer.takeOne().ack).toBe(peer.sndNxt);
    expect(peer.stack.nextDeadline()).toBe(peer.clock.t + 2 * MSL);
    peer.advance(2 * MSL - 1);
    expect(socket.state).toBe('TIME-WAIT');
    peer.advance(1);
    expect(socket.state).toBe('CLOSED');
  });

  it('keeps receiving after our close(): half-close (RFC 9293 §3.6)', () => {
    const { peer, socket, ends } = established();
    socket.close();
    peer.rcvNxt = segEnd(peer.takeOne());
    peer.send({});
    expect(socket.state).toBe('FIN-WAIT-2');
    expect(() => socket.write(payload(1))).toThrow(/EPIPE/);
    for (let off = 0; off < 5000; off += 1000) {
      peer.send({ payload: payload(1000, off) });
      expect(peer.takeOne().ack).toBe(peer.sndNxt);
    }
    const got: Uint8Array[] = [];
    for (let d; (d = socket.read()) !== null;) got.push(d);
    expect(Buffer.concat(got)).toEqual(Buffer.from(payload(5000)));
    expect(ends()).toBe(0);
    peer.send({ flags: FIN | ACK });
    expect(ends()).toBe(1);
    expect(socket.readableEnded).toBe(true);
    expect(socket.state).toBe('TIME-WAIT');
  });

  it('retransmits an unacknowledged FIN on RTO', () => {
    const { peer, socket } = established();
    socket.close();
    const fin = peer.takeOne();
    peer.advanceUntilOutput();
    const again = peer.takeOne();
    expect(again.flags & FIN).toBe(FIN);
    expect(again.seq).toBe(fin.seq);
    expect(socket.state).toBe('FIN-WAIT-1');
  });

  it('gives up in FIN-WAIT-2 after finWait2TimeoutMs', () => {
    const { peer, socket, closes } = established({ finWait2TimeoutMs: 5000 });
    socket.close();
    peer.rcvNxt = segEnd(peer.takeOne());
    peer.send({});
    expect(socket.state).toBe('FIN-WAIT-2');
    peer.advance(4999);
    expect(socket.state).toBe('FIN-WAIT-2');
    peer.advance(1);
    expect(socket.state).toBe('CLOSED');
    expect(closes).toEqual([undefined]);
  });
});

describe('passive close', () => {
  it('CLOSE-WAIT after the peer’s FIN, still able to send; LAST-ACK -> CLOSED with no TIME-WAIT', () => {
    const { peer, socket, closes, ends } = established();
    peer.send({ payload: payload(10) });
    peer.send({ flags: FIN | ACK });
    expect(socket.state).toBe('CLOSE-WAIT');
    peer.take();
    expect(ends()).toBe(0); // 'end' waits until the data before the FIN is read
    expect(socket.read()).toEqual(payload(10));
    peer.stack.run(() => undefined);
    expect(ends()).toBe(1);
    socket.write(payload(300, 0, 5));
    const data = peer.takeOne();
    expect(data.payload).toEqual(payload(300, 0, 5));
    socket.close();
    expect(socket.state).toBe('LAST-ACK');
    const fin = peer.takeOne();
    expect(fin.flags & FIN).toBe(FIN);
    expect(fin.seq).toBe(segEnd(data));
    peer.rcvNxt = segEnd(fin);
    peer.send({});
    expect(socket.state).toBe('CLOSED');
    expect(closes).toEqual([undefined]);
    expect(peer.stack.nextDeadline()).toBeUndefined();
  });

  it('holds a FIN that arrives before the data preceding it until the gap fills', () => {
    const { peer, socket } = established();
    const base = peer.sndNxt;
    peer.send({ seq: base + 100, flags: FIN | ACK, payload: payload(50, 100), advance: false });
    expect(socket.state).toBe('ESTABLISHED');
    peer.send({ seq: base, payload: payload(100), advance: false });
    expect(socket.state).toBe('CLOSE-WAIT');
    expect(socket.read()).toEqual(payload(150));
    expect(peer.take().pop()!.ack).toBe(base + 151);
  });
});

describe('simultaneous close (RFC 9293 §3.6 figure 13)', () => {
  it('both FINs cross: FIN-WAIT-1 -> CLOSING -> TIME-WAIT -> CLOSED after 2*MSL', () => {
    const { peer, socket, closes } = established();
    socket.close();
    const fin = peer.takeOne();
    // The peer's FIN, sent before ours arrived: it does not acknowledge our FIN.
    peer.send({ flags: FIN | ACK, ack: fin.seq });
    expect(socket.state).toBe('CLOSING');
    const ack = peer.takeOne();
    expect(ack.ack).toBe(peer.sndNxt);
    // Now the peer's ACK of our FIN.
    peer.rcvNxt = segEnd(fin);
    peer.send({});
    expect(socket.state).toBe('TIME-WAIT');
    peer.advance(2 * MSL - 1);
    expect(socket.state).toBe('TIME-WAIT');
    peer.advance(1);
    expect(socket.state).toBe('CLOSED');
    expect(closes).toEqual([undefined]);
  });

  it('two stacks closing at once both pass through CLOSING and TIME-WAIT and close cleanly', () => {
    const { net, a, b } = simPair({ link: { delayMs: 10 }, a: { mslMs: MSL }, b: { mslMs: MSL } });
    const listener = b.listen(7000);
    const client = a.connect(SIM_B, 7000);
    net.runUntil(() => client.state === 'ESTABLISHED' && b.sockets()[0]?.state === 'ESTABLISHED');
    const server = listener.accept()!;
    net.runFor(100);
    const statesA: TcpState[] = [client.state];
    const statesB: TcpState[] = [server.state];
    const errors: Array<TcpSocketError | undefined> = [];
    client.on('close', (e) => errors.push(e));
    server.on('close', (e) => errors.push(e));
    a.run(() => client.close());
    b.run(() => server.close());
    const t0 = net.clock.t;
    const track = () => {
      if (statesA[statesA.length - 1] !== client.state) statesA.push(client.state);
      if (statesB[statesB.length - 1] !== server.state) statesB.push(server.state);
    };
    track();
    while (client.state !== 'CLOSED' || server.state !== 'CLOSED') {
      if (!net.step()) break;
      track();
      if (client.state === 'TIME-WAIT' && server.state === 'TIME-WAIT') {
        expect(net.clock.t - t0).toBeLessThan(100);
      }
    }
    const expected = ['ESTABLISHED', 'FIN-WAIT-1', 'CLOSING', 'TIME-WAIT', 'CLOSED'];
    expect(statesA).toEqual(expected);
    expect(statesB).toEqual(expected);
    expect(errors).toEqual([undefined, undefined]);
    expect(net.clock.t - t0).toBeGreaterThanOrEqual(2 * MSL);
    expect(net.clock.t - t0).toBeLessThan(2 * MSL + 100);
    expect(a.stats.resetsSent + b.stats.resetsSent).toBe(0);
  });
});

describe('abort', () => {
  it('abort() sends RST and closes at once without an error', () => {
    const { peer, socket, closes } = established();
    peer.stack.run(() => socket.abort()); // run() dispatches the events an API call causes
    const rst = peer.takeOne();
    expect(rst.flags & RST).toBe(RST);
    expect(rst.seq).toBe(socket.sndNxt);
    expect(socket.state).toBe('CLOSED');
    expect(closes).toEqual([undefined]);
  });
});
