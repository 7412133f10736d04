/**
 * The primary VMM's speculative output path for one guest (VEE 2012, docs/design/speculation.md). Every packet
 * the guest sends passes through here tagged with its epoch:
 *  - data and FINs of TCP flows whose handshake was seen are buffered by their flow, acknowledged to the guest at
 *    once, and delivered to the client by the flow after their epoch commits;
 *  - everything else (handshakes, pure ACKs, RSTs, other protocols, flows opened before speculation began) is
 *    held until its epoch commits, as output commit holds it.
 * Packets from the network go to the guest translated by their flow (never a stale or duplicate ACK).
 */
import {
  ACK,
  FIN,
  RST,
  SYN,
  parseTcpSegment,
  type ReplicationStatus,
  type RtoBounds,
  type TcpSegment,
} from '@vmha/guest-tcp';
import {
  SpeculativeFlow,
  zeroFlowCounters,
  type FlowCounters,
  type FlowKey,
  type FlowState,
} from './flow.ts';

/** A speculation state record that cannot be restored (truncated, another version, inconsistent). */
export class SpeculationStateError extends Error {
  override readonly name = 'SpeculationStateError';
}

const STATE_MAGIC = 0x43505356; // "VSPC" read little-endian
const STATE_VERSION = 1;

interface SavedState {
  flows: FlowState[];
  held: Array<{ epoch: number; length: number; pureAckFlow?: string; closes?: string }>;
  clientSyns: Array<[string, SynSeen]>;
  guestSyns: Array<[string, SynSeen]>;
  /** Absent in states saved before it existed: true. */
  speculateNewFlows?: boolean;
  /** Each flow's buffer; absent in states saved before it existed: the restoring VMM's option. */
  bufferBytes?: number;
}

/** The largest buffer a flow may be given: a racc guest is told it and sends that much ahead. */
export const MAX_FLOW_BUFFER_BYTES = 256 << 20;

export interface SpeculationOptions {
  /** The guest's IPv4 address (as a number). */
  guestAddress: number;
  now(): number;
  /** Into the guest's NIC. */
  toGuest(packet: Uint8Array): void;
  /** Onto the network, toward the client. */
  toNetwork(packet: Uint8Array): void;
  /** Bytes each flow may hold, acked to the guest but not yet by the client (default 4 MiB). */
  bufferBytes?: number;
  rto?: RtoBounds;
  /**
   * Release pacing: the most a flow sends at once, in milliseconds of its pacing rate (default 2; null: unpaced).
   * A driver that calls `tick()` less often than `nextDeadline()` asks should pass its tick interval.
   */
  pacingBurstMs?: number | null;
}

export interface SpeculationCounters extends FlowCounters {
  flowsOpened: number;
  flowsClosed: number;
  heldPackets: number;
  releasedPackets: number;
  notTcp: number;
}

const DEFAULT_RTO: RtoBounds = { initialMs: 1000, minMs: 200, maxMs: 60_000, granularityMs: 1 };

interface SynSeen {
  window: number;
  windowShift: number | undefined;
  tsVal: number | undefined;
  mss: number | undefined;
}

interface Held {
  epoch: number;
  packet: Uint8Array;
  /** A pure ACK of a speculated flow: re-sequenced for the client at release. */
  pureAck?: { flow: SpeculativeFlow; segment: TcpSegment };
  /** A guest RST: its flow ends once the RST leaves. */
  closes?: string;
}

export class Speculation {
  readonly counters: SpeculationCounters = {
    ...zeroFlowCounters(),
    flowsOpened: 0,
    flowsClosed: 0,
    heldPackets: 0,
    releasedPackets: 0,
    notTcp: 0,
  };
  private readonly flows = new Map<string, SpeculativeFlow>();
  private readonly clientSyns = new Map<string, SynSeen>();
  private readonly guestSyns = new Map<string, SynSeen>();
  private held: Held[] = [];
  private bufferBytesValue: number;
  private readonly host;

  constructor(private readonly o: SpeculationOptions) {
    this.bufferBytesValue = checkedBufferBytes(o.bufferBytes ?? DEFAULT_FLOW_BUFFER_BYTES);
    this.host = {
      now: () => o.now(),
      toGuest: o.toGuest,
      toNetwork: o.toNetwork,
      counters: this.counters,
      pacingBurstMs: o.pacingBurstMs === null ? undefined : (o.pacingBurstMs ?? DEFAULT_PACING_BURST_MS),
    };
  }

  /**
   * Whether connections opened from now on are speculated (the `speculative` mode) or keep plain output commit
   * (`remus`). Flows already speculated go on either way: the guest's view of them depends on it.
   */
  speculateNewFlows = true;

  /** Bytes each flow may hold (the capacity a replication-aware guest is told). */
  get capacityBytes(): number {
    return this.bufferBytesValue;
  }

  /**
   * The buffer of flows opened from now on (a mode switch: `speculative+racc` gives its guest a larger one). Open
   * flows keep theirs until a failover, when every flow takes the one saved last.
   */
  set flowBufferBytes(bytes: number) {
    this.bufferBytesValue = checkedBufferBytes(bytes);
  }

  /**
   * What a replication-aware guest is told through the NIC's paravirtual registers (VEE 2012 §4): the buffer it may
   * fill, how full it is, and the VMM's epoch timing.
   */
  replicationStatus(timing: { epochMs: number; commitLatencyMs: number }): ReplicationStatus {
    return { capacityBytes: this.capacityBytes, occupancyBytes: this.occupancyBytes, ...timing };
  }

  /** Bytes held now, every flow together (acked to the guest, not yet by the client). */
  get occupancyBytes(): number {
    let n = 0;
    for (const f of this.flows.values()) n += f.buffered;
    return n;
  }

  get flowCount(): number {
    return this.flows.size;
  }

  /** The earliest time `tick()` has work. */
  nextDeadline(): number | undefined {
    let next: number | undefined;
    for (const f of this.flows.values()) {
      const d = f.nextDeadline;
      if (d !== undefined && (next === undefined || d < next)) next = d;
    }
    return next;
  }

  tick(): void {
    const now = this.o.now();
    for (const f of this.flows.values()) {
      const d = f.nextDeadline;
      if (d !== undefined && d <= now) f.tick(now);
    }
  }

  /** A packet the guest sent during `epoch`. */
  fromGuest(packet: Uint8Array, epoch: number): void {
    const parsed = parseTcpSegment(packet);
    if (!parsed.ok || parsed.segment.src !== this.o.guestAddress) {
      this.counters.notTcp++;
      this.hold({ epoch, packet });
      return;
    }
    const seg = parsed.segment;
    const key = flowKeyOf(seg.src, seg.srcPort, seg.dst, seg.dstPort);
    if (seg.flags & SYN) {
      if (seg.flags & ACK) this.open(key, seg, this.clientSyns.get(key), 'guest-syn-ack');
      else if (this.speculateNewFlows) remember(this.guestSyns, key, synOf(seg));
      this.hold({ epoch, packet });
      return;
    }
    const flow = this.flows.get(key);
    if (seg.flags & RST) {
      this.hold({ epoch, packet, closes: flow ? key : undefined });
      return;
    }
    if (!flow) {
      this.hold({ epoch, packet });
      return;
    }
    if (seg.payload.length > 0 || seg.flags & FIN) {
      flow.fromGuest(seg, epoch);
      return;
    }
    flow.noteGuestHeader(seg, epoch);
    this.hold({ epoch, packet, pureAck: { flow, segment: seg } });
  }

  /** A packet from the network for the guest. */
  fromNetwork(packet: Uint8Array): void {
    const parsed = parseTcpSegment(packet);
    if (!parsed.ok || parsed.segment.dst !== this.o.guestAddress) {
      this.o.toGuest(packet);
      return;
    }
    const seg = parsed.segment;
    const key = flowKeyOf(seg.dst, seg.dstPort, seg.src, seg.srcPort);
    if (seg.flags & SYN) {
      if (seg.flags & ACK) this.open(key, seg, this.guestSyns.get(key), 'client-syn-ack');
      else if (this.speculateNewFlows) remember(this.clientSyns, key, synOf(seg));
      this.o.toGuest(packet);
      return;
    }
    const flow = this.flows.get(key);
    if (!flow) {
      this.o.toGuest(packet);
      return;
    }
    if (seg.flags & RST) {
      this.close(key);
      this.o.toGuest(packet);
      return;
    }
    const out = flow.fromClient(seg);
    if (out) this.o.toGuest(out);
    if (flow.finished) this.close(key);
  }

  /** The backup has everything the guest did up to `epoch`: what it sent may leave. */
  commit(epoch: number): void {
    let i = 0;
    while (i < this.held.length && this.held[i].epoch <= epoch) {
      const h = this.held[i++];
      this.counters.releasedPackets++;
      this.o.toNetwork(h.pureAck ? h.pureAck.flow.releasePureAck(h.pureAck.segment) : h.packet);
      if (h.closes) this.close(h.closes);
    }
    this.held = i === this.held.length ? [] : this.held.slice(i);
    for (const [key, flow] of this.flows) {
      flow.commit(epoch);
      if (flow.finished) this.close(key);
    }
  }

  // --- Checkpoints ---------------------------------------------------------------------------------------

  /**
   * Everything in flight, for the checkpoint of the epoch just captured (guest paused):
   *   "VSPC" | version u8 | json length u32 | json | each flow's buffered bytes | each held packet   (LE)
   * The bytes go raw after the JSON so that a stream that moved between epochs stays a copy in record deltas.
   */
  saveState(): Uint8Array {
    const { parts, length } = this.saveStateParts();
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /**
   * The state as `saveState()`, in parts held by reference: the header and JSON, then each flow's buffered
   * segments and each held packet as they are kept here, never written to again. A checkpoint encoder sends a
   * part it sent before as a copy without looking at it, so an epoch costs the segments the guest added, not a
   * copy and compare of every flow's buffer (up to 16 MiB each under racc).
   */
  saveStateParts(): { parts: Uint8Array[]; length: number } {
    const flows = [...this.flows.values()].map((f) => ({ flow: f, ...f.saveState() }));
    const keyOf = (f: SpeculativeFlow) =>
      flowKeyOf(f.key.guestAddress, f.key.guestPort, f.key.clientAddress, f.key.clientPort);
    const saved: SavedState = {
      flows: flows.map((f) => f.state),
      held: this.held.map((h) => ({
        epoch: h.epoch,
        length: h.packet.length,
        ...(h.pureAck ? { pureAckFlow: keyOf(h.pureAck.flow) } : {}),
        ...(h.closes ? { closes: h.closes } : {}),
      })),
      speculateNewFlows: this.speculateNewFlows,
      bufferBytes: this.bufferBytesValue,
      clientSyns: [...this.clientSyns],
      guestSyns: [...this.guestSyns],
    };
    const json = new TextEncoder().encode(JSON.stringify(saved));
    const head = new Uint8Array(9 + json.length);
    const view = new DataView(head.buffer);
    view.setUint32(0, STATE_MAGIC, true);
    head[4] = STATE_VERSION;
    view.setUint32(5, json.length, true);
    head.set(json, 9);
    const parts: Uint8Array[] = [head];
    let length = head.length;
    for (const f of flows) {
      for (const v of f.bytes.views()) parts.push(v);
      length += f.bytes.length;
    }
    for (const h of this.held) {
      parts.push(h.packet);
      length += h.packet.length;
    }
    return { parts, length };
  }

  /**
   * The speculation state a checkpoint carried, on the VMM resuming the guest from that checkpoint. Everything in
   * it is committed there: call `commit(epoch)` with the checkpoint's epoch once the VMM may send, and delivery
   * resumes.
   */
  static restore(bytes: Uint8Array, options: SpeculationOptions): Speculation {
    try {
      return Speculation.restoreChecked(bytes, options);
    } catch (e) {
      if (e instanceof SpeculationStateError) throw e;
      // Fields of the wrong type deep inside (the record passed its checksum, so a sender's bug): still clear.
      throw new SpeculationStateError(`speculation state: ${(e as Error).message}`, { cause: e });
    }
  }

  private static restoreChecked(bytes: Uint8Array, options: SpeculationOptions): Speculation {
    const fail = (why: string): never => {
      throw new SpeculationStateError(`speculation state: ${why}`);
    };
    if (bytes.length < 9) fail('truncated header');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== STATE_MAGIC) fail('bad magic');
    if (bytes[4] !== STATE_VERSION) fail(`version ${bytes[4]}, expected ${STATE_VERSION}`);
    const jsonLength = view.getUint32(5, true);
    if (9 + jsonLength > bytes.length) fail('truncated JSON');
    let saved: SavedState;
    try {
      saved = JSON.parse(new TextDecoder().decode(bytes.subarray(9, 9 + jsonLength))) as SavedState;
    } catch (e) {
      return fail(`bad JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(saved?.flows) || !Array.isArray(saved.held)) fail('missing flows or held packets');
    if (saved.bufferBytes !== undefined && !validBufferBytes(saved.bufferBytes))
      fail(`flow buffer of ${String(saved.bufferBytes)} bytes`);
    const spec = new Speculation({ ...options, bufferBytes: saved.bufferBytes ?? options.bufferBytes });
    let at = 9 + jsonLength;
    const take = (n: number): Uint8Array => {
      if (!Number.isInteger(n) || n < 0 || at + n > bytes.length) fail('truncated bytes');
      const b = bytes.subarray(at, at + n);
      at += n;
      return b;
    };
    for (const state of saved.flows) {
      const flow = SpeculativeFlow.restore(
        state,
        take(state.bufferedBytes),
        spec.host,
        spec.bufferBytesValue,
        options.rto ?? DEFAULT_RTO,
      );
      const k = state.key;
      spec.flows.set(flowKeyOf(k.guestAddress, k.guestPort, k.clientAddress, k.clientPort), flow);
    }
    for (const h of saved.held) {
      const packet = take(h.length).slice();
      const held: Held = { epoch: h.epoch, packet, ...(h.closes ? { closes: h.closes } : {}) };
      if (h.pureAckFlow !== undefined) {
        const flow = spec.flows.get(h.pureAckFlow);
        const parsed = parseTcpSegment(packet);
        if (!flow || !parsed.ok) fail(`held pure ACK of unknown flow ${h.pureAckFlow}`);
        else held.pureAck = { flow, segment: parsed.segment };
      }
      spec.held.push(held);
    }
    if (at !== bytes.length) fail(`${bytes.length - at} bytes left over`);
    for (const [k, v] of saved.clientSyns ?? []) spec.clientSyns.set(k, v);
    for (const [k, v] of saved.guestSyns ?? []) spec.guestSyns.set(k, v);
    spec.speculateNewFlows = saved.speculateNewFlows !== false;
    return spec;
  }

  private hold(h: Held): void {
    this.counters.heldPackets++;
    this.held.push(h);
  }

  /** A handshake completed in either direction: speculation starts for the flow. */
  private open(
    key: string,
    synAck: TcpSegment,
    syn: SynSeen | undefined,
    from: 'guest-syn-ack' | 'client-syn-ack',
  ) {
    if (syn === undefined || this.flows.has(key) || !this.speculateNewFlows) return;
    const ack = synOf(synAck);
    const [guest, client] = from === 'guest-syn-ack' ? [ack, syn] : [syn, ack];
    const scaled = guest.windowShift !== undefined && client.windowShift !== undefined;
    const timestamps = guest.tsVal !== undefined && client.tsVal !== undefined;
    const k: FlowKey =
      from === 'guest-syn-ack'
        ? {
            guestAddress: synAck.src,
            guestPort: synAck.srcPort,
            clientAddress: synAck.dst,
            clientPort: synAck.dstPort,
          }
        : {
            guestAddress: synAck.dst,
            guestPort: synAck.dstPort,
            clientAddress: synAck.src,
            clientPort: synAck.srcPort,
          };
    const flow = new SpeculativeFlow(
      k,
      {
        clientWindowShift: scaled ? client.windowShift! : 0,
        timestamps,
        mss: Math.min(client.mss ?? 536, guest.mss ?? 65_495),
      },
      from === 'guest-syn-ack'
        ? {
            guestSeq: (synAck.seq + 1) >>> 0,
            guestAck: synAck.ack,
            clientWindow: client.window,
            clientTsVal: client.tsVal ?? 0,
            passive: true,
          }
        : {
            guestSeq: synAck.ack,
            guestAck: (synAck.seq + 1) >>> 0,
            clientWindow: client.window,
            clientTsVal: client.tsVal ?? 0,
            passive: false,
          },
      this.host,
      this.bufferBytesValue,
      this.o.rto ?? DEFAULT_RTO,
    );
    this.flows.set(key, flow);
    this.clientSyns.delete(key);
    this.guestSyns.delete(key);
    this.counters.flowsOpened++;
  }

  private close(key: string): void {
    if (this.flows.delete(key)) this.counters.flowsClosed++;
  }
}

/** Half-open handshakes are remembered up to a bound (a SYN flood must not grow the table without end). */
const MAX_PENDING_SYNS = 4096;

function remember(map: Map<string, SynSeen>, key: string, syn: SynSeen): void {
  map.delete(key);
  if (map.size >= MAX_PENDING_SYNS) map.delete(map.keys().next().value!);
  map.set(key, syn);
}

function synOf(seg: TcpSegment): SynSeen {
  return {
    window: seg.window,
    windowShift: seg.options.windowScale,
    tsVal: seg.options.timestamps?.value,
    mss: seg.options.mss,
  };
}

function flowKeyOf(
  guestAddress: number,
  guestPort: number,
  clientAddress: number,
  clientPort: number,
): string {
  return `${guestAddress}:${guestPort}:${clientAddress}:${clientPort}`;
}

/** Release pacing's burst, in milliseconds of a flow's pacing rate (see SpeculationOptions.pacingBurstMs). */
export const DEFAULT_PACING_BURST_MS = 2;

/** A flow's buffer unless a mode says otherwise. */
export const DEFAULT_FLOW_BUFFER_BYTES = 4 << 20;

/**
 * The buffer a `speculative+racc` VMM holds per connection and announces to its guest: enough for a 1 Gbit/s
 * stream across an epoch of 25 ms and its commit, with room to spare.
 */
export const RACC_FLOW_BUFFER_BYTES = 16 << 20;

function validBufferBytes(bytes: unknown): bytes is number {
  return Number.isInteger(bytes) && (bytes as number) > 0 && (bytes as number) <= MAX_FLOW_BUFFER_BYTES;
}

function checkedBufferBytes(bytes: number): number {
  if (!validBufferBytes(bytes))
    throw new RangeError(`a flow buffer is 1 to ${MAX_FLOW_BUFFER_BYTES} bytes, not ${bytes}`);
  return bytes;
}
