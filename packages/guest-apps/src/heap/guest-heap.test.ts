import { SeededRandom } from '@vmha/guest-tcp';
import { GuestMemory, PAGE_SIZE, type MemoryRegion } from '@vmha/machine';
import { describe, expect, it } from 'vitest';
import { GuestHeap } from './guest-heap.ts';
import { GuestHeapCorruptionError, GuestHeapExhaustedError, GuestHeapFormatError } from './heap-errors.ts';

const MiB = 1 << 20;

function fresh(
  size = 4 * MiB,
  region: MemoryRegion = { base: 0, size },
): { memory: GuestMemory; heap: GuestHeap } {
  const memory = new GuestMemory(Math.max(size, region.base + region.size));
  return { memory, heap: GuestHeap.format(memory, region) };
}

/** Fills an allocation with bytes derived from its id, so overlaps and lost contents are caught. */
function fill(memory: GuestMemory, at: number, length: number, id: number): void {
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) data[i] = (id * 31 + i * 7) & 0xff;
  memory.write(at, data);
}

function intact(memory: GuestMemory, at: number, length: number, id: number): boolean {
  const data = memory.read(at, length);
  for (let i = 0; i < length; i++) if (data[i] !== ((id * 31 + i * 7) & 0xff)) return false;
  return true;
}

describe('GuestHeap', () => {
  it('survives 30,000 random malloc/free/realloc calls with contents intact and invariants checked', () => {
    const { memory, heap } = fresh(8 * MiB);
    const rng = new SeededRandom(11);
    const live = new Map<number, { at: number; size: number }>();
    let nextId = 1;
    for (let op = 0; op < 30_000; op++) {
      const r = rng.next();
      const ids = [...live.keys()];
      // Mostly small sizes, some large ones, so both exact and log-spaced bins and the top are exercised.
      const size = rng.next() < 0.9 ? Math.floor(rng.next() * 300) : Math.floor(rng.next() * 64 * 1024);
      // Allocation-heavy below 400 live blocks, free-heavy above: a working set that churns rather than grows.
      const allocShare = ids.length < 400 ? 0.6 : 0.35;
      if (r < allocShare || ids.length === 0) {
        const at = heap.alloc(size);
        expect(at % 8).toBe(0);
        expect(heap.usableSize(at)).toBeGreaterThanOrEqual(size);
        fill(memory, at, size, nextId);
        live.set(nextId++, { at, size });
      } else if (r < allocShare + 0.3) {
        const id = ids[Math.floor(rng.next() * ids.length)];
        heap.free(live.get(id)!.at);
        live.delete(id);
      } else {
        const id = ids[Math.floor(rng.next() * ids.length)];
        const old = live.get(id)!;
        const at = heap.realloc(old.at, size);
        expect(intact(memory, at, Math.min(old.size, size), id)).toBe(true);
        fill(memory, at, size, id);
        live.set(id, { at, size });
      }
      if (op % 1000 === 0) heap.check();
    }
    heap.check();
    const ranges = [...live.values()].sort((a, b) => a.at - b.at);
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i].at).toBeGreaterThanOrEqual(ranges[i - 1].at + ranges[i - 1].size);
    for (const [id, { at, size }] of live) expect(intact(memory, at, size, id)).toBe(true);
    // Freeing everything coalesces back into one untouched top: nothing leaked, nothing fragmented.
    for (const { at } of live.values()) heap.free(at);
    heap.check();
    const stats = heap.stats();
    expect(stats.usedBytes).toBe(0);
    expect(stats.usedChunks).toBe(0);
    expect(stats.topBytes).toBe(stats.capacityBytes);
  });

  it('reports exhaustion clearly and leaves the heap unchanged', () => {
    const { heap } = fresh(64 * 1024);
    const before = heap.stats();
    expect(() => heap.alloc(1 * MiB)).toThrow(GuestHeapExhaustedError);
    expect(() => heap.alloc(1 * MiB)).toThrow(/guest heap exhausted: 1048576 bytes requested/);
    expect(heap.stats()).toEqual(before);
    const blocks: number[] = [];
    let failure: unknown;
    try {
      for (;;) blocks.push(heap.alloc(1000));
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(GuestHeapExhaustedError);
    expect((failure as GuestHeapExhaustedError).requestedBytes).toBe(1000);
    expect(blocks.length).toBeGreaterThan(50);
    heap.check();
    for (const b of blocks) heap.free(b);
    expect(heap.stats().usedBytes).toBe(0);
    expect(heap.alloc(60 * 1024)).toBeGreaterThan(0); // coalesced: one big block fits again
  });

  it('reuses freed chunks before touching the top, and splits big free chunks', () => {
    const { heap } = fresh();
    const a = heap.alloc(100);
    heap.alloc(100); // keeps `a` from merging into the top
    heap.free(a);
    expect(heap.alloc(100)).toBe(a);
    const big = heap.alloc(10_000);
    heap.alloc(8); // fence
    heap.free(big);
    const small = heap.alloc(64);
    expect(small).toBe(big);
    const rest = heap.alloc(5000);
    expect(rest).toBeGreaterThan(small);
    expect(rest).toBeLessThan(big + 10_000);
    heap.check();
  });

  it('grows allocations in place into the top or a free neighbour, and keeps contents when it must move', () => {
    const { memory, heap } = fresh();
    const a = heap.alloc(100);
    fill(memory, a, 100, 1);
    expect(heap.realloc(a, 5000)).toBe(a); // next to the top
    const fence = heap.alloc(16);
    const b = heap.alloc(200);
    const c = heap.alloc(200);
    heap.alloc(16);
    heap.free(c);
    fill(memory, b, 200, 2);
    expect(heap.realloc(b, 380)).toBe(b); // absorbs the free neighbour
    expect(intact(memory, b, 200, 2)).toBe(true);
    const moved = heap.realloc(a, 100_000); // `fence` blocks growth in place
    expect(moved).not.toBe(a);
    expect(intact(memory, moved, 100, 1)).toBe(true);
    expect(heap.realloc(moved, 10)).toBe(moved); // shrinking never moves
    void fence;
    heap.check();
  });

  it('leaves an allocation untouched when realloc cannot grow it', () => {
    const { memory, heap } = fresh(64 * 1024);
    const a = heap.alloc(1000);
    heap.alloc(16);
    fill(memory, a, 1000, 9);
    expect(() => heap.realloc(a, 200_000)).toThrow(GuestHeapExhaustedError);
    expect(intact(memory, a, 1000, 9)).toBe(true);
    expect(heap.usableSize(a)).toBeGreaterThanOrEqual(1000);
    heap.check();
  });

  it('rejects double frees and pointers it never returned', () => {
    const { heap } = fresh();
    const a = heap.alloc(64);
    heap.alloc(64);
    heap.free(a);
    expect(() => heap.free(a)).toThrow(GuestHeapCorruptionError);
    expect(() => heap.free(a + 8)).toThrow(/not a heap address|not a live allocation/);
    expect(() => heap.free(3)).toThrow(GuestHeapCorruptionError);
    expect(() => heap.realloc(a, 10)).toThrow(GuestHeapCorruptionError);
    heap.free(0); // free(NULL) is allowed
    heap.check();
  });

  it('open() finds a formatted heap with its root and continues it; fails clearly on anything else', () => {
    const { memory, heap } = fresh(1 * MiB, { base: 4100, size: 512 * 1024 });
    const root = heap.alloc(40);
    heap.root = root;
    const reopened = GuestHeap.open(memory, { base: 4100, size: 512 * 1024 });
    expect(reopened.root).toBe(root);
    expect(reopened.stats()).toEqual(heap.stats());

    const blank = new GuestMemory(1 * MiB);
    expect(() => GuestHeap.open(blank, { base: 0, size: MiB })).toThrow(GuestHeapFormatError);
    expect(() => GuestHeap.open(blank, { base: 0, size: MiB })).toThrow(/no guest heap .* magic 0x0/);

    const garbage = new GuestMemory(1 * MiB);
    const rng = new SeededRandom(3);
    const noise = new Uint8Array(8192);
    for (let i = 0; i < noise.length; i++) noise[i] = rng.nextU32() & 0xff;
    garbage.write(0, noise);
    expect(() => GuestHeap.open(garbage, { base: 0, size: MiB })).toThrow(GuestHeapFormatError);

    expect(() => GuestHeap.open(memory, { base: 4100, size: 256 * 1024 })).toThrow(/region gives/);
    const versioned = new GuestMemory(1 * MiB);
    GuestHeap.format(versioned, { base: 0, size: MiB });
    versioned.writeU32(4, 99);
    expect(() => GuestHeap.open(versioned, { base: 0, size: MiB })).toThrow(/version 99 is not supported/);
  });

  it('a heap restored from a copy of guest memory behaves identically to the original', () => {
    const { memory, heap } = fresh(2 * MiB);
    const rng = new SeededRandom(5);
    const live: number[] = [];
    const step = (h: GuestHeap, r: SeededRandom, list: number[]): void => {
      if (r.next() < 0.6 || list.length === 0) list.push(h.alloc(Math.floor(r.next() * 2000)));
      else h.free(list.splice(Math.floor(r.next() * list.length), 1)[0]);
    };
    for (let i = 0; i < 2000; i++) step(heap, rng, live);
    const copy = new GuestMemory(memory.size);
    for (let p = 0; p < memory.pageCount; p++) copy.loadPage(p, memory.pageView(p));
    const restored = GuestHeap.open(copy, { base: 0, size: 2 * MiB });
    const rngCopy = new SeededRandom(99);
    const rngOrig = new SeededRandom(99);
    const liveCopy = [...live];
    for (let i = 0; i < 2000; i++) {
      step(heap, rngOrig, live);
      step(restored, rngCopy, liveCopy);
    }
    expect(liveCopy).toEqual(live);
    expect(copy.digest()).toBe(memory.digest());
  });

  it('dirties only a few pages per small allocation or free, however big the heap', () => {
    const { memory, heap } = fresh(32 * MiB);
    const rng = new SeededRandom(8);
    const live: number[] = [];
    for (let i = 0; i < 20_000; i++) live.push(heap.alloc(16 + Math.floor(rng.next() * 1500)));
    for (let i = 0; i < live.length; i += 3) heap.free(live[i]);
    memory.startDirtyLogging();
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      const at = heap.alloc(16 + Math.floor(rng.next() * 1500));
      worst = Math.max(worst, memory.fetchAndClearDirty().length);
      heap.free(at);
      worst = Math.max(worst, memory.fetchAndClearDirty().length);
    }
    // Header page, the chunk's header and tail, a neighbour, and free-list links of two other chunks.
    expect(worst).toBeLessThanOrEqual(6);
    expect(memory.pageCount * PAGE_SIZE).toBe(32 * MiB);
  });
});
