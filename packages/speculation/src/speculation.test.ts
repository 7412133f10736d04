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
  type TcpSocket,
} from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FLOW_BUFFER_BYTES,
  MAX_FLOW_BUFFER_BYTES,
  RACC_FLOW_BUFFER_BYTES,
  Speculation,
  SpeculationStateError,
} from './speculation.ts';

const GUEST = '10.5.0.2';
const CLIENT = '10.5.0.9';

/** Stream byte i of a seeded transfer. */
const streamByte = (seed: number, i: number) => (Math.imul(i ^ seed, 2654435761) >>> 24) & 0xff;

interface Checkpoint {
  epoch: number;
  stack: Uint8Array;
  speculation: Uint8Array;
  edges: Array<[number, number]>;
  clientShift: number;
}

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
  private clientShift = 0;
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
  /** Every data segment toward the client: when (virtual ms), and its payload bytes. */
  readonly dataSent: Array<[number, number]> = [];

  /** Called at the end of each epoch with the guest paused: a checkpoint may be captured then. */
  onEpochEnd: ((epoch: number) => void) | undefined;

  constructor(
    private readonly net: SimNetwork,
    private readonly rng: SeededRandom,
    private readonly epochMs: number,
    private readonly commitDelayMs: [number, number],
    bufferBytes?: number,
    /** Resume from a checkpoint (failover): the guest stack and speculation as they were at its epoch. */
    from?: Checkpoint,
    pacingBurstMs?: number | null,
  ) {
    this.address = toIpv4Address(GUEST);
    const options = {
      guestAddress: this.address,
      now: () => net.clock.now(),
      toGuest: (p: Uint8Array) => this.toGuest(p),
      toNetwork: (p: Uint8Array) => this.toNetwork(p),
      bufferBytes,
      ...(pacingBurstMs !== undefined ? { pacingBurstMs } : {}),
    };
    if (from) {
      this.epoch = from.epoch + 1;
      this.committedEpoch = from.epoch;
      for (const [e, edge] of from.edges) this.epochEdges.set(e, edge);
      this.clientShift = from.clientShift;
      this.nextEpochAt = net.clock.now() + epochMs;
      this.stack = TcpStack.restore(from.stack, { clock: net.clock, output: (p) => this.fromGuest(p) });
      this.spec = Speculation.restore(from.speculation, options);
      this.spec.commit(from.epoch);
    } else {
      this.nextEpochAt = epochMs;
      this.spec = new Speculation(options);
      this.stack = new TcpStack({
        address: GUEST,
        seed: 11,
        clock: net.clock,
        output: (p) => this.fromGuest(p),
        mslMs: 1000,
      });
    }
    net.attach(this);
  }

  /** The guest's state at the end of the epoch just finished (call from onEpochEnd). */
  capture(epoch: number): Checkpoint {
    return {
      epoch,
      stack: this.stack.saveState(),
      speculation: this.spec.saveState(),
      edges: [...this.epochEdges],
      clientShift: this.clientShift,
    };
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
    this.drainRxRing();
    while (now >= this.nextEpochAt) {
      const [lo, hi] = this.commitDelayMs;
      this.commits.push({ at: this.nextEpochAt + lo + this.rng.next() * (hi - lo), epoch: this.epoch });
      this.onEpochEnd?.(this.epoch);
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
    this.drainRxRing(); // (what the timers above made Speculation answer)
  }

  private drainRxRing(): void {
    while (this.rxRing.length > 0) {
      const rx = this.rxRing;
      this.rxRing = [];
      for (const p of rx) this.stack.input(p);
    }
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
      this.dataSent.push([this.net.clock.now(), seg.segment.payload.length]);
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
  options: {
    receiveBufferBytes?: number;
    bufferBytes?: number;
    loss?: number;
    /** One-way delay of the link (default: 1-5 ms, seeded). */
    delayMs?: number;
    /** The VMM's release pacing (default: Speculation's). */
    pacingBurstMs?: number | null;
    /** Kill the guest's VMM this long after the end of this epoch; the backup resumes from that epoch. */
    failover?: { epoch: number; afterMs: number };
    /** Called at the end of every epoch (guest paused), when there is no failover. */
    onEpochEnd?: (guest: SpeculativeGuest) => void;
  } = {},
) {
  const rng = new SeededRandom(seed);
  const net = new SimNetwork({
    seed,
    link: {
      delayMs: options.delayMs ?? 1 + rng.next() * 4,
      bandwidthMbps: 1000,
      loss: options.loss ?? 0.01,
      reorder: 0.01,
      reorderDelayMs: 1.5,
      duplicate: 0.005,
    },
  });
  const commitDelay: [number, number] = [1, 1 + rng.next() * 30];
  let guest = new SpeculativeGuest(
    net,
    rng,
    25,
    commitDelay,
    options.bufferBytes,
    undefined,
    options.pacingBurstMs,
  );
  const client = net.addStack({
    address: CLIENT,
    seed: seed + 1,
    mslMs: 1000,
    ...(options.receiveBufferBytes ? { receiveBufferBytes: options.receiveBufferBytes } : {}),
  });
  // The guest's application: writes the stream and closes. Its state (how much it wrote) is guest state too.
  let written = 0;
  const serve = (s: TcpSocket) => {
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
  };
  const listener = guest.stack.listen(81);
  listener.on('connection', () => {
    const s = listener.accept();
    if (s) serve(s);
  });
  let checkpoint: { at: ReturnType<SpeculativeGuest['capture']>; written: number } | undefined;
  let failedOver = false;
  let receivedAtFailover = 0;
  let bufferedAtCheckpoint = 0;
  if (options.onEpochEnd) guest.onEpochEnd = () => options.onEpochEnd!(guest);
  if (options.failover) {
    const { epoch, afterMs } = options.failover;
    guest.onEpochEnd = (e) => {
      if (e !== epoch) return;
      checkpoint = { at: guest.capture(e), written };
      void afterMs;
    };
  }
  let received = 0;
  let mismatches = 0;
  let ended = false;
  let reset = false;
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
  c.on('close', (error) => {
    if (error) reset = true;
  });
  const killAt = () => (checkpoint ? net.clock.now() : Infinity);
  try {
    let deadline = Infinity;
    net.runUntil(() => {
      if (checkpoint && !failedOver) {
        if (deadline === Infinity) deadline = killAt() + options.failover!.afterMs;
        if (net.clock.now() >= deadline) {
          // kill -9: the old VMM does nothing more; the backup resumes the guest from the checkpoint.
          failedOver = true;
          receivedAtFailover = received;
          bufferedAtCheckpoint = checkpoint.at.speculation.length;
          guest = new SpeculativeGuest(
            net,
            rng,
            25,
            commitDelay,
            options.bufferBytes,
            checkpoint.at,
            options.pacingBurstMs,
          );
          written = checkpoint.written;
          const [socket] = guest.stack.sockets();
          serve(socket);
        }
      }
      return ended || reset;
    }, 600_000);
  } catch (e) {
    const state = {
      received,
      written,
      spec: guest.spec.counters,
      guest: guest.stack.stats,
      specNext: guest.spec.nextDeadline(),
      stackNext: guest.stack.nextDeadline(),
      now: net.clock.now(),
    };
    throw new Error(`seed ${seed}: ${(e as Error).message}; ${JSON.stringify(state)}`, { cause: e });
  }
  return {
    guest,
    client,
    received,
    mismatches,
    net,
    reset,
    failedOver,
    receivedAtFailover,
    bufferedAtCheckpoint,
  };
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

  it('saves its state in parts it never writes to again, most of a moving stream kept from save to save', () => {
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b)); // (not toEqual: MBs)
    // Each part saved last time, by its memory, with a copy of its bytes then.
    let previous = new Map<ArrayBufferLike, Map<number, Uint8Array>>();
    let saves = 0;
    let kept = 0;
    let total = 0;
    let wrong = 0;
    const { received } = downloadFromGuest(31, 4 << 20, {
      loss: 0.005,
      onEpochEnd: (g) => {
        const { parts, length } = g.spec.saveStateParts();
        const flat = g.spec.saveState();
        if (flat.length !== length || parts.reduce((n, p) => n + p.length, 0) !== length) wrong++;
        let at = 0;
        const now = new Map<ArrayBufferLike, Map<number, Uint8Array>>();
        for (const p of parts) {
          if (!same(flat.subarray(at, at + p.length), p)) wrong++; // the parts are the flat state, in order
          at += p.length;
          const before = previous.get(p.buffer)?.get(p.byteOffset);
          if (before !== undefined) {
            kept += p.length;
            if (!same(before.subarray(0, p.length), p)) wrong++; // a part seen before has not changed
          }
          if (!now.has(p.buffer)) now.set(p.buffer, new Map());
          now.get(p.buffer)!.set(p.byteOffset, p.slice());
        }
        if (saves > 0) total += length;
        saves++;
        previous = now;
      },
    });
    expect(received).toBe(4 << 20);
    expect(wrong).toBe(0);
    expect(saves).toBeGreaterThan(10);
    expect(kept / total).toBeGreaterThan(0.5); // the buffered stream, less what each epoch moved
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

  it('kill -9 of the VMM mid-transfer, 10 seeds: the backup resumes from the last epoch and the client gets every byte once, in order', () => {
    for (let seed = 101; seed <= 110; seed++) {
      const rng = new SeededRandom(seed * 7);
      const failover = { epoch: 3 + rng.int(0, 8), afterMs: rng.next() * 40 };
      const r = downloadFromGuest(seed, 2 << 20, { failover });
      const why = `seed ${seed}, ${JSON.stringify(failover)}`;
      expect(r.failedOver, why).toBe(true);
      expect(r.receivedAtFailover, why).toBeLessThan(2 << 20); // mid-transfer
      expect(r.bufferedAtCheckpoint, why).toBeGreaterThan(10_000); // with data acked to the guest in flight
      expect(r.reset, why).toBe(false);
      expect(r.received, why).toBe(2 << 20);
      expect(r.mismatches, why).toBe(0);
      expect(r.guest.observed.uncommittedLeaks, why).toBe(0);
    }
  });
});

describe('speculation state', () => {
  /** A Speculation that is only saved and restored: no clock, nothing sent. */
  const options = {
    guestAddress: toIpv4Address(GUEST),
    now: () => 0,
    toGuest: () => undefined,
    toNetwork: () => undefined,
  };

  it('rejects truncated, foreign or inconsistent state with a SpeculationStateError, never anything else', () => {
    const good = new Speculation(options).saveState();
    expect(Speculation.restore(good, options).flowCount).toBe(0);
    const rng = new SeededRandom(5);
    const cases = [
      new Uint8Array(0),
      good.subarray(0, 6),
      Uint8Array.from(good, (b, i) => (i === 4 ? 9 : b)), // another version
      Uint8Array.from(good, (b, i) => (i === 0 ? 0 : b)),
      new Uint8Array([...good, 1, 2, 3]), // bytes left over
    ];
    for (let k = 0; k < 500; k++) {
      const g = good.slice();
      g[9 + rng.int(0, g.length - 10)] = rng.int(0, 255); // damaged JSON
      cases.push(g);
    }
    for (const bytes of cases) {
      try {
        Speculation.restore(bytes, options);
      } catch (e) {
        expect(e).toBeInstanceOf(SpeculationStateError);
      }
    }
  });

  it('keeps the flow buffer a mode set across a save and restore, and refuses an impossible one', () => {
    const spec = new Speculation(options);
    expect(spec.capacityBytes).toBe(DEFAULT_FLOW_BUFFER_BYTES);
    spec.flowBufferBytes = RACC_FLOW_BUFFER_BYTES;
    const saved = spec.saveState();
    expect(Speculation.restore(saved, options).capacityBytes).toBe(RACC_FLOW_BUFFER_BYTES);
    expect(() => (spec.flowBufferBytes = 0)).toThrow(RangeError);
    expect(() => (spec.flowBufferBytes = MAX_FLOW_BUFFER_BYTES + 1)).toThrow(RangeError);
    const text = new TextDecoder().decode(saved);
    // The same length (the header counts the JSON's bytes), a negative buffer.
    expect(String(RACC_FLOW_BUFFER_BYTES)).toHaveLength(8);
    const forged = new TextEncoder().encode(
      text.replace(`"bufferBytes":${RACC_FLOW_BUFFER_BYTES}`, '"bufferBytes":-1000000'),
    );
    expect(() => Speculation.restore(forged, options)).toThrow(/flow buffer of -1000000 bytes/);
  });

  it('paces what it releases: committed data leaves over the RTT, not as one burst, and every byte arrives', () => {
    /** The most payload bytes sent toward the client within any 1 ms, and when the transfer ended. */
    const run = (pacingBurstMs: number | null) => {
      const r = downloadFromGuest(91, 8 << 20, { loss: 0, delayMs: 20, pacingBurstMs });
      expect(r.received).toBe(8 << 20);
      expect(r.mismatches).toBe(0);
      const sent = r.guest.dataSent;
      let most = 0;
      let inWindow = 0;
      for (let head = 0, tail = 0; head < sent.length; head++) {
        inWindow += sent[head][1];
        while (sent[head][0] - sent[tail][0] >= 1) inWindow -= sent[tail++][1];
        most = Math.max(most, inWindow);
      }
      return { most, endedAt: r.net.clock.now() };
    };
    const unpaced = run(null);
    const paced = run(2);
    expect(unpaced.most).toBeGreaterThan(128 * 1024); // a window's worth at once
    expect(paced.most).toBeLessThan(unpaced.most / 3);
    expect(paced.endedAt).toBeLessThan(unpaced.endedAt * 1.5); // spread out, not held back
  });
});
