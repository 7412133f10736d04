/**
 * Burst input (`TcpStack.inputBurst`), the stack's GRO: a burst's in-order data is ACKed once, after the
 * application has read it; out-of-order and duplicate segments are still ACKed one by one (RFC 5681 §4.2).
 */
import { describe, expect, it } from 'vitest';
import type { LinkOptions } from './sim/link-model.ts';
import { SimNetwork, type SimNode } from './sim/network.ts';
import type { TcpStack } from './stack.ts';
import { runBulkTransfer } from './testing/bulk.ts';
import { ScriptedPeer, payload } from './testing/scripted-peer.ts';

const MSS = 1460;

function receiver() {
  const peer = new ScriptedPeer({ delayedAckMs: 40 });
  const { socket } = peer.openPassive({ mss: MSS, sackPermitted: true, windowScale: 7 });
  // Warm-up: the SYN-ACK announced an unscaled window, so the first read sends a window update.
  peer.send({ payload: payload(10, 0, 1) });
  socket.read();
  peer.advance(100);
  peer.take();
  return { peer, socket };
}

/** Builds `count` in-order full segments from the peer's SND.NXT on, advancing it. */
function inOrder(peer: ScriptedPeer, count: number): Uint8Array[] {
  const packets: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    packets.push(peer.build({ payload: payload(MSS, i * MSS) }));
    peer.sndNxt = (peer.sndNxt + MSS) >>> 0;
  }
  return packets;
}

describe('burst input', () => {
  it('ACKs a burst of in-order segments once, after the application has read them', () => {
    const { peer, socket } = receiver();
    const read: number[] = [];
    socket.on('readable', () => {
      for (let chunk = socket.read(); chunk; chunk = socket.read()) read.push(chunk.length);
    });
    const before = peer.stack.stats.packetsOut;
    peer.stack.inputBurst(inOrder(peer, 20));
    const acks = peer.take();
    expect(acks).toHaveLength(1);
    expect(acks[0].ack).toBe(peer.sndNxt);
    expect(read.reduce((a, b) => a + b, 0)).toBe(20 * MSS);
    // The one ACK announces the whole buffer again: the application read everything before it left.
    const scale = socket.info().windowScale?.receive ?? 0;
    expect(scale).toBeGreaterThan(0);
    expect(acks[0].window * 2 ** scale).toBeGreaterThan(peer.stack.config.receiveBufferBytes - MSS);
    expect(peer.stack.stats.packetsOut - before).toBe(1);
    // Nothing owed later: no delayed ACK is armed.
    peer.advance(100);
    expect(peer.take()).toEqual([]);
  });

  it('fed one by one, the same segments are ACKed every second segment', () => {
    const { peer, socket } = receiver();
    socket.on('readable', () => {
      while (socket.read());
    });
    for (const p of inOrder(peer, 20)) peer.stack.input(p);
    expect(peer.take().length).toBeGreaterThanOrEqual(10);
  });

  it('still sends a duplicate ACK with SACK for every out-of-order segment in a burst', () => {
    const { peer } = receiver();
    const base = peer.sndNxt;
    const burst = [1, 2, 3, 4].map((i) =>
      peer.build({ seq: (base + i * MSS) >>> 0, payload: payload(MSS, i * MSS) }),
    );
    peer.stack.inputBurst(burst);
    const dups = peer.take();
    expect(dups).toHaveLength(4);
    for (const [i, dup] of dups.entries()) {
      expect(dup.ack).toBe(base);
      expect(dup.options.sack?.[0]).toEqual([(base + MSS) >>> 0, (base + (i + 2) * MSS) >>> 0]);
    }
    // The hole-filler, alone in the next burst, is ACKed at once for everything.
    peer.stack.inputBurst([peer.build({ seq: base, payload: payload(MSS) })]);
    const full = peer.takeOne();
    expect(full.ack).toBe((base + 5 * MSS) >>> 0);
  });

  it('a lone segment in a burst is left to the delayed-ACK timer, as with input()', () => {
    const { peer } = receiver();
    peer.stack.inputBurst(inOrder(peer, 1));
    expect(peer.take()).toEqual([]);
    peer.advance(40);
    expect(peer.takeOne().ack).toBe(peer.sndNxt);
  });

  it('a reply written while reading the burst carries the ACK: no separate one follows', () => {
    const { peer, socket } = receiver();
    socket.on('readable', () => {
      while (socket.read());
      socket.write(payload(20, 0, 77));
    });
    peer.stack.inputBurst(inOrder(peer, 6));
    const out = peer.take();
    expect(out).toHaveLength(1);
    expect(out[0].payload.length).toBe(20);
    expect(out[0].ack).toBe(peer.sndNxt);
  });

  it('moves data byte-exact to a receiver polled in bursts, with far fewer ACKs on a clean link, and under loss', () => {
    const run = (pollMs: number | undefined, link: LinkOptions, bytes: number) => {
      const net = new SimNetwork({ seed: 5, link });
      const sender = net.addStack({ address: '10.0.0.1', seed: 1 });
      const receiver = net.addStack({ address: '10.0.0.2', seed: 2 });
      if (pollMs !== undefined) net.attach(new PolledReceiver(receiver, () => net.clock.t, pollMs));
      let acks = 0;
      net.observe((_packet, from) => {
        if (from === receiver.address) acks++;
      });
      const result = runBulkTransfer(net, sender, receiver, bytes);
      expect(result).toMatchObject({ bytes, mismatches: 0, clientClosed: true, serverClosed: true });
      return { acks, segments: sender.stats.packetsOut };
    };
    const clean = { delayMs: 2 }; // no bandwidth limit, so no queue to overflow: nothing is lost
    const perPacket = run(undefined, clean, 16 << 20);
    const polled = run(1, clean, 16 << 20);
    // About one ACK per two segments when fed one by one; a small fraction of that when polled every millisecond.
    expect(perPacket.acks / perPacket.segments).toBeGreaterThan(0.4);
    expect(polled.acks / polled.segments).toBeLessThan(0.1);
    // Loss, reordering and duplication: every byte still arrives once, in order.
    run(1, { delayMs: 2, bandwidthMbps: 1000, loss: 0.01, reorder: 0.01, duplicate: 0.01 }, 4 << 20);
  });
});

/** A receiver whose NIC is polled every `pollMs`: what arrived since the last poll goes in as one burst (NAPI). */
class PolledReceiver implements SimNode {
  private pending: Uint8Array[] = [];
  private pollAt: number | undefined;

  constructor(
    private readonly stack: TcpStack,
    private readonly now: () => number,
    private readonly pollMs: number,
  ) {}

  get address(): number {
    return this.stack.address;
  }
  get addressText(): string {
    return this.stack.addressText;
  }

  input(packet: Uint8Array): void {
    this.pending.push(packet);
    this.pollAt ??= this.now() + this.pollMs;
  }

  tick(): void {
    if (this.pollAt !== undefined && this.pollAt <= this.now()) {
      const burst = this.pending;
      this.pending = [];
      this.pollAt = undefined;
      this.stack.inputBurst(burst);
    }
    const due = this.stack.nextDeadline();
    if (due !== undefined && due <= this.now()) this.stack.tick();
  }

  nextDeadline(): number | undefined {
    const due = this.stack.nextDeadline();
    if (this.pollAt === undefined) return due;
    return due === undefined ? this.pollAt : Math.min(due, this.pollAt);
  }
}
