/**
 * Guest physical memory: a flat, byte-addressable array of 4 KiB pages with hardware-style dirty logging.
 *
 * Every write marks its page. While logging is on, a dirty page is recorded once in a list as well as in a
 * bitmap, so fetching and clearing the dirty set costs O(dirty pages), not O(memory) (KVM's dirty ring has the
 * same property; its dirty bitmap does not). All guest state that must survive a checkpoint lives here or in an
 * explicit, versioned device record (ARCHITECTURE.md, "the state rule").
 */
import { createHash } from 'node:crypto';
import { MemorySnapshot } from './memory-snapshot.ts';

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;

/** A guest access outside memory: a bug in guest code, reported as a fault rather than silent corruption. */
export class GuestMemoryFault extends RangeError {
  override name = 'GuestMemoryFault';
}

/** Work done by dirty logging, counted so tests can prove costs by counts rather than by wall-clock time. */
export interface DirtyLogStats {
  /** fetchAndClearDirty() calls. */
  fetches: number;
  /** Dirty-set entries those calls visited (the whole cost of a fetch: it never scans the bitmap). */
  entriesVisited: number;
}

const ZERO_PAGE = new Uint8Array(PAGE_SIZE);
const ZERO_CHUNK = new Uint8Array(16 * PAGE_SIZE);

export class GuestMemory {
  readonly size: number;
  readonly pageCount: number;
  /** The backing store. Writers must go through this class so dirty logging sees them. */
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private logging = false;
  private readonly dirtyBits: Uint8Array;
  private dirtyList: Uint32Array;
  private dirtyCount = 0;
  private generation = 0;
  private readonly stats: DirtyLogStats = { fetches: 0, entriesVisited: 0 };
  /** The same bytes as a Buffer, for memcmp-speed page comparisons. */
  private readonly asBuffer: Buffer;
  /** A copy-on-write snapshot in progress: every write hands it the old page first. */
  private snapshot: MemorySnapshot | undefined;

  constructor(sizeBytes: number) {
    if (!Number.isInteger(sizeBytes) || sizeBytes <= 0 || sizeBytes % PAGE_SIZE !== 0) {
      throw new Error(`guest memory size ${sizeBytes} must be a positive multiple of ${PAGE_SIZE}`);
    }
    this.size = sizeBytes;
    this.pageCount = sizeBytes / PAGE_SIZE;
    this.bytes = new Uint8Array(sizeBytes); // zeroed, and committed lazily by the host OS
    this.view = new DataView(this.bytes.buffer);
    this.asBuffer = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.dirtyBits = new Uint8Array(this.pageCount);
    this.dirtyList = new Uint32Array(Math.min(this.pageCount, 1024));
  }

  // --- Dirty logging ---------------------------------------------------------------------------------

  get dirtyLogging(): boolean {
    return this.logging;
  }

  /**
   * Bumped by every start and stop of logging. A consumer that needs an unbroken dirty history since some moment
   * (an incremental checkpoint chain) records it then and checks it has not moved.
   */
  get loggingGeneration(): number {
    return this.generation;
  }

  /** Starts logging with an empty dirty set (KVM_MEM_LOG_DIRTY_PAGES). */
  startDirtyLogging(): void {
    this.clearDirty();
    this.logging = true;
    this.generation++;
  }

  stopDirtyLogging(): void {
    this.clearDirty();
    this.logging = false;
    this.generation++;
  }

  /** Counts of the work dirty logging has done so far (a copy). */
  dirtyLogStats(): DirtyLogStats {
    return { ...this.stats };
  }

  /** Pages dirtied since the last fetch, in first-dirtied order; clears the set. Cost: O(dirty pages). */
  fetchAndClearDirty(): Uint32Array {
    const n = this.dirtyCount;
    const out = this.dirtyList.slice(0, n);
    this.clearDirty();
    this.stats.fetches++;
    this.stats.entriesVisited += n;
    return out;
  }

  get dirtyPageCount(): number {
    return this.dirtyCount;
  }

  private clearDirty(): void {
    const n = this.dirtyCount;
    // Clearing scattered bytes costs a cache miss each; past 1/32 of the pages one memset of the (1 byte per page)
    // bitmap is cheaper. Either way the cost is bounded by the dirty count, never by the size of memory.
    if (n > this.pageCount >>> 5) this.dirtyBits.fill(0);
    else {
      const list = this.dirtyList;
      const bits = this.dirtyBits;
      for (let i = 0; i < n; i++) bits[list[i]] = 0;
    }
    this.dirtyCount = 0;
  }

  /** Marks pages [first, last] dirty. */
  private markDirty(addr: number, length: number): void {
    if (!this.logging || length === 0) return;
    const first = addr >>> PAGE_SHIFT;
    const last = (addr + length - 1) >>> PAGE_SHIFT;
    for (let p = first; p <= last; p++) {
      if (this.dirtyBits[p]) continue;
      this.dirtyBits[p] = 1;
      if (this.dirtyCount === this.dirtyList.length) {
        const grown = new Uint32Array(Math.min(this.pageCount, this.dirtyList.length * 2));
        grown.set(this.dirtyList);
        this.dirtyList = grown;
      }
      this.dirtyList[this.dirtyCount++] = p;
    }
  }

  // --- Copy-on-write snapshot ------------------------------------------------------------------------

  /**
   * Starts a copy-on-write snapshot of all of memory as it is now (see MemorySnapshot); one at a time. Writes
   * cost one extra page copy, the first time each page is written, until the snapshot ends.
   */
  beginSnapshot(): MemorySnapshot {
    if (this.snapshot) throw new Error('a memory snapshot is already in progress');
    const snapshot = new MemorySnapshot(
      (page) => this.bytes.subarray(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
      this.pageCount,
      () => {
        if (this.snapshot === snapshot) this.snapshot = undefined;
      },
    );
    this.snapshot = snapshot;
    return snapshot;
  }

  /** Before [addr, addr + length) changes (bounds already checked). */
  private beforeWrite(addr: number, length: number): void {
    if (this.snapshot === undefined || length === 0) return;
    this.snapshot.beforeWrite(addr >>> PAGE_SHIFT, (addr + length - 1) >>> PAGE_SHIFT);
  }

  // --- Access ------------------------------------------------------------------------------------------

  private check(addr: number, length: number): void {
    if (!Number.isInteger(addr) || addr < 0 || length < 0 || addr + length > this.size) {
      throw new GuestMemoryFault(`guest memory access [${addr}, +${length}) outside 0..${this.size}`);
    }
  }

  /** A copy of [addr, addr + length). */
  read(addr: number, length: number): Uint8Array {
    this.check(addr, length);
    return this.bytes.slice(addr, addr + length);
  }

  /** Copies [addr, addr + length) into dst at dstOffset, without allocating. */
  readInto(addr: number, dst: Uint8Array, dstOffset = 0, length = dst.length - dstOffset): void {
    this.check(addr, length);
    dst.set(this.bytes.subarray(addr, addr + length), dstOffset);
  }

  write(addr: number, data: Uint8Array): void {
    this.check(addr, data.length);
    this.beforeWrite(addr, data.length);
    this.bytes.set(data, addr);
    this.markDirty(addr, data.length);
  }

  fill(addr: number, length: number, value = 0): void {
    this.check(addr, length);
    this.beforeWrite(addr, length);
    this.bytes.fill(value, addr, addr + length);
    this.markDirty(addr, length);
  }

  /** Moves [src, src + length) to dst inside guest memory (memmove semantics). */
  copyWithin(dst: number, src: number, length: number): void {
    this.check(src, length);
    this.check(dst, length);
    this.beforeWrite(dst, length);
    this.bytes.copyWithin(dst, src, src + length);
    this.markDirty(dst, length);
  }

  readU8(addr: number): number {
    this.check(addr, 1);
    return this.bytes[addr];
  }

  writeU8(addr: number, v: number): void {
    this.check(addr, 1);
    this.beforeWrite(addr, 1);
    this.bytes[addr] = v;
    this.markDirty(addr, 1);
  }

  /** Little-endian, as on x86 and ARM guests. */
  readU32(addr: number): number {
    this.check(addr, 4);
    return this.view.getUint32(addr, true);
  }

  writeU32(addr: number, v: number): void {
    this.check(addr, 4);
    this.beforeWrite(addr, 4);
    this.view.setUint32(addr, v >>> 0, true);
    this.markDirty(addr, 4);
  }

  readF64(addr: number): number {
    this.check(addr, 8);
    return this.view.getFloat64(addr, true);
  }

  writeF64(addr: number, v: number): void {
    this.check(addr, 8);
    this.beforeWrite(addr, 8);
    this.view.setFloat64(addr, v, true);
    this.markDirty(addr, 8);
  }

  /** 64-bit unsigned values that fit a JS number exactly (< 2^53). */
  readU64(addr: number): number {
    this.check(addr, 8);
    return this.view.getUint32(addr, true) + this.view.getUint32(addr + 4, true) * 2 ** 32;
  }

  writeU64(addr: number, v: number): void {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new GuestMemoryFault(`writeU64 value ${v} is not a safe unsigned integer`);
    this.check(addr, 8);
    this.beforeWrite(addr, 8);
    this.view.setUint32(addr, v % 2 ** 32, true);
    this.view.setUint32(addr + 4, Math.floor(v / 2 ** 32), true);
    this.markDirty(addr, 8);
  }

  // --- Pages (for checkpoints and migration) ------------------------------------------------------------

  /** A read-only view of page n (valid until the next write to it; copy before keeping it). */
  pageView(page: number): Uint8Array {
    if (!Number.isInteger(page) || page < 0 || page >= this.pageCount) {
      throw new GuestMemoryFault(`page ${page} outside 0..${this.pageCount - 1}`);
    }
    return this.bytes.subarray(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  }

  /** Installs a whole page (restore/apply path). Not logged: the device model, not the guest, wrote it. */
  loadPage(page: number, data: Uint8Array): void {
    if (data.length !== PAGE_SIZE)
      throw new GuestMemoryFault(`page data is ${data.length} bytes, not ${PAGE_SIZE}`);
    const view = this.pageView(page);
    this.beforeWrite(page * PAGE_SIZE, PAGE_SIZE);
    view.set(data);
  }

  /**
   * The pages that are not all zeros, ascending (what a full snapshot must carry). Scans 64 KiB at a time with
   * memcmp and looks at single pages only inside chunks that are not all zeros.
   */
  nonZeroPages(): Uint32Array {
    const found: number[] = [];
    const chunkPages = ZERO_CHUNK.length / PAGE_SIZE;
    for (let first = 0; first < this.pageCount; first += chunkPages) {
      const pages = Math.min(chunkPages, this.pageCount - first);
      const at = first * PAGE_SIZE;
      const len = pages * PAGE_SIZE;
      if (this.asBuffer.compare(ZERO_CHUNK, 0, len, at, at + len) === 0) continue;
      for (let p = first; p < first + pages; p++) if (!this.isZeroPage(p)) found.push(p);
    }
    return Uint32Array.from(found);
  }

  /** Zeroes page n (restore/apply path: a page a delta says is now all zeros). Not logged, like loadPage. */
  clearPage(page: number): void {
    const view = this.pageView(page);
    this.beforeWrite(page * PAGE_SIZE, PAGE_SIZE);
    view.fill(0);
  }

  /** True when page n is all zeros (zero pages are elided from snapshots). A memcmp, not a JS loop. */
  isZeroPage(page: number): boolean {
    this.pageView(page); // bounds check
    const at = page * PAGE_SIZE;
    return this.asBuffer.compare(ZERO_PAGE, 0, PAGE_SIZE, at, at + PAGE_SIZE) === 0;
  }

  /** SHA-256 of all of memory, hex. The digest backups report and tests compare. */
  digest(): string {
    const h = createHash('sha256');
    const chunk = 1 << 24;
    for (let at = 0; at < this.size; at += chunk)
      h.update(this.bytes.subarray(at, Math.min(this.size, at + chunk)));
    return h.digest('hex');
  }
}
