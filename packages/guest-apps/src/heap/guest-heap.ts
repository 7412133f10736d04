/**
 * The guest's libc heap: malloc/free/realloc over a region of guest memory, with every byte of metadata in that
 * region, so a checkpoint of guest memory captures the heap exactly and `open()` after a restore continues it.
 *
 * Layout (all little-endian u32, addresses are guest-physical):
 *   header   magic, version, start, end, top, used bytes/chunks, application root, bin bitmap, bin heads
 *   chunks   [size | INUSE | PREV_INUSE][tag] payload...     in use (tag = address ^ TAG catches wild frees)
 *            [size | PREV_INUSE][0] next prev ... size        free (boundary-tag footer for backward merges)
 *   top      the untouched wilderness after the last chunk; a chunk freed next to it merges into it.
 *
 * Invariants: no two free chunks are adjacent and the chunk before `top` is in use, so one merge each way on
 * free keeps the heap coalesced. Each operation touches the header, the chunk and its neighbours' headers and
 * links: O(1) pages dirtied, never a whole structure (the checkpoint cost of a small write stays small).
 */
import type { GuestMemory, MemoryRegion } from '@vmha/machine';
import { GuestHeapCorruptionError, GuestHeapExhaustedError, GuestHeapFormatError } from './heap-errors.ts';
import {
  BINMAP_WORDS,
  BIN_COUNT,
  CHUNK_ALIGN,
  MIN_CHUNK,
  binIndex,
  chunkSizeFor,
  isExactBin,
} from './size-classes.ts';

const MAGIC = 0x50414548; // "HEAP"
export const GUEST_HEAP_VERSION = 1;

// Header fields (byte offsets from the header's address).
const H_MAGIC = 0;
const H_VERSION = 4;
const H_START = 8;
const H_END = 12;
const H_TOP = 16;
const H_USED_BYTES = 20;
const H_USED_CHUNKS = 24;
const H_ROOT = 28;
const H_BINMAP = 32;
const H_BINS = H_BINMAP + BINMAP_WORDS * 4 + 4; // 8-aligned
const HEADER_BYTES = Math.ceil((H_BINS + BIN_COUNT * 4) / CHUNK_ALIGN) * CHUNK_ALIGN;

// Chunk fields.
const INUSE = 1;
const PREV_INUSE = 2;
const FLAGS = 7;
const TAG = 0xa110c8ed;
const C_TAG = 4;
const C_NEXT = 8;
const C_PREV = 12;
/** Payload offset from the chunk: what alloc() returns is chunk + 8. */
const PAYLOAD = 8;

export interface GuestHeapStats {
  /** Bytes the heap manages (region less header and alignment). */
  readonly capacityBytes: number;
  /** Bytes in allocated chunks, headers included. */
  readonly usedBytes: number;
  readonly usedChunks: number;
  /** capacity - used: free chunks plus the untouched top. */
  readonly freeBytes: number;
  /** Bytes never yet handed out, at the end of the region (the largest allocation always possible). */
  readonly topBytes: number;
}

export class GuestHeap {
  /** Address of the header (the region base rounded up to 8). */
  private readonly h: number;
  /** First chunk address and end of the managed range. */
  private readonly start: number;
  private readonly end: number;

  private constructor(
    readonly memory: GuestMemory,
    readonly region: MemoryRegion,
  ) {
    const { h, start, end } = geometry(memory, region);
    this.h = h;
    this.start = start;
    this.end = end;
  }

  /** Writes an empty heap over `region` (only the header is written; the rest stays as it is). */
  static format(memory: GuestMemory, region: MemoryRegion): GuestHeap {
    const heap = new GuestHeap(memory, region);
    const m = memory;
    m.fill(heap.h, HEADER_BYTES, 0);
    m.writeU32(heap.h + H_MAGIC, MAGIC);
    m.writeU32(heap.h + H_VERSION, GUEST_HEAP_VERSION);
    m.writeU32(heap.h + H_START, heap.start);
    m.writeU32(heap.h + H_END, heap.end);
    m.writeU32(heap.h + H_TOP, heap.start);
    return heap;
  }

  /** Finds the heap format() left in `region`; throws GuestHeapFormatError when it is not there. */
  static open(memory: GuestMemory, region: MemoryRegion): GuestHeap {
    const heap = new GuestHeap(memory, region);
    const m = memory;
    const magic = m.readU32(heap.h + H_MAGIC);
    if (magic !== MAGIC) {
      throw new GuestHeapFormatError(
        `no guest heap at ${hex(heap.h)}: magic ${hex(magic)}, expected ${hex(MAGIC)} (region not formatted?)`,
      );
    }
    const version = m.readU32(heap.h + H_VERSION);
    if (version !== GUEST_HEAP_VERSION) {
      throw new GuestHeapFormatError(
        `guest heap version ${version} is not supported (expected ${GUEST_HEAP_VERSION})`,
      );
    }
    const start = m.readU32(heap.h + H_START);
    const end = m.readU32(heap.h + H_END);
    if (start !== heap.start || end !== heap.end) {
      throw new GuestHeapFormatError(
        `guest heap spans ${hex(start)}..${hex(end)} but the region gives ${hex(heap.start)}..${hex(heap.end)}`,
      );
    }
    const top = heap.top;
    if (top < start || top > end || (top - start) % CHUNK_ALIGN !== 0) {
      throw new GuestHeapFormatError(`guest heap top ${hex(top)} lies outside ${hex(start)}..${hex(end)}`);
    }
    return heap;
  }

  // --- Application root --------------------------------------------------------------------------------

  /** One pointer the application keeps in the header, to find its own structures after a restore (0 = none). */
  get root(): number {
    return this.memory.readU32(this.h + H_ROOT);
  }

  set root(address: number) {
    if (address !== 0) this.chunkOf(address, 'root');
    this.memory.writeU32(this.h + H_ROOT, address);
  }

  // --- malloc / free / realloc ---------------------------------------------------------------------------

  /** Allocates `bytes` (uninitialised, 8-byte aligned); throws GuestHeapExhaustedError when it cannot. */
  alloc(bytes: number): number {
    checkSize(bytes);
    if (bytes > this.end - this.start) throw this.exhausted(bytes);
    const size = chunkSizeFor(bytes);
    const c = this.takeFree(size) ?? this.takeTop(size);
    if (c === undefined) throw this.exhausted(bytes);
    this.account(this.sizeAt(c), 1); // may exceed `size` when a too-small remainder stayed attached
    return c + PAYLOAD;
  }

  /** alloc() with the payload zeroed (calloc). */
  allocZeroed(bytes: number): number {
    const p = this.alloc(bytes);
    this.memory.fill(p, bytes, 0);
    return p;
  }

  /** Frees an allocation; 0 is ignored. Throws GuestHeapCorruptionError for anything not allocated. */
  free(address: number): void {
    if (address === 0) return;
    const c = this.chunkOf(address, 'free');
    const size = this.sizeAt(c);
    this.account(-size, -1);
    this.release(c, size);
  }

  /**
   * Resizes an allocation, in place when the chunk or its free neighbour allows, else by moving it. On failure
   * (GuestHeapExhaustedError) the original allocation is untouched, as with C realloc returning NULL.
   */
  realloc(address: number, bytes: number): number {
    if (address === 0) return this.alloc(bytes);
    checkSize(bytes);
    const c = this.chunkOf(address, 'realloc');
    const cur = this.sizeAt(c);
    if (bytes > this.end - this.start) throw this.exhausted(bytes);
    const need = chunkSizeFor(bytes);
    if (need <= cur) {
      this.shrink(c, cur, need);
      return address;
    }
    const next = c + cur;
    const m = this.memory;
    if (next === this.top) {
      if (c + need <= this.end) {
        this.setTop(c + need);
        m.writeU32(c, need | (m.readU32(c) & FLAGS));
        this.account(need - cur, 0);
        return address;
      }
    } else {
      const nh = m.readU32(next);
      const combined = cur + (nh & ~FLAGS);
      if ((nh & INUSE) === 0 && combined >= need) {
        this.unlink(next, nh & ~FLAGS);
        m.writeU32(c, combined | (m.readU32(c) & FLAGS));
        this.setPrevInUse(c + combined, true);
        this.account(combined - cur, 0);
        this.shrink(c, combined, need);
        return address;
      }
    }
    const moved = this.alloc(bytes);
    m.copyWithin(moved, address, cur - PAYLOAD);
    this.free(address);
    return moved;
  }

  /** Bytes usable at `address` (at least what was asked for). */
  usableSize(address: number): number {
    return this.sizeAt(this.chunkOf(address, 'usableSize')) - PAYLOAD;
  }

  stats(): GuestHeapStats {
    const capacityBytes = this.end - this.start;
    const usedBytes = this.memory.readU32(this.h + H_USED_BYTES);
    return {
      capacityBytes,
      usedBytes,
      usedChunks: this.memory.readU32(this.h + H_USED_CHUNKS),
      freeBytes: capacityBytes - usedBytes,
      topBytes: this.end - this.top,
    };
  }

  /**
   * Walks every chunk and every bin and throws GuestHeapCorruptionError at the first broken invariant. O(heap):
   * for tests and diagnostics, not for the allocation path.
   */
  check(): void {
    const m = this.memory;
    const top = this.top;
    let c = this.start;
    let prevInUse = true;
    let usedBytes = 0;
    let usedChunks = 0;
    const freeChunks = new Set<number>();
    while (c < top) {
      const hdr = m.readU32(c);
      const size = hdr & ~FLAGS;
      if (size < MIN_CHUNK || size % CHUNK_ALIGN !== 0 || c + size > top) {
        throw new GuestHeapCorruptionError(`chunk ${hex(c)} has impossible size ${size}`);
      }
      if (((hdr & PREV_INUSE) !== 0) !== prevInUse) {
        throw new GuestHeapCorruptionError(`chunk ${hex(c)} PREV_INUSE disagrees with its predecessor`);
      }
      const inUse = (hdr & INUSE) !== 0;
      if (inUse) {
        if (m.readU32(c + C_TAG) !== tagFor(c))
          throw new GuestHeapCorruptionError(`chunk ${hex(c)} lost its tag`);
        usedBytes += size;
        usedChunks++;
      } else {
        if (!prevInUse) throw new GuestHeapCorruptionError(`free chunks meet at ${hex(c)}`);
        if (m.readU32(c + size - 4) !== size)
          throw new GuestHeapCorruptionError(`chunk ${hex(c)} footer differs`);
        freeChunks.add(c);
      }
      prevInUse = inUse;
      c += size;
    }
    if (c !== top) throw new GuestHeapCorruptionError(`chunk walk ends at ${hex(c)}, not top ${hex(top)}`);
    if (!prevInUse) throw new GuestHeapCorruptionError('a free chunk touches top');
    if (usedBytes !== m.readU32(this.h + H_USED_BYTES) || usedChunks !== m.readU32(this.h + H_USED_CHUNKS)) {
      throw new GuestHeapCorruptionError('used byte/chunk counters disagree with the chunk walk');
    }
    let binned = 0;
    for (let bin = 0; bin < BIN_COUNT; bin++) {
      let prev = 0;
      let n = 0;
      for (let f = this.binHead(bin); f !== 0; f = m.readU32(f + C_NEXT)) {
        if (!freeChunks.has(f))
          throw new GuestHeapCorruptionError(`bin ${bin} lists ${hex(f)}, not a free chunk`);
        if (binIndex(this.sizeAt(f)) !== bin)
          throw new GuestHeapCorruptionError(`${hex(f)} is in the wrong bin`);
        if (m.readU32(f + C_PREV) !== prev)
          throw new GuestHeapCorruptionError(`${hex(f)} has a bad back link`);
        prev = f;
        if (++n > freeChunks.size) throw new GuestHeapCorruptionError(`bin ${bin} has a cycle`);
      }
      if (n > 0 !== this.binBit(bin)) throw new GuestHeapCorruptionError(`bin ${bin} bitmap bit is wrong`);
      binned += n;
    }
    if (binned !== freeChunks.size)
      throw new GuestHeapCorruptionError(`${freeChunks.size - binned} free chunks unbinned`);
  }

  // --- Internals -----------------------------------------------------------------------------------------

  private get top(): number {
    return this.memory.readU32(this.h + H_TOP);
  }

  private setTop(top: number): void {
    this.memory.writeU32(this.h + H_TOP, top);
  }

  private sizeAt(c: number): number {
    return this.memory.readU32(c) & ~FLAGS;
  }

  private account(bytes: number, chunks: number): void {
    const m = this.memory;
    m.writeU32(this.h + H_USED_BYTES, m.readU32(this.h + H_USED_BYTES) + bytes);
    if (chunks !== 0) m.writeU32(this.h + H_USED_CHUNKS, m.readU32(this.h + H_USED_CHUNKS) + chunks);
  }

  private exhausted(bytes: number): GuestHeapExhaustedError {
    return new GuestHeapExhaustedError(bytes, this.stats().freeBytes);
  }

  /** The chunk of a live allocation, validated (alignment, bounds, in-use bit, tag). */
  private chunkOf(address: number, op: string): number {
    const c = address - PAYLOAD;
    if (
      !Number.isInteger(address) ||
      c < this.start ||
      c >= this.top ||
      (c - this.start) % CHUNK_ALIGN !== 0
    ) {
      throw new GuestHeapCorruptionError(`${op}(${hex(address)}): not a heap address`);
    }
    const hdr = this.memory.readU32(c);
    if ((hdr & INUSE) === 0 || this.memory.readU32(c + C_TAG) !== tagFor(c)) {
      throw new GuestHeapCorruptionError(`${op}(${hex(address)}): not a live allocation (double free?)`);
    }
    return c;
  }

  /** A binned chunk of at least `size`, split, marked in use; undefined when no bin has one. */
  private takeFree(size: number): number | undefined {
    const m = this.memory;
    let bin = binIndex(size);
    if (!isExactBin(bin)) {
      // Large bins hold a range of sizes: first fit within the request's own bin.
      for (let f = this.binHead(bin); f !== 0; f = m.readU32(f + C_NEXT)) {
        const fs = this.sizeAt(f);
        if (fs >= size) {
          this.unlink(f, fs);
          this.useChunk(f, fs, size);
          return f;
        }
      }
    } else if (this.binHead(bin) !== 0) {
      const f = this.binHead(bin);
      this.unlink(f, size);
      this.useChunk(f, size, size);
      return f;
    }
    bin = this.nextNonEmptyBin(bin + 1);
    if (bin < 0) return undefined;
    const f = this.binHead(bin);
    const fs = this.sizeAt(f);
    this.unlink(f, fs);
    this.useChunk(f, fs, size);
    return f;
  }

  /** Carves a chunk from the top; undefined when the region is full. */
  private takeTop(size: number): number | undefined {
    const c = this.top;
    if (c + size > this.end) return undefined;
    this.setTop(c + size);
    // The chunk before top is always in use (free chunks merge into top), so PREV_INUSE holds.
    this.memory.writeU32(c, size | INUSE | PREV_INUSE);
    this.memory.writeU32(c + C_TAG, tagFor(c));
    return c;
  }

  /** Marks a free chunk (already unlinked) of `have` bytes in use for `size`, returning any tail to a bin. */
  private useChunk(c: number, have: number, size: number): void {
    const m = this.memory;
    const prevFlag = m.readU32(c) & PREV_INUSE;
    if (have - size >= MIN_CHUNK) {
      m.writeU32(c, size | INUSE | prevFlag);
      this.makeFree(c + size, have - size); // its successor's PREV_INUSE is already clear
    } else {
      m.writeU32(c, have | INUSE | prevFlag);
      this.setPrevInUse(c + have, true);
    }
    m.writeU32(c + C_TAG, tagFor(c));
  }

  /** Cuts an in-use chunk of `cur` bytes down to `need`, freeing the tail if it is worth a chunk. */
  private shrink(c: number, cur: number, need: number): void {
    if (cur - need < MIN_CHUNK) return;
    const m = this.memory;
    m.writeU32(c, need | (m.readU32(c) & FLAGS));
    this.account(need - cur, 0);
    const tail = c + need;
    m.writeU32(tail, (cur - need) | INUSE | PREV_INUSE);
    this.release(tail, cur - need);
  }

  /** Returns an in-use chunk (already uncounted) to the free structures, merging with free neighbours. */
  private release(c: number, size: number): void {
    const m = this.memory;
    let start = c;
    let total = size;
    if ((m.readU32(c) & PREV_INUSE) === 0) {
      const prevSize = m.readU32(c - 4);
      start = c - prevSize;
      this.unlink(start, prevSize);
      total += prevSize;
    }
    const next = c + size;
    if (next === this.top) {
      this.setTop(start);
      m.writeU32(c + C_TAG, 0);
      return;
    }
    const nh = m.readU32(next);
    if ((nh & INUSE) === 0) {
      this.unlink(next, nh & ~FLAGS);
      total += nh & ~FLAGS;
    } else {
      m.writeU32(next, nh & ~PREV_INUSE);
    }
    m.writeU32(c + C_TAG, 0);
    this.makeFree(start, total);
  }

  /** Writes a free chunk (predecessor in use) and bins it. */
  private makeFree(c: number, size: number): void {
    const m = this.memory;
    m.writeU32(c, size | PREV_INUSE);
    m.writeU32(c + C_TAG, 0);
    m.writeU32(c + size - 4, size);
    const bin = binIndex(size);
    const head = this.binHead(bin);
    m.writeU32(c + C_NEXT, head);
    m.writeU32(c + C_PREV, 0);
    if (head !== 0) m.writeU32(head + C_PREV, c);
    else this.setBinBit(bin, true);
    m.writeU32(this.h + H_BINS + bin * 4, c);
  }

  private unlink(c: number, size: number): void {
    const m = this.memory;
    const next = m.readU32(c + C_NEXT);
    const prev = m.readU32(c + C_PREV);
    if (prev !== 0) m.writeU32(prev + C_NEXT, next);
    else {
      const bin = binIndex(size);
      m.writeU32(this.h + H_BINS + bin * 4, next);
      if (next === 0) this.setBinBit(bin, false);
    }
    if (next !== 0) m.writeU32(next + C_PREV, prev);
  }

  private setPrevInUse(c: number, inUse: boolean): void {
    if (c === this.top) return;
    const hdr = this.memory.readU32(c);
    this.memory.writeU32(c, inUse ? hdr | PREV_INUSE : hdr & ~PREV_INUSE);
  }

  private binHead(bin: number): number {
    return this.memory.readU32(this.h + H_BINS + bin * 4);
  }

  private binBit(bin: number): boolean {
    return ((this.memory.readU32(this.h + H_BINMAP + (bin >>> 5) * 4) >>> (bin & 31)) & 1) === 1;
  }

  private setBinBit(bin: number, on: boolean): void {
    const at = this.h + H_BINMAP + (bin >>> 5) * 4;
    const word = this.memory.readU32(at);
    const bit = 1 << (bin & 31);
    this.memory.writeU32(at, on ? word | bit : word & ~bit);
  }

  /** The lowest non-empty bin at or above `from`, or -1. */
  private nextNonEmptyBin(from: number): number {
    for (let w = from >>> 5; w < BINMAP_WORDS; w++) {
      let word = this.memory.readU32(this.h + H_BINMAP + w * 4);
      if (w === from >>> 5) word &= ~((1 << (from & 31)) - 1) >>> 0;
      if (word !== 0) return w * 32 + (31 - Math.clz32(word & -word));
    }
    return -1;
  }
}

/** Where the header and chunks go in a region; throws when the region cannot hold a heap. */
function geometry(memory: GuestMemory, region: MemoryRegion): { h: number; start: number; end: number } {
  const { base, size } = region;
  if (
    !Number.isInteger(base) ||
    !Number.isInteger(size) ||
    base < 0 ||
    size <= 0 ||
    base + size > memory.size
  ) {
    throw new RangeError(`heap region [${base}, +${size}) does not fit guest memory of ${memory.size} bytes`);
  }
  if (base + size > 2 ** 32) throw new RangeError('heap regions must lie below 4 GiB (32-bit heap pointers)');
  const h = Math.ceil(base / CHUNK_ALIGN) * CHUNK_ALIGN;
  const start = h + HEADER_BYTES;
  const end = Math.floor((base + size) / CHUNK_ALIGN) * CHUNK_ALIGN;
  if (end - start < MIN_CHUNK) throw new RangeError(`heap region of ${size} bytes is too small for a heap`);
  return { h, start, end };
}

function checkSize(bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0)
    throw new RangeError(`allocation size ${bytes} is not a size`);
}

function tagFor(c: number): number {
  return (c ^ TAG) >>> 0;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}
