/** `TcpStack.prompt`: what a guest activated by a failover sends at once to each peer. */
import { describe, expect, it } from 'vitest';
import { ScriptedPeer, payload } from './testing/scripted-peer.ts';

describe('prompt after failover', () => {
  it('re-sends the first unacknowledged segment of a connection with data in flight', () => {
    const peer = new ScriptedPeer({ delayedAckMs: 40 });
    const { socket } = peer.openPassive({ mss: 1460, sackPermitted: true });
    peer.stack.run(() => socket.write(payload(4000)));
    const sent = peer.take();
    expect(sent.length).toBeGreaterThan(1);
    peer.stack.prompt();
    const [again] = peer.take();
    expect(again.seq).toBe(sent[0].seq);
    expect(again.payload.length).toBe(sent[0].payload.length);
  });

  it('sends an ACK with the window on an idle connection, and nothing on a closed one', () => {
    const peer = new ScriptedPeer({ delayedAckMs: 40 });
    peer.openPassive({ mss: 1460 });
    peer.send({ payload: payload(10) });
    peer.advance(100);
    peer.take();
    peer.stack.prompt();
    const [ack] = peer.take();
    expect(ack.ack).toBe(peer.sndNxt);
    expect(ack.payload.length).toBe(0);
    const idle = new ScriptedPeer();
    idle.stack.prompt();
    expect(idle.take()).toEqual([]);
  });
});
