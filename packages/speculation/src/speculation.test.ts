/**
 * The ACK translation, property-tested on virtual time: a guest stack behind Speculation (epochs committed after
 * seeded random delays) and a client stack across a seeded link with loss, reordering and duplication. For every
 * seed: the guest never sees an ACK below one it saw, never a duplicate ACK (so it never fast-retransmits), never
 * needs its own retransmission timer; the client receives every byte once and in order; a tiny client window is
 * never overrun; and nothing leaves before its epoch commits.
 */
import {
  ACK,
  FIN,
  SYN,
  SeededRandom,
  SimNetwork,
  TcpStack,
  parseTcpSegment,
  seqGt,
  seqLt,
  toIpv4Address,
  type SimNode,
} from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { Speculation } from './speculation.ts';

const GUEST = '10.5.0.2';
const CLIENT = '10.5.0.9';

/** Stream byte i of a seeded transfer. */
const streamByte = (seed: number, i: number) => (Math.imul(i ^ seed, 2654435761) >>> 24) & 0xff;

interface Observed {
  /** ACKs shown to the guest that were below one it had seen. */
  ackRegressions: number;
  /** Pure ACKs shown to the guest repeating the previous ACK and window (what fast retransmit counts). */
  duplicateAcks: number;
  /** Segments that reached the network carrying bytes of an epoch not yet committed. */
  uncommittedLeaks: number;
  /** Bytes the client was sent beyond the right edge of the window it had advertised. */
  windowOverruns: number;
}

/** A guest stack whose packets pass through Speculation, with epochs and commits on virtual time. */
class SpeculativeGuest implements SimNode {
  readonly address: number;
  readonly addressText = GUEST;
  readonly stack: TcpStack;
  readonly spec: Speculation;
  readonly observed: Observed = {
    ackRegressions: 0,
    duplicateAcks: 0,
    uncommittedLeaks: 0,
    windowOverruns: 0,
  };
  private epoch = 1;
  private nextEpochAt: number;
  private readonly commits: Array<{ at: number; epoch: number }> = [];
  private committedEpoch = 0;
  /** The guest's highest sequence sent in each uncommitted epoch (for the leak check). */
  private readonly epochEdges = new Map<number, number>();
  private lastAckToGuest: { ack: number; window: number } | undefined;
  /**
   * Packets for the guest wait here for the current run to end, as they wait in the RX ring for the next vCPU
   * slice (Speculation answers a guest segment from inside the guest's own output call).
   */
  private rxRing: Uint8Array[] = [];
  private clientRight: number | undefined;
  private clientShift = 0;

  constructor(
    private readonly net: SimNetwork,
    private readonly rng: SeededRandom,
    private readonly epochMs: number,
    private readonly commitDelayMs: [number, number],
    bufferBytes?: number,
  ) {
    this.address = toIpv4Address(GUEST);
    this.nextEpochAt = epochMs;
    this.spec = new Speculation({
      guestAddress: this.address,
      now: () => net.clock.now(),
      toGuest: (p) => this.toGuest(p),
      toNetwork: (p) => this.toNetwork(p),
      bufferBytes,
    });
    this.stack = new TcpStack({
      address: GUEST,
      seed: 11,
      clock: net.clock,
      output: (p) => this.fromGuest(p),
      mslMs: 1000,
    });
    net.attach(this);
  }

  input(packet: Uint8Array): void {
    const seg = parseTcpSegment(packet);
    if (seg.ok && seg.segment.flags & SYN) this.clientShift = seg.segment.options.windowScale ?? 0;
    else if (seg.ok && seg.segment.flags & ACK) {
      // The right edge of the client's window as it advertised it: what the VMM must not send past.
      this.clientRight = (seg.segment.ack + (seg.segment.window << this.clientShift)) >>> 0;
    }
    this.spec.fromNetwork(packet);
  }

  tick(): void {
    const now = this.net.clock.now();
    while (this.rxRing.length > 0) {
      const rx = this.rxRing;
      this.rxRing = [];
      for (const p of rx) this.stack.input(p);
    }
    while (now >= this.nextEpochAt) {
      const [lo, hi] = this.commitDelayMs;
      this.commits.push({ at: this.nextEpochAt + lo + this.rng.next() * (hi - lo), epoch: this.epoch });
      this.epoch++;
      this.nextEpochAt += this.epochMs;
    }
    while (this.commits.length > 0 && this.commits[0].at <= now) {
      const c = this.commits.shift()!;
      this.committedEpoch = c.epoch;
      this.spec.commit(c.epoch);
    }
    const g = this.stack.nextDeadline();
    if (g !== undefined && g <= now) this.stack.tick();
    const s = this.spec.nextDeadline();
    if (s !== undefined && s <= now) this.spec.tick();
  }

  nextDeadline(): number | undefined {
    if (this.rxRing.length > 0) return this.net.clock.now();
    let t = Math.min(this.nextEpochAt, this.commits[0]?.at ?? Infinity);
    for (const d of [this.stack.nextDeadline(), this.spec.nextDeadline()])
      if (d !== undefined) t = Math.min(t, d);
    return t;
  }

  private fromGuest(packet: Uint8Array): void {
    const seg = parseTcpSegment(packet);
    if (seg.ok) {
      const end = (seg.segment.seq + seg.segment.payload.length) >>> 0;
      const prev = this.epochEdges.get(this.epoch);
      if (seg.segment.payload.length > 0 && (prev === undefined || seqGt(end, prev)))
        this.epochEdges.set(this.epoch, end);
    }
    this.spec.fromGuest(packet, this.epoch);
  }

  private toGuest(packet: Uint8Array): void {
    const seg = parseTcpSegment(packet);
    if (seg.ok && seg.segment.flags & ACK && !(seg.segment.flags & SYN)) {
      const { ack, window, payload, flags } = seg.segment;
      const last = this.lastAckToGuest;
      if (last && seqLt(ack, last.ack)) this.observed.ackRegressions++;
      const pure = payload.length === 0 && (flags & FIN) === 0;
      if (last && pure && ack === last.ack && window === last.window) this.observed.duplicateAcks++;
      this.lastAckToGuest = { ack, window };
    }
    this.rxRing.push(packet);
  }

  private toNetwork(packet: Uint8Array): void {
    const seg = parseTcpSegment(packet);
    if (seg.ok && seg.segment.payload.length > 0) {
      const end = (seg.segment.seq + seg.segment.payload.length) >>> 0;
      // Bytes the guest produced in an epoch not yet committed must not be on the wire.
      if (!this.committedCovers(end)) this.observed.uncommittedLeaks++;
      if (this.clientRight !== undefined && seqGt(end, this.clientRight) && seg.segment.payload.length > 1)
        this.observed.windowOverruns++;
    }
    this.net.send(this.address, packet);
  }

  /** Whether byte `end` was produced in a committed epoch. */
  private committedCovers(end: number): boolean {
    for (let e = this.committedEpoch; e >= 1; e--) {
      const edge = this.epochEdges.get(e);
      if (edge !== undefined) return !seqGt(end, edge);
    }
    return false;
  }
}

/** The client connects to the guest's port 80; the guest writes `bytes` of a seeded stream and closes. */
function downloadFromGuest(
  seed: number,
  bytes: number,
  options: { receiveBufferBytes?: number; bufferBytes?: number; loss?: number } = {},
) {
  const rng = new SeededRandom(seed);
  const net = new SimNetwork({
    seed,
    link: {
      delayMs: 1 + rng.next() * 4,
      bandwidthMbps: 1000,
      loss: options.loss ?? 0.01,
      reorder: 0.01,
      reorderDelayMs: 1.5,
      duplicate: 0.005,
    },
  });
  const guest = new SpeculativeGuest(net, rng, 25, [1, 1 + rng.next() * 30], options.bufferBytes);
  const client = net.addStack({
    address: CLIENT,
    seed: seed + 1,
    mslMs: 1000,
    ...(options.receiveBufferBytes ? { receiveBufferBytes: options.receiveBufferBytes } : {}),
  });
  let written = 0;
  const listener = guest.stack.listen(81);
  listener.on('connection', () => {
    const s = listener.accept();
    if (!s) return;
    const pump = () => {
      while (written < bytes) {
        const n = Math.min(64 * 1024, bytes - written);
        const chunk = Uint8Array.from({ length: n }, (_, k) => streamByte(seed, written + k));
        const took = s.write(chunk);
        written += took;
        if (took < n) return;
      }
      s.close();
    };
    s.on('writable', pump);
    pump();
  });
  let received = 0;
  let mismatches = 0;
  let ended = false;
  const c = client.connect(GUEST, 81);
  c.on('readable', () => {
    let d: Uint8Array | null;
    while ((d = c.read()) !== null) {
      for (let k = 0; k < d.length; k++) if (d[k] !== streamByte(seed, received + k)) mismatches++;
      received += d.length;
    }
  });
  c.on('end', () => {
    ended = true;
    c.close();
  });
  try {
    net.runUntil(() => ended, 600_000);
  } catch (e) {
    const state = { received, written, spec: guest.spec.counters, guest: guest.stack.stats };
    throw new Error(`seed ${seed}: ${(e as Error).message}; ${JSON.stringify(state)}`);
  }
  return { guest, client, received, mismatches, net };
}

describe('speculative ACKs', () => {
  it('for 20 seeds over a lossy, reordering link: the client gets every byte once, in order; the guest never sees a stale or duplicate ACK', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { guest, received, mismatches, net } = downloadFromGuest(seed, 1 << 20);
      const why = `seed ${seed}`;
      expect(received, why).toBe(1 << 20);
      expect(mismatches, why).toBe(0);
      expect(guest.observed, why).toEqual({
        ackRegressions: 0,
        duplicateAcks: 0,
        uncommittedLeaks: 0,
        windowOverruns: 0,
      });
      // The guest's TCP never had to recover data (only a handshake segment, if the client's ACK of it was lost):
      // the VMM did, and every segment it was shown was acceptable.
      expect(guest.stack.stats.fastRetransmits, why).toBe(0);
      expect(guest.stack.stats.retransmittedBytes, why).toBe(0);
      expect(guest.stack.stats.dropped, why).toEqual({});
      expect(guest.spec.counters.specAcks, why).toBeGreaterThan(500);
      expect(net.stats.lost, why).toBeGreaterThan(0);
      expect(guest.spec.counters.retransmits, why).toBeGreaterThan(0);
    }
  });

  it('never overruns a 4 KiB client receive window, and a slow reader stalls release, not the guest', () => {
    const { guest, received, mismatches } = downloadFromGuest(77, 256 * 1024, {
      receiveBufferBytes: 4096,
      loss: 0,
    });
    expect(received).toBe(256 * 1024);
    expect(mismatches).toBe(0);
    expect(guest.observed.windowOverruns).toBe(0);
    expect(guest.stack.stats.retransmittedBytes).toBe(0);
    expect(guest.stack.stats.dropped).toEqual({});
  });
});
