/**
 * Test helpers: a manual clock, a "scripted peer" that drives one TcpStack by hand (the test plays the remote
 * TCP segment by segment, with real IPv4+TCP bytes), a raw packet builder for malformed input, and a
 * SimNetwork pair builder. Everything is deterministic: virtual time only, no wall clock, no Math.random.
 */
import type { Connection } from '../connection.ts';
import { internetChecksum, finishChecksum, pseudoHeaderSum, sumWords } from '../wire/checksum.ts';
import { SimNetwork } from '../sim/network.ts';
import type { LinkOptions } from '../sim/link-model.ts';
import { TcpStack } from '../stack.ts';
import type { Clock, TcpConfig, TcpStackOptions } from '../types.ts';
import { parseIpv4Address } from '../wire/ipv4.ts';
import {
  ACK,
  FIN,
  SYN,
  encodeTcpSegment,
  parseTcpSegment,
  type TcpOptions,
  type TcpSegment,
} from '../wire/tcp-segment.ts';
import { patternChunk } from './bulk.ts';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  t = 0;
  now(): number {
    return this.t;
  }
}

export const STACK_ADDRESS = '10.0.0.1';
export const PEER_ADDRESS = '10.0.0.2';

/** Sequence space a segment occupies: payload plus one for SYN and one for FIN. */
export function segLen(seg: TcpSegment): number {
  return seg.payload.length + (seg.flags & SYN ? 1 : 0) + (seg.flags & FIN ? 1 : 0);
}

/** One past the last sequence number a segment occupies. */
export function segEnd(seg: TcpSegment): number {
  return (seg.seq + segLen(seg)) >>> 0;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What the peer puts in one segment; every field defaults from the peer's own state. */
export interface PeerSegment {
  flags?: number;
  seq?: number;
  ack?: number;
  /** Raw 16-bit window field. */
  window?: number;
  /** Replaces the default options (timestamps when negotiated) entirely. */
  options?: TcpOptions;
  /** Extra SACK blocks beside the default options. */
  sack?: ReadonlyArray<readonly [number, number]>;
  /** Override the TSval sent (TSecr stays the last value seen from the stack). */
  tsValue?: number;
  payload?: Uint8Array;
  /** Advance the peer's SND.NXT past this segment (default: true when seq was not given). */
  advance?: boolean;
  srcPort?: number;
  dstPort?: number;
}

export interface PeerOpenOptions {
  /** The peer's port (default 40000). */
  port?: number;
  /** The stack's port (default 80). */
  stackPort?: number;
  /** The peer's ISN. */
  isn?: number;
  /** MSS option the peer offers; omitted when undefined (then 536 applies). */
  mss?: number;
  /** Window scale the peer offers; no option when undefined. */
  windowScale?: number;
  sackPermitted?: boolean;
  timestamps?: boolean;
  /** Raw window field in the peer's SYN/SYN-ACK (never scaled). */
  synWindow?: number;
  /** Raw window field afterwards (scaled by the peer's shift). */
  window?: number;
  /** Virtual time between the stack's SYN (or SYN-ACK) and the peer's answer: the handshake RTT. */
  rttMs?: number;
}

/**
 * Plays the remote TCP against one stack. The peer keeps its own small TCB (SND.NXT, RCV.NXT, TS.Recent) so
 * tests can write `peer.send({ payload })` and `peer.send({ ack: x })` and get well-formed segments, or override
 * any field to craft a hostile one.
 */
export class ScriptedPeer {
  readonly clock = new ManualClock();
  readonly stack: TcpStack;
  readonly address = parseIpv4Address(PEER_ADDRESS);
  readonly stackAddress = parseIpv4Address(STACK_ADDRESS);
  /** Every datagram the stack emitted, decoded, oldest first. */
  readonly history: TcpSegment[] = [];
  /** Emission time of each entry of `history`. */
  readonly historyTimes: number[] = [];
  private unread = 0;

  port = 40000;
  stackPort = 80;
  /** Next sequence number the peer sends. */
  sndNxt = 0;
  /** The peer's ACK field: next sequence number it expects from the stack. */
  rcvNxt = 0;
  /** Raw window field the peer announces. */
  window = 65535;
  timestamps = false;
  /** The peer's TSval clock offset. */
  tsBase = 5_000_000;
  /** Last TSval seen from the stack (echoed as TSecr). */
  tsRecent = 0;

  constructor(config: Partial<TcpConfig> & { seed?: number } = {}) {
    const options: TcpStackOptions = {
      ...config,
      address: STACK_ADDRESS,
      clock: this.clock,
      output: (packet) => this.record(packet),
    };
    this.stack = new TcpStack(options);
  }

  private record(packet: Uint8Array): void {
    const parsed = parseTcpSegment(packet);
    if (!parsed.ok) throw new Error(`the stack emitted a malformed datagram: ${parsed.reason}`);
    const seg = parsed.segment;
    if (seg.options.timestamps) this.tsRecent = seg.options.timestamps.value;
    this.history.push(seg);
    this.historyTimes.push(this.clock.t);
  }

  /** Segments the stack emitted since the last take(). */
  take(): TcpSegment[] {
    const out = this.history.slice(this.unread);
    this.unread = this.history.length;
    return out;
  }

  /** Exactly one new segment (fails the test otherwise). */
  takeOne(): TcpSegment {
    const segs = this.take();
    if (segs.length !== 1) {
      throw new Error(`expected exactly one segment from the stack, got ${segs.length}`);
    }
    return segs[0];
  }

  /** The peer's current TSval. */
  tsValue(): number {
    return (this.tsBase + Math.floor(this.clock.t)) >>> 0;
  }

  /** Builds the datagram for `spec` without sending it. */
  build(spec: PeerSegment = {}): Uint8Array {
    const payload = spec.payload ?? new Uint8Array(0);
    const flags = spec.flags ?? ACK;
    let options: TcpOptions;
    if (spec.options) options = spec.options;
    else {
      options = {
        timestamps: this.timestamps
          ? { value: spec.tsValue ?? this.tsValue(), echo: this.tsRecent }
          : undefined,
        sack: spec.sack,
      };
    }
    return encodeTcpSegment(
      {
        src: this.address,
        dst: this.stackAddress,
        srcPort: spec.srcPort ?? this.port,
        dstPort: spec.dstPort ?? this.stackPort,
        seq: spec.seq ?? this.sndNxt,
        ack: spec.ack ?? (flags & ACK ? this.rcvNxt : 0),
        flags,
        window: spec.window ?? this.window,
        options,
      },
      payload.length,
      (buf, at) => buf.set(payload, at),
    );
  }

  /** Sends one segment into the stack (synchronously, at the current virtual time). */
  send(spec: PeerSegment = {}): void {
    const packet = this.build(spec);
    const advance = spec.advance ?? spec.seq === undefined;
    if (advance) {
      const flags = spec.flags ?? ACK;
      const len = (spec.payload?.length ?? 0) + (flags & SYN ? 1 : 0) + (flags & FIN ? 1 : 0);
      this.sndNxt = (this.sndNxt + len) >>> 0;
    }
    this.stack.input(packet);
  }

  /** Feeds raw bytes to the stack. */
  inject(packet: Uint8Array): void {
    this.stack.input(packet);
  }

  /** Moves virtual time forward by `ms`, firing every timer at its own deadline on the way. */
  advance(ms: number): void {
    this.advanceTo(this.clock.t + ms);
  }

  advanceTo(t: number): void {
    let guard = 0;
    while (true) {
      const d = this.stack.nextDeadline();
      if (d === undefined || d > t) break;
      if (d > this.clock.t) this.clock.t = d;
      this.stack.tick();
      if (++guard > 1_000_000) throw new Error('timers never settle');
    }
    if (t > this.clock.t) this.clock.t = t;
  }

  /** Runs timers until the next segment is emitted (or `limitMs` passes); returns the time it went out. */
  advanceUntilOutput(limitMs = 3_600_000): number | undefined {
    const end = this.clock.t + limitMs;
    const before = this.history.length;
    while (this.history.length === before) {
      const d = this.stack.nextDeadline();
      if (d === undefined || d > end) return undefined;
      if (d > this.clock.t) this.clock.t = d;
      this.stack.tick();
    }
    return this.historyTimes[before];
  }

  /** Stack-initiated passive open: the peer sends SYN to a listener, gets SYN-ACK, sends ACK. */
  openPassive(o: PeerOpenOptions = {}): { socket: Connection; synAck: TcpSegment } {
    this.applyOpenOptions(o);
    const listener = this.stack.listener(this.stackPort) ?? this.stack.listen(this.stackPort);
    const isn = o.isn ?? 0x1000;
    this.sndNxt = isn;
    this.send({ flags: SYN, seq: isn, ack: 0, window: o.synWindow ?? 65535, options: this.synOptions(o) });
    this.sndNxt = (isn + 1) >>> 0;
    const synAck = this.takeOne();
    if (synAck.flags !== (SYN | ACK)) throw new Error(`expected SYN-ACK, got flags ${synAck.flags}`);
    this.rcvNxt = (synAck.seq + 1) >>> 0;
    this.advance(o.rttMs ?? 0);
    this.send({ flags: ACK });
    const socket = listener.accept() as Connection | null;
    if (!socket) throw new Error('listener has no established connection after the handshake');
    this.take();
    return { socket, synAck };
  }

  /** Active open by the stack: it sends SYN, the peer answers SYN-ACK, the stack ACKs. */
  openActive(o: PeerOpenOptions & { localPort?: number; noDelay?: boolean } = {}): {
    socket: Connection;
    syn: TcpSegment;
    ack: TcpSegment;
  } {
    this.applyOpenOptions(o);
    const socket = this.stack.connect(PEER_ADDRESS, this.port, {
      localPort: o.localPort ?? this.stackPort,
      noDelay: o.noDelay,
    }) as Connection;
    const syn = this.takeOne();
    this.stackPort = syn.srcPort;
    this.rcvNxt = (syn.seq + 1) >>> 0;
    this.advance(o.rttMs ?? 0);
    const isn = o.isn ?? 0x2000;
    this.send({
      flags: SYN | ACK,
      seq: isn,
      ack: this.rcvNxt,
      window: o.synWindow ?? 65535,
      options: this.synOptions(o),
    });
    this.sndNxt = (isn + 1) >>> 0;
    const ack = this.takeOne();
    return { socket, syn, ack };
  }

  private applyOpenOptions(o: PeerOpenOptions): void {
    if (o.port !== undefined) this.port = o.port;
    if (o.stackPort !== undefined) this.stackPort = o.stackPort;
    if (o.window !== undefined) this.window = o.window;
    this.timestamps = o.timestamps ?? false;
  }

  private synOptions(o: PeerOpenOptions): TcpOptions {
    return {
      mss: o.mss,
      windowScale: o.windowScale,
      sackPermitted: o.sackPermitted,
      timestamps: o.timestamps ? { value: this.tsValue(), echo: 0 } : undefined,
    };
  }

  /** Data payloads of `segs` concatenated (for checking what the stack sent). */
  static payloadOf(segs: readonly TcpSegment[]): Uint8Array {
    return concatBytes(segs.map((s) => s.payload));
  }
}

/** A deterministic payload: `length` bytes of stream `seed` starting at `offset`. */
export function payload(length: number, offset = 0, seed = 3): Uint8Array {
  return patternChunk(seed, offset, length);
}

// ---------------------------------------------------------------------------------------------------------
// Raw packets (for malformed input)
// ---------------------------------------------------------------------------------------------------------

export interface RawTcpSpec {
  src?: number;
  dst?: number;
  srcPort?: number;
  dstPort?: number;
  seq?: number;
  ack?: number;
  flags?: number;
  window?: number;
  /** Raw option bytes, padded with zeros (EOL) to a multiple of four. */
  optionBytes?: ArrayLike<number>;
  payload?: Uint8Array;
  protocol?: number;
}

/** A complete IPv4+TCP datagram from raw option bytes, with both checksums correct. */
export function rawTcpPacket(spec: RawTcpSpec = {}): Uint8Array {
  const opts = Array.from(spec.optionBytes ?? []);
  while (opts.length % 4 !== 0) opts.push(0);
  const body = spec.payload ?? new Uint8Array(0);
  const tcpLen = 20 + opts.length + body.length;
  const total = 20 + tcpLen;
  const buf = new Uint8Array(total);
  const src = spec.src ?? parseIpv4Address(PEER_ADDRESS);
  const dst = spec.dst ?? parseIpv4Address(STACK_ADDRESS);
  buf[0] = 0x45;
  buf[2] = total >>> 8;
  buf[3] = total & 0xff;
  buf[6] = 0x40;
  buf[8] = 64;
  buf[9] = spec.protocol ?? 6;
  writeU32(buf, 12, src);
  writeU32(buf, 16, dst);
  const t = 20;
  const srcPort = spec.srcPort ?? 40000;
  const dstPort = spec.dstPort ?? 80;
  buf[t] = srcPort >>> 8;
  buf[t + 1] = srcPort & 0xff;
  buf[t + 2] = dstPort >>> 8;
  buf[t + 3] = dstPort & 0xff;
  writeU32(buf, t + 4, spec.seq ?? 0);
  writeU32(buf, t + 8, spec.ack ?? 0);
  buf[t + 12] = ((20 + opts.length) / 4) << 4;
  buf[t + 13] = spec.flags ?? ACK;
  const window = spec.window ?? 65535;
  buf[t + 14] = (window >>> 8) & 0xff;
  buf[t + 15] = window & 0xff;
  buf.set(opts, t + 20);
  buf.set(body, t + 20 + opts.length);
  fixChecksums(buf);
  return buf;
}

function writeU32(buf: Uint8Array, at: number, v: number): void {
  buf[at] = v >>> 24;
  buf[at + 1] = (v >>> 16) & 0xff;
  buf[at + 2] = (v >>> 8) & 0xff;
  buf[at + 3] = v & 0xff;
}

/** Recomputes the IPv4 header checksum in place (after editing header fields). */
export function fixIpChecksum(buf: Uint8Array): void {
  const ihl = (buf[0] & 0x0f) * 4;
  buf[10] = 0;
  buf[11] = 0;
  const sum = internetChecksum(buf, 0, ihl);
  buf[10] = sum >>> 8;
  buf[11] = sum & 0xff;
}

/** Recomputes the TCP checksum in place over [IHL, total length) with the pseudo-header. */
export function fixTcpChecksum(buf: Uint8Array): void {
  const ihl = (buf[0] & 0x0f) * 4;
  const total = (buf[2] << 8) | buf[3];
  const src = ((buf[12] << 24) | (buf[13] << 16) | (buf[14] << 8) | buf[15]) >>> 0;
  const dst = ((buf[16] << 24) | (buf[17] << 16) | (buf[18] << 8) | buf[19]) >>> 0;
  buf[ihl + 16] = 0;
  buf[ihl + 17] = 0;
  const sum = finishChecksum(sumWords(buf, ihl, total, pseudoHeaderSum(src, dst, 6, total - ihl)));
  buf[ihl + 16] = sum >>> 8;
  buf[ihl + 17] = sum & 0xff;
}

export function fixChecksums(buf: Uint8Array): void {
  fixIpChecksum(buf);
  fixTcpChecksum(buf);
}

// ---------------------------------------------------------------------------------------------------------
// SimNetwork pairs
// ---------------------------------------------------------------------------------------------------------

export const SIM_A = '10.0.0.1';
export const SIM_B = '10.0.0.2';

/** Two stacks, A (10.0.0.1) and B (10.0.0.2), joined by symmetric links. */
export function simPair(
  o: {
    seed?: number;
    link?: LinkOptions;
    a?: Partial<TcpConfig> & { seed?: number };
    b?: Partial<TcpConfig> & { seed?: number };
  } = {},
): { net: SimNetwork; a: TcpStack; b: TcpStack } {
  const net = new SimNetwork({ seed: o.seed ?? 1, link: o.link });
  const a = net.addStack({ seed: 11, ...o.a, address: SIM_A });
  const b = net.addStack({ seed: 22, ...o.b, address: SIM_B });
  return { net, a, b };
}

/** A decoded view of a datagram on the simulated wire (throws on a malformed one: the stacks never emit those). */
export function decode(packet: Uint8Array): TcpSegment {
  const parsed = parseTcpSegment(packet);
  if (!parsed.ok) throw new Error(`malformed datagram on the wire: ${parsed.reason}`);
  return parsed.segment;
}
