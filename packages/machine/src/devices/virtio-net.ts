/**
 * The paravirtual NIC, device side (what the VMM drives): virtio-like RX and TX split rings in guest memory.
 *
 * Packets in flight sit in guest memory buffers, so a checkpoint captures them with memory. The device's own
 * state (ring geometry, its private ring positions, counters) is a versioned record. Everything it reads from
 * guest memory is untrusted: an index or descriptor that makes no sense is counted and the packet dropped; the
 * device never throws on guest-controlled data. Buffers it cannot use are handed back with length 0, so a
 * corrupted descriptor costs one packet, not a ring slot.
 */
import type { ReplicationStatus } from '@vmha/guest-tcp';
import type { GuestMemory } from '../guest-memory.ts';
import { SnapshotFormatError } from '../errors.ts';
import { copyPacketOut } from './packet-slab.ts';
import { ByteReader, ByteWriter, readRecordVersion, writeRecordHeader } from '../snapshot/byte-codec.ts';
import {
  DESCRIPTOR_BYTES,
  DESC_F_WRITE,
  RING_HEADER_BYTES,
  USED_ENTRY_BYTES,
  checkGeometry,
  nicLayout,
  type NicGeometry,
  type NicLayout,
  type QueueLayout,
} from './virtio-net-layout.ts';

export const NIC_DROP_REASONS = [
  'rx-empty',
  'rx-too-big',
  'rx-ring-full',
  'rx-bad-descriptor',
  'rx-bad-ring-index',
  'tx-bad-descriptor',
  'tx-bad-ring-index',
] as const;

/** Why the device dropped a packet (host-side view). */
export type NicDropReason = (typeof NIC_DROP_REASONS)[number];

export interface NicCounters {
  /** Packets written into the RX ring. */
  rxPackets: number;
  rxBytes: number;
  /** Packets taken from the TX ring. */
  txPackets: number;
  txBytes: number;
  dropped: Record<NicDropReason, number>;
}

/** The device's private position in one ring (a real device keeps these in its registers). */
interface QueueCursor {
  /** Next available-ring index the device will consume. */
  lastAvail: number;
  /** The used index the device has published (the memory copy is the guest's to read, and to corrupt). */
  usedIdx: number;
}

export interface NicDeviceState {
  readonly geometry: NicGeometry;
  readonly rx: Readonly<QueueCursor>;
  readonly tx: Readonly<QueueCursor>;
  readonly counters: NicCounters;
  /** The paravirtual replication registers (absent in version 1 records: none). */
  readonly replication: ReplicationStatus | undefined;
}

/** 2: the paravirtual replication registers. Version 1 records (without them) are still read. */
export const NIC_RECORD_VERSION = 2;
const NIC_MAGIC = 'VNET';

function zeroCounters(): NicCounters {
  const dropped = {} as Record<NicDropReason, number>;
  for (const r of NIC_DROP_REASONS) dropped[r] = 0;
  return { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0, dropped };
}

export class VirtioNet {
  readonly layout: NicLayout;
  private readonly rx: QueueCursor;
  private readonly tx: QueueCursor;
  private readonly stats: NicCounters;
  /**
   * Paravirtual registers the VMM writes and the guest's TCP reads (VEE 2012's replication-aware interface): the
   * replication buffer the VMM holds for each speculated connection, its occupancy and the epoch timing.
   */
  replication: ReplicationStatus | undefined;

  private constructor(
    private readonly memory: GuestMemory,
    private readonly geometry: NicGeometry,
    rx: QueueCursor,
    tx: QueueCursor,
    counters: NicCounters,
    replication: ReplicationStatus | undefined,
  ) {
    this.layout = nicLayout(geometry);
    if (this.layout.end > memory.size) {
      throw new RangeError(
        `the NIC rings and buffers need ${this.layout.end} bytes; guest memory has ${memory.size}`,
      );
    }
    this.rx = rx;
    this.tx = tx;
    this.stats = counters;
    this.replication = replication;
  }

  /** A device at reset. Its rings are empty until the guest driver posts buffers. */
  static create(memory: GuestMemory, geometry: NicGeometry): VirtioNet {
    const problem = checkGeometry(geometry);
    if (problem) throw new RangeError(`NIC: ${problem}`);
    return new VirtioNet(
      memory,
      { ...geometry },
      { lastAvail: 0, usedIdx: 0 },
      { lastAvail: 0, usedIdx: 0 },
      zeroCounters(),
      undefined,
    );
  }

  /** A device from a decoded record, attached to (restored) guest memory. */
  static fromState(memory: GuestMemory, s: NicDeviceState): VirtioNet {
    return new VirtioNet(
      memory,
      { ...s.geometry },
      { ...s.rx },
      { ...s.tx },
      structuredClone(s.counters),
      s.replication && { ...s.replication },
    );
  }

  // --- Host side ---------------------------------------------------------------------------------------

  /**
   * Writes one inbound IPv4 datagram into the next RX buffer the guest posted. False (and a counted drop) when
   * the ring has no free buffer, the packet does not fit, or the guest's ring is corrupt.
   */
  deliver(packet: Uint8Array): boolean {
    const n = packet.length;
    if (n === 0) return this.drop('rx-empty');
    if (n > this.layout.bufferBytes) return this.drop('rx-too-big');
    const q = this.layout.rx;
    const m = this.memory;
    const ready = (m.readU32(q.availAddr) - this.rx.lastAvail) >>> 0;
    if (ready === 0) return this.drop('rx-ring-full');
    if (ready > q.size) return this.drop('rx-bad-ring-index');
    const id = m.readU32(q.availAddr + RING_HEADER_BYTES + (this.rx.lastAvail & (q.size - 1)) * 4);
    this.rx.lastAvail = (this.rx.lastAvail + 1) >>> 0;
    const desc = this.descriptor(q, id, DESC_F_WRITE);
    if (desc === undefined) {
      this.publishUsed(q, this.rx, id, 0);
      return this.drop('rx-bad-descriptor');
    }
    if (desc.len < n) {
      this.publishUsed(q, this.rx, id, 0);
      return this.drop('rx-too-big');
    }
    m.write(desc.addr, packet);
    this.publishUsed(q, this.rx, id, n);
    this.stats.rxPackets++;
    this.stats.rxBytes += n;
    return true;
  }

  /** Packets the guest has queued for transmission since the last call, in order (copies, the caller's). */
  takeTransmitted(): Uint8Array[] {
    const q = this.layout.tx;
    const m = this.memory;
    const pending = (m.readU32(q.availAddr) - this.tx.lastAvail) >>> 0;
    if (pending === 0) return [];
    if (pending > q.size) {
      this.drop('tx-bad-ring-index');
      return [];
    }
    const out: Uint8Array[] = [];
    for (let i = 0; i < pending; i++) {
      const id = m.readU32(q.availAddr + RING_HEADER_BYTES + (this.tx.lastAvail & (q.size - 1)) * 4);
      this.tx.lastAvail = (this.tx.lastAvail + 1) >>> 0;
      const desc = this.descriptor(q, id, 0);
      if (desc === undefined || desc.len === 0 || desc.len > this.layout.bufferBytes) {
        this.publishUsed(q, this.tx, id, 0);
        this.drop('tx-bad-descriptor');
        continue;
      }
      out.push(copyPacketOut(m, desc.addr, desc.len));
      this.publishUsed(q, this.tx, id, desc.len);
      this.stats.txPackets++;
      this.stats.txBytes += desc.len;
    }
    return out;
  }

  counters(): NicCounters {
    return structuredClone(this.stats);
  }

  // --- Ring access ---------------------------------------------------------------------------------------

  /** Descriptor `id` of queue q if it is well-formed for this direction and inside the DMA window. */
  private descriptor(q: QueueLayout, id: number, flags: number): { addr: number; len: number } | undefined {
    if (id >= q.size) return undefined;
    const at = q.descAddr + id * DESCRIPTOR_BYTES;
    const m = this.memory;
    const lo = m.readU32(at);
    const hi = m.readU32(at + 4);
    const len = m.readU32(at + 8);
    if (m.readU32(at + 12) !== flags || hi !== 0) return undefined;
    if (lo < this.layout.dmaStart || lo + len > this.layout.dmaEnd) return undefined;
    return { addr: lo, len };
  }

  private publishUsed(q: QueueLayout, cursor: QueueCursor, id: number, len: number): void {
    const at = q.usedAddr + RING_HEADER_BYTES + (cursor.usedIdx & (q.size - 1)) * USED_ENTRY_BYTES;
    this.memory.writeU32(at, id);
    this.memory.writeU32(at + 4, len);
    cursor.usedIdx = (cursor.usedIdx + 1) >>> 0;
    this.memory.writeU32(q.usedAddr, cursor.usedIdx);
  }

  private drop(reason: NicDropReason): false {
    this.stats.dropped[reason]++;
    return false;
  }

  // --- State record --------------------------------------------------------------------------------------

  saveRecord(): Uint8Array {
    const w = new ByteWriter(128);
    writeRecordHeader(w, NIC_MAGIC, NIC_RECORD_VERSION);
    w.u32(this.geometry.rxSize).u32(this.geometry.txSize).u32(this.geometry.bufferBytes);
    w.u32(this.rx.lastAvail).u32(this.rx.usedIdx).u32(this.tx.lastAvail).u32(this.tx.usedIdx);
    const c = this.stats;
    w.u53(c.rxPackets).u53(c.rxBytes).u53(c.txPackets).u53(c.txBytes);
    for (const r of NIC_DROP_REASONS) w.u53(c.dropped[r]);
    const p = this.replication;
    w.u8(p ? 1 : 0);
    if (p) w.f64(p.capacityBytes).f64(p.occupancyBytes).f64(p.epochMs).f64(p.commitLatencyMs);
    return w.finish();
  }

  /** Decodes and validates a record; the geometry must fit `memoryBytes`. */
  static decodeRecord(bytes: Uint8Array, memoryBytes: number): NicDeviceState {
    const r = new ByteReader(bytes, 'NIC record');
    const version = readRecordVersion(r, NIC_MAGIC, [1, NIC_RECORD_VERSION], 'NIC record');
    const geometry = {
      rxSize: r.u32('rx ring size'),
      txSize: r.u32('tx ring size'),
      bufferBytes: r.u32('buffer size'),
    };
    const rx = { lastAvail: r.u32('rx last available'), usedIdx: r.u32('rx used index') };
    const tx = { lastAvail: r.u32('tx last available'), usedIdx: r.u32('tx used index') };
    const counters = zeroCounters();
    counters.rxPackets = r.u53('rx packets');
    counters.rxBytes = r.u53('rx bytes');
    counters.txPackets = r.u53('tx packets');
    counters.txBytes = r.u53('tx bytes');
    for (const reason of NIC_DROP_REASONS) counters.dropped[reason] = r.u53(`${reason} drops`);
    let replication: ReplicationStatus | undefined;
    if (version >= 2) {
      const present = r.u8('replication registers present');
      if (present > 1) throw new SnapshotFormatError(`NIC record: replication register flag ${present}`);
      if (present === 1) {
        const field = (name: string) => {
          const v = r.f64(name);
          if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER))
            throw new SnapshotFormatError(`NIC record: replication ${name} ${v} is not a size or duration`);
          return v;
        };
        replication = {
          capacityBytes: field('capacity'),
          occupancyBytes: field('occupancy'),
          epochMs: field('epoch'),
          commitLatencyMs: field('commit latency'),
        };
      }
    }
    r.end();
    const problem = checkGeometry(geometry);
    if (problem) throw new SnapshotFormatError(`NIC record: ${problem}`);
    const end = nicLayout(geometry).end;
    if (end > memoryBytes) {
      throw new SnapshotFormatError(
        `NIC record: its rings and buffers need ${end} bytes; guest memory has ${memoryBytes}`,
      );
    }
    return { geometry, rx, tx, counters, replication };
  }
}
