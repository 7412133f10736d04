import { describe, expect, it } from 'vitest';
import { GuestMemory, GuestMemoryFault, PAGE_SIZE } from './guest-memory.ts';

const GiB = 1 << 30;

describe('dirty logging', () => {
  it('records each written page once, in first-dirtied order, and fetching clears the set', () => {
    const m = new GuestMemory(64 * PAGE_SIZE);
    m.write(0, new Uint8Array(10)); // before logging: not recorded
    m.startDirtyLogging();
    m.writeU32(5 * PAGE_SIZE + 8, 1);
    m.writeU8(2 * PAGE_SIZE, 1);
    m.writeU32(5 * PAGE_SIZE, 2);
    m.write(9 * PAGE_SIZE - 2, new Uint8Array(4)); // straddles pages 8 and 9
    m.fill(20 * PAGE_SIZE, 2 * PAGE_SIZE, 7);
    m.copyWithin(30 * PAGE_SIZE, 0, 8);
    m.writeU64(40 * PAGE_SIZE, 2 ** 40);
    m.writeF64(41 * PAGE_SIZE, 1.5);
    expect([...m.fetchAndClearDirty()]).toEqual([5, 2, 8, 9, 20, 21, 30, 40, 41]);
    expect(m.dirtyPageCount).toBe(0);
    expect([...m.fetchAndClearDirty()]).toEqual([]);
    m.writeU8(2 * PAGE_SIZE, 3);
    expect([...m.fetchAndClearDirty()]).toEqual([2]);
  });

  it('does not log reads, page loads or page clears (the VMM writes those, not the guest)', () => {
    const m = new GuestMemory(8 * PAGE_SIZE);
    m.startDirtyLogging();
    m.read(0, 100);
    m.readU32(PAGE_SIZE);
    m.loadPage(3, new Uint8Array(PAGE_SIZE).fill(1));
    m.clearPage(4);
    expect(m.dirtyPageCount).toBe(0);
    expect(m.readU8(3 * PAGE_SIZE)).toBe(1);
  });

  it('fetching and clearing costs the dirty count, not the size of memory: 1 GiB guest, 1,000 and 50,000 dirty pages', () => {
    const m = new GuestMemory(GiB);
    m.startDirtyLogging();
    for (const dirty of [0, 7, 1_000, 50_000]) {
      const before = m.dirtyLogStats();
      for (let i = 0; i < dirty; i++) m.writeU8(((i * 7919) % m.pageCount) * PAGE_SIZE + 1, 1);
      const pages = m.fetchAndClearDirty();
      const after = m.dirtyLogStats();
      expect(pages.length).toBe(dirty);
      expect(new Set(pages).size).toBe(dirty);
      expect(after.fetches - before.fetches).toBe(1);
      expect(after.entriesVisited - before.entriesVisited).toBe(dirty);
    }
    expect(m.pageCount).toBe(262_144);
    // And the set really is clear afterwards (pages can be dirtied again and are reported again).
    m.writeU8(PAGE_SIZE, 2);
    expect([...m.fetchAndClearDirty()]).toEqual([1]);
  });

  it('bumps the logging generation on every start and stop, and a restart empties the set', () => {
    const m = new GuestMemory(4 * PAGE_SIZE);
    const g0 = m.loggingGeneration;
    m.startDirtyLogging();
    m.writeU8(0, 1);
    m.startDirtyLogging();
    expect(m.dirtyPageCount).toBe(0);
    m.stopDirtyLogging();
    expect(m.loggingGeneration).toBe(g0 + 3);
    m.writeU8(0, 2);
    expect(m.dirtyLogging).toBe(false);
    expect(m.dirtyPageCount).toBe(0);
  });
});

describe('pages', () => {
  it('finds exactly the non-zero pages, including across 64 KiB scan chunks and the last partial chunk', () => {
    const m = new GuestMemory(40 * PAGE_SIZE); // 2.5 chunks of 16 pages
    for (const p of [0, 15, 16, 31, 33, 39]) m.writeU8(p * PAGE_SIZE + (p % 7) * 100, 0xff);
    m.writeU8(20 * PAGE_SIZE + PAGE_SIZE - 1, 1); // last byte of page 20
    expect([...m.nonZeroPages()]).toEqual([0, 15, 16, 20, 31, 33, 39]);
    m.writeU8(20 * PAGE_SIZE + PAGE_SIZE - 1, 0);
    expect(m.isZeroPage(20)).toBe(true);
    expect(m.isZeroPage(39)).toBe(false);
  });

  it('faults on accesses outside memory instead of corrupting anything', () => {
    const m = new GuestMemory(2 * PAGE_SIZE);
    expect(() => m.writeU32(2 * PAGE_SIZE - 2, 1)).toThrow(GuestMemoryFault);
    expect(() => m.read(-1, 4)).toThrow(GuestMemoryFault);
    expect(() => m.pageView(2)).toThrow(GuestMemoryFault);
    expect(() => m.isZeroPage(-1)).toThrow(GuestMemoryFault);
    expect(() => m.loadPage(0, new Uint8Array(10))).toThrow(/not 4096/);
    expect(() => new GuestMemory(1000)).toThrow(/multiple of 4096/);
  });
});
