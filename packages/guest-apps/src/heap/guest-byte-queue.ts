/**
 * A FIFO of bytes in guest memory: a 16-byte descriptor (buffer, capacity, start, end) embedded in some guest
 * structure, and a heap buffer holding [start, end). Used for a connection's partial request and its pending
 * reply bytes, which must live in guest memory to survive a checkpoint.
 *
 * Appends write only the new bytes; consumption only moves `start`. The buffer is compacted when an append
 * would not fit behind `end` (so each byte is moved at most once per compaction, amortised O(1)), doubled when
 * compaction is not enough, and freed when the queue empties with a large buffer (so idle connections hold
 * little memory).
 */
import type { GuestMemory } from '@vmha/machine';
import type { GuestHeap } from './guest-heap.ts';

export const BYTE_QUEUE_DESCRIPTOR_BYTES = 16;
const D_BUF = 0;
const D_CAP = 4;
const D_START = 8;
const D_END = 12;
const MIN_CAPACITY = 256;
/** Empty queues keep a buffer up to this size (reused by the next request) and free bigger ones. */
const KEEP_CAPACITY = 16 * 1024;

export class GuestByteQueue {
  private readonly memory: GuestMemory;

  /** `descriptor` is the address of the 16 descriptor bytes (all zero is a valid empty queue). */
  constructor(
    private readonly heap: GuestHeap,
    private readonly descriptor: number,
  ) {
    this.memory = heap.memory;
  }

  get length(): number {
    return this.memory.readU32(this.descriptor + D_END) - this.memory.readU32(this.descriptor + D_START);
  }

  /** Appends `data`; throws GuestHeapExhaustedError (queue unchanged) when the heap cannot hold it. */
  append(data: Uint8Array): void {
    if (data.length === 0) return;
    const m = this.memory;
    const d = this.descriptor;
    let buf = m.readU32(d + D_BUF);
    let cap = m.readU32(d + D_CAP);
    const start = m.readU32(d + D_START);
    let end = m.readU32(d + D_END);
    const length = end - start;
    if (end + data.length > cap) {
      if (length + data.length <= cap && start >= length) {
        // Enough room once the live bytes move to the front, and moving them costs less than what was consumed.
        m.copyWithin(buf, buf + start, length);
      } else {
        const want = Math.max(MIN_CAPACITY, cap * 2, length + data.length);
        let grown: number;
        if (start === 0) {
          grown = this.heap.realloc(buf, want); // may grow in place
        } else {
          grown = this.heap.alloc(want);
          if (length > 0) m.copyWithin(grown, buf + start, length);
          this.heap.free(buf);
        }
        buf = grown;
        cap = this.heap.usableSize(grown);
        m.writeU32(d + D_BUF, buf);
        m.writeU32(d + D_CAP, cap);
      }
      end = length;
      m.writeU32(d + D_START, 0);
    }
    m.write(buf + end, data);
    m.writeU32(d + D_END, end + data.length);
  }

  /** A copy of the first `max` bytes (all by default), without consuming them. */
  peek(max = Infinity): Uint8Array {
    const m = this.memory;
    const start = m.readU32(this.descriptor + D_START);
    const n = Math.min(max, m.readU32(this.descriptor + D_END) - start);
    return m.read(m.readU32(this.descriptor + D_BUF) + start, n);
  }

  /** Drops the first `n` bytes. */
  consume(n: number): void {
    if (n <= 0) return;
    const m = this.memory;
    const d = this.descriptor;
    const start = m.readU32(d + D_START) + n;
    const end = m.readU32(d + D_END);
    if (start > end) throw new RangeError(`consume(${n}) past the end of a ${end - start + n}-byte queue`);
    if (start < end) {
      m.writeU32(d + D_START, start);
      return;
    }
    m.writeU32(d + D_START, 0);
    m.writeU32(d + D_END, 0);
    if (m.readU32(d + D_CAP) > KEEP_CAPACITY) this.release();
  }

  clear(): void {
    this.consume(this.length);
  }

  /** Frees the buffer (the queue becomes empty); for tearing down the structure that holds the descriptor. */
  release(): void {
    const d = this.descriptor;
    this.heap.free(this.memory.readU32(d + D_BUF));
    this.memory.fill(d, BYTE_QUEUE_DESCRIPTOR_BYTES, 0);
  }
}
