import { SeededRandom } from '@vmha/guest-tcp';
import { GuestMemory } from '@vmha/machine';
import { describe, expect, it } from 'vitest';
import { GuestHeap } from '../heap/guest-heap.ts';
import { KEEP_EXPIRY, KvStore } from './kv-store.ts';

function setup(size = 64 << 20): { memory: GuestMemory; heap: GuestHeap; store: KvStore } {
  const memory = new GuestMemory(size);
  const heap = GuestHeap.format(memory, { base: 0, size });
  return { memory, heap, store: new KvStore(heap, KvStore.create(heap, 1)) };
}

const key = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('KvStore', () => {
  it('matches a Map model through random sets, deletes and expiries while it grows and shrinks', () => {
    const { heap, store } = setup();
    const rng = new SeededRandom(13);
    const model = new Map<string, { value: string; at: number }>();
    let now = 1000;
    let sawRehash = false;
    const live = (m: { at: number } | undefined): boolean => m !== undefined && (m.at === 0 || now <= m.at);
    const check = (k: string): void => {
      const e = store.lookup(key(k), now);
      const m = model.get(k);
      if (live(m)) expect(text(store.value(e))).toBe(m!.value);
      else expect(e).toBe(0);
    };
    // Phase 1 grows the key space to ~20k keys with random traffic.
    for (let op = 0; op < 40_000; op++) {
      if (rng.next() < 0.01) now += 50;
      const k = `key:${rng.nextU32() % 20_000}`;
      const r = rng.next();
      if (r < 0.7) {
        const value = `v${op}`.repeat(1 + (rng.nextU32() % 5));
        const at = rng.next() < 0.2 ? now + 1 + (rng.nextU32() % 500) : 0;
        store.set(key(k), key(value), at);
        model.set(k, { value, at });
      } else if (r < 0.85) {
        expect(store.delete(key(k), now)).toBe(live(model.get(k)));
        model.delete(k);
      } else check(k);
      sawRehash ||= store.layout().rehashing;
    }
    expect(sawRehash).toBe(true);
    const grown = store.layout().buckets;
    // Phase 2 deletes all but 500 keys, checking survivors as it goes: the table must shrink back.
    for (let i = 500; i < 20_000; i++) {
      store.delete(key(`key:${i}`), now);
      model.delete(`key:${i}`);
      if (i % 7 === 0) check(`key:${i % 500}`);
    }
    for (const k of model.keys()) check(k);
    expect(store.size).toBe([...model.values()].filter(live).length);
    expect(store.layout().buckets).toBeLessThan(grown / 8);
    heap.check();
  });

  it("rehashes incrementally: only the new table's zeroing is paid at a resize, never a rewrite of the old", () => {
    const { memory, store } = setup();
    memory.startDirtyLogging();
    let worstOrdinary = 0;
    let resizes = 0;
    for (let i = 0; i < 200_000; i++) {
      const before = store.layout();
      store.set(key(`k${i}`), key('v'), 0);
      const dirty = memory.fetchAndClearDirty().length;
      const after = store.layout();
      if (after.rehashing && !before.rehashing) {
        resizes++;
        // The new table is allocated zeroed (calloc): its own pages plus the insert's few.
        expect(dirty).toBeLessThanOrEqual(Math.ceil((after.nextBuckets * 4) / 4096) + 12);
      } else worstOrdinary = Math.max(worstOrdinary, dirty);
    }
    expect(resizes).toBeGreaterThanOrEqual(13); // 16 buckets, doubled past 200k
    // Entry, heap and dict headers, one bucket in each table, and the entries two rehash steps relink.
    expect(worstOrdinary).toBeLessThanOrEqual(24);
    expect(store.size).toBe(200_000);
  });

  it('KEEP_EXPIRY keeps a TTL, 0 clears it, and the expiring-key count follows', () => {
    const { store } = setup(4 << 20);
    store.set(key('a'), key('1'), 5000);
    expect(store.expiringKeys).toBe(1);
    store.set(key('a'), key('22'), KEEP_EXPIRY);
    expect(store.expireAt(store.lookup(key('a'), 0))).toBe(5000);
    store.set(key('a'), key('333'), 0);
    expect(store.expiringKeys).toBe(0);
    store.set(key('b'), key('x'), 10);
    expect(store.lookup(key('b'), 11)).toBe(0); // lazily expired
    expect(store.expiringKeys).toBe(0);
    expect(store.size).toBe(1);
  });
});
