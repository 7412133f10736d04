/**
 * The guest kernel's driver for the paravirtual NIC. It is guest software: all it knows between calls (its ring
 * positions and counters) lives in the driver area of guest memory, so a checkpoint captures it with memory and
 * a restored driver carries on where the saved one stopped.
 *
 * RX: at boot every RX buffer is posted; the guest takes filled buffers from the used ring at a slice start and
 * re-posts them (rewriting each descriptor, which also repairs a corrupted one). TX: a packet the stack emits is
 * copied into the next free TX buffer and made available; a full ring drops it (counted; TCP retransmits), like a
 * full qdisc. The device uses buffers in order (virtio's IN_ORDER), so buffer k of a ring is descriptor k mod N.
 *
 * A buffer the guest is done with is zeroed (Linux's init_on_free, here for packet buffers): an RX buffer once its
 * packet is copied out, a TX buffer once the device has sent it. The packet's bytes live on in the stack's queues
 * (or left the machine), so a checkpoint need not carry them a second time in dirty pages: a scrubbed page
 * encodes as zeros, or as unchanged against the backup's copy.
 */
import type { GuestMemory } from '../guest-memory.ts';
import {
  DESCRIPTOR_BYTES,
  DESC_F_WRITE,
  RING_HEADER_BYTES,
  USED_ENTRY_BYTES,
  type NicLayout,
  type QueueLayout,
} from '../devices/virtio-net-layout.ts';
import { copyPacketOut } from '../devices/packet-slab.ts';
import { fourcc } from '../snapshot/byte-codec.ts';

export const DRIVER_COUNTER_NAMES = [
  'rxPackets',
  'rxBytes',
  'txPackets',
  'txBytes',
  /** The stack emitted a packet while every TX buffer was still with the device. */
  'txDropRingFull',
  /** The stack emitted a packet larger than a buffer (a configuration error; counted, never written). */
  'txDropTooBig',
  /** A used RX entry named no descriptor or a length beyond the buffer (corrupt ring). */
  'rxBadUsedEntry',
  /** The RX used index ran more than a ring ahead (corrupt ring); the driver waits for the device to fix it. */
  'rxBadUsedIndex',
  /** The TX used index claimed buffers the driver never posted (corrupt ring); ignored. */
  'txBadUsedIndex',
] as const;

export type DriverCounters = Record<(typeof DRIVER_COUNTER_NAMES)[number], number>;
type CounterName = (typeof DRIVER_COUNTER_NAMES)[number];

const MAGIC = fourcc('NDRV');
const OFF_MAGIC = 0;
const OFF_RX_LAST_USED = 4;
const OFF_TX_RECLAIMED = 8;
/** The driver's own copy of the TX available index (Linux's avail_idx_shadow): the ring's copy is shared. */
const OFF_TX_AVAIL = 12;
const OFF_COUNTERS = 16;
const COUNTER_OFFSET = Object.fromEntries(
  DRIVER_COUNTER_NAMES.map((n, i) => [n, OFF_COUNTERS + 8 * i]),
) as Record<CounterName, number>;

export class NicDriver {
  private readonly area: number;

  constructor(
    private readonly memory: GuestMemory,
    private readonly layout: NicLayout,
  ) {
    this.area = layout.driverAreaAddr;
  }

  /** Boot-time probe: formats the driver area, writes every descriptor and posts all RX buffers. */
  init(): void {
    const m = this.memory;
    m.fill(this.area, OFF_COUNTERS + 8 * DRIVER_COUNTER_NAMES.length);
    m.writeU32(this.area + OFF_MAGIC, MAGIC);
    for (const q of [this.layout.rx, this.layout.tx]) {
      m.fill(q.descAddr, q.usedAddr + RING_HEADER_BYTES + q.size * USED_ENTRY_BYTES - q.descAddr); // zeroed rings
    }
    const rx = this.layout.rx;
    for (let id = 0; id < rx.size; id++) {
      this.writeRxDescriptor(id);
      m.writeU32(rx.availAddr + RING_HEADER_BYTES + id * 4, id);
    }
    m.writeU32(rx.availAddr, rx.size);
  }

  /**
   * Takes every packet the device has put in the RX ring and re-posts the buffers. Returns the packets (private
   * copies, so the stack may keep them) for the caller to hand to the stack once the ring is consistent again.
   */
  receive(): Uint8Array[] {
    const m = this.memory;
    const q = this.layout.rx;
    const mask = q.size - 1;
    let last = m.readU32(this.area + OFF_RX_LAST_USED);
    // Every buffer not in the used ring is posted, so the available index is always a ring ahead of the used
    // position: derived, never trusted from shared memory. Writing it back repairs a corrupted one (only when it
    // differs, so an idle guest dirties no page).
    let avail = (last + q.size) >>> 0;
    if (m.readU32(q.availAddr) !== avail) m.writeU32(q.availAddr, avail);
    const pending = (m.readU32(q.usedAddr) - last) >>> 0;
    if (pending === 0) return [];
    if (pending > q.size) {
      this.count('rxBadUsedIndex', 1);
      return [];
    }
    const packets: Uint8Array[] = [];
    let bytes = 0;
    for (let i = 0; i < pending; i++) {
      const entry = q.usedAddr + RING_HEADER_BYTES + (last & mask) * USED_ENTRY_BYTES;
      const id = m.readU32(entry);
      const len = m.readU32(entry + 4);
      // In order: this entry must be the buffer posted at the same position. Anything else is corruption; the
      // buffer that belongs here is re-posted regardless, so the ring keeps its size.
      const expected = last & mask;
      if (id !== expected || len > this.layout.bufferBytes) this.count('rxBadUsedEntry', 1);
      else if (len > 0) {
        const addr = this.buffer(q, id);
        packets.push(copyPacketOut(m, addr, len));
        m.fill(addr, len);
        bytes += len;
      }
      this.writeRxDescriptor(expected);
      m.writeU32(q.availAddr + RING_HEADER_BYTES + (avail & mask) * 4, expected);
      avail = (avail + 1) >>> 0;
      last = (last + 1) >>> 0;
    }
    m.writeU32(q.availAddr, avail);
    m.writeU32(this.area + OFF_RX_LAST_USED, last);
    this.count('rxPackets', packets.length);
    this.count('rxBytes', bytes);
    return packets;
  }

  /** The stack's output: queues one IPv4 datagram in the TX ring, or drops it (counted) when it cannot. */
  readonly transmit = (packet: Uint8Array): void => {
    const m = this.memory;
    const q = this.layout.tx;
    const n = packet.length;
    if (n === 0 || n > this.layout.bufferBytes) {
      this.count('txDropTooBig', 1);
      return;
    }
    const avail = m.readU32(this.area + OFF_TX_AVAIL);
    let reclaimed = m.readU32(this.area + OFF_TX_RECLAIMED);
    const used = m.readU32(q.usedAddr);
    if (used !== reclaimed) {
      // The device finished buffers up to `used` (in order); take them back unless the index is nonsense.
      if ((used - reclaimed) >>> 0 <= (avail - reclaimed) >>> 0) {
        this.scrubTx(reclaimed, used);
        reclaimed = used;
        m.writeU32(this.area + OFF_TX_RECLAIMED, reclaimed);
      } else this.count('txBadUsedIndex', 1);
    }
    if ((avail - reclaimed) >>> 0 >= q.size) {
      this.count('txDropRingFull', 1);
      return;
    }
    const id = avail & (q.size - 1);
    const addr = this.buffer(q, id);
    m.write(addr, packet);
    const desc = q.descAddr + id * DESCRIPTOR_BYTES;
    m.writeU32(desc, addr);
    m.writeU32(desc + 4, 0);
    m.writeU32(desc + 8, n);
    m.writeU32(desc + 12, 0);
    m.writeU32(q.availAddr + RING_HEADER_BYTES + id * 4, id);
    m.writeU32(this.area + OFF_TX_AVAIL, (avail + 1) >>> 0);
    m.writeU32(q.availAddr, (avail + 1) >>> 0);
    this.count('txPackets', 1);
    this.count('txBytes', n);
  };

  counters(): DriverCounters {
    const out = {} as DriverCounters;
    for (const name of DRIVER_COUNTER_NAMES)
      out[name] = this.memory.readU64(this.area + COUNTER_OFFSET[name]);
    return out;
  }

  private buffer(q: QueueLayout, id: number): number {
    return q.buffersAddr + id * this.layout.bufferStride;
  }

  /** Zeroes the TX buffers of positions [from, to): sent, so their bytes are dead (see the header). */
  private scrubTx(from: number, to: number): void {
    const m = this.memory;
    const q = this.layout.tx;
    const mask = q.size - 1;
    for (let p = from; p !== to; p = (p + 1) >>> 0) {
      const id = p & mask;
      const len = m.readU32(q.descAddr + id * DESCRIPTOR_BYTES + 8);
      // The driver wrote the length; corrupted memory may not have: never scrub past the buffer.
      m.fill(this.buffer(q, id), Math.min(len, this.layout.bufferBytes));
    }
  }

  private writeRxDescriptor(id: number): void {
    const m = this.memory;
    const at = this.layout.rx.descAddr + id * DESCRIPTOR_BYTES;
    m.writeU32(at, this.buffer(this.layout.rx, id));
    m.writeU32(at + 4, 0);
    m.writeU32(at + 8, this.layout.bufferBytes);
    m.writeU32(at + 12, DESC_F_WRITE);
  }

  private count(name: CounterName, n: number): void {
    if (n === 0) return;
    const at = this.area + COUNTER_OFFSET[name];
    // Guest counters are 64-bit; wrap rather than fault if corrupted memory pushed one past 2^53.
    const v = this.memory.readU64(at) + n;
    this.memory.writeU64(at, Number.isSafeInteger(v) ? v : n);
  }
}
