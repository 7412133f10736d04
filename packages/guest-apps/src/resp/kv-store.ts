/**
 * The key space: a chained hash table in the guest heap with binary-safe keys and values and per-key expiry,
 * resized incrementally like Redis's dict.c (two tables while rehashing; every operation moves a bucket or two),
 * so no single command rewrites the whole table and dirties all its pages at once.
 *
 * Dictionary (40 bytes): table0, size0, used0, table1, size1, used1, rehash index, keys with expiry,
 * active-expire cursor, hash seed.
 * Entry (one heap block): next, hash, key length, value length, expire-at (f64 virtual ms, 0 = never), key, value.
 */
import type { GuestMemory } from '@vmha/machine';
import type { GuestHeap } from '../heap/guest-heap.ts';
import { GuestHeapExhaustedError } from '../heap/heap-errors.ts';

const D_TABLE0 = 0;
const D_SIZE0 = 4;
const D_USED0 = 8;
const D_TABLE1 = 12;
const D_SIZE1 = 16;
const D_USED1 = 20;
const D_REHASH = 24;
const D_EXPIRES = 28;
const D_CURSOR = 32;
const D_SEED = 36;
const DICT_BYTES = 40;

const E_NEXT = 0;
const E_HASH = 4;
const E_KEYLEN = 8;
const E_VALLEN = 12;
const E_EXPIRE = 16;
const E_KEY = 24;

const NOT_REHASHING = 0xffffffff;
const INITIAL_BUCKETS = 16;
/** Buckets moved per write (reads move one): rehashing finishes before the next doubling is due. */
const REHASH_STEPS_PER_WRITE = 2;
/** Empty buckets a rehash step may skip before giving up for this operation (dict.c uses 10 per bucket). */
const EMPTY_VISITS = 10;
/** An entry is rewritten in place when the new value fits and wastes at most this factor of the block. */
const SLACK = 2;

/** `expireAt` for set(): keep whatever expiry the key has (SET KEEPTTL, INCR, APPEND). */
export const KEEP_EXPIRY = -1;

export class KvStore {
  private readonly memory: GuestMemory;
  private scratch = new Uint8Array(256);
  /** Where find() found its entry: the address of the u32 that points to it (a bucket or a `next` field). */
  private foundLink = 0;
  /** Which table find() found it in (0 or 1). */
  private foundTable = 0;

  constructor(
    private readonly heap: GuestHeap,
    readonly address: number,
  ) {
    this.memory = heap.memory;
  }

  /** Allocates an empty dictionary and returns its address. */
  static create(heap: GuestHeap, seed: number): number {
    const d = heap.allocZeroed(DICT_BYTES);
    heap.memory.writeU32(d + D_REHASH, NOT_REHASHING);
    heap.memory.writeU32(d + D_SEED, seed);
    return d;
  }

  /** Keys, including expired ones not yet reclaimed (as Redis's DBSIZE). */
  get size(): number {
    return this.u32(D_USED0) + this.u32(D_USED1);
  }

  /** Keys that have an expiry. */
  get expiringKeys(): number {
    return this.u32(D_EXPIRES);
  }

  /** The live entry for `key`, or 0; an expired one is deleted on the way (lazy expiry, as db.c does). */
  lookup(key: Uint8Array, now: number): number {
    this.rehashStep(1);
    const e = this.find(key, this.hash(key));
    if (e === 0) return 0;
    const at = this.memory.readF64(e + E_EXPIRE);
    if (at !== 0 && now > at) {
      this.unlinkFound(e);
      return 0;
    }
    return e;
  }

  valueAddress(entry: number): number {
    return entry + E_KEY + this.memory.readU32(entry + E_KEYLEN);
  }

  valueLength(entry: number): number {
    return this.memory.readU32(entry + E_VALLEN);
  }

  value(entry: number): Uint8Array {
    return this.memory.read(this.valueAddress(entry), this.valueLength(entry));
  }

  /** Expiry time of an entry (virtual ms), 0 when it has none. */
  expireAt(entry: number): number {
    return this.memory.readF64(entry + E_EXPIRE);
  }

  /**
   * Stores `value` under `key` (replacing any value) with expiry `expireAt` (0 = none, KEEP_EXPIRY = unchanged).
   * Callers look the key up first (that is where an expired key is reclaimed). Throws GuestHeapExhaustedError
   * with the store unchanged when the heap cannot hold it. Returns the entry.
   */
  set(key: Uint8Array, value: Uint8Array, expireAt: number): number {
    this.rehashStep(REHASH_STEPS_PER_WRITE);
    const hash = this.hash(key);
    const need = E_KEY + key.length + value.length;
    const m = this.memory;
    let e = this.find(key, hash);
    if (e !== 0) {
      const usable = this.heap.usableSize(e);
      if (need > usable || usable > SLACK * need + 64) {
        const moved = this.heap.realloc(e, need);
        if (moved !== e) m.writeU32(this.foundLink, moved);
        e = moved;
      }
    } else {
      this.ensureTable(); // before the entry, so a full heap cannot strand it
      e = this.heap.alloc(need);
      m.writeU32(e + E_HASH, hash);
      m.writeU32(e + E_KEYLEN, key.length);
      m.writeF64(e + E_EXPIRE, 0);
      m.write(e + E_KEY, key);
      this.link(e, hash);
      this.expandIfNeeded();
    }
    m.writeU32(e + E_VALLEN, value.length);
    m.write(e + E_KEY + key.length, value);
    if (expireAt !== KEEP_EXPIRY) this.setExpireAt(e, expireAt);
    return e;
  }

  /** Sets or clears (0) an entry's expiry, keeping the count of expiring keys. */
  setExpireAt(entry: number, expireAt: number): void {
    const m = this.memory;
    const before = m.readF64(entry + E_EXPIRE);
    if (before === expireAt) return;
    m.writeF64(entry + E_EXPIRE, expireAt);
    if ((before === 0) !== (expireAt === 0)) this.add(D_EXPIRES, expireAt === 0 ? -1 : 1);
  }

  /** Deletes `key`; true when a live key was deleted (an expired one is reclaimed but does not count). */
  delete(key: Uint8Array, now: number): boolean {
    this.rehashStep(REHASH_STEPS_PER_WRITE);
    const e = this.find(key, this.hash(key));
    if (e === 0) return false;
    const at = this.memory.readF64(e + E_EXPIRE);
    this.unlinkFound(e);
    this.shrinkIfSparse();
    return !(at !== 0 && now > at);
  }

  /** Removes every key and releases the tables. */
  flush(): void {
    const m = this.memory;
    for (const [table, size] of [
      [this.u32(D_TABLE0), this.u32(D_SIZE0)],
      [this.u32(D_TABLE1), this.u32(D_SIZE1)],
    ]) {
      if (table === 0) continue;
      for (let b = 0; b < size; b++) {
        for (let e = m.readU32(table + b * 4); e !== 0;) {
          const next = m.readU32(e + E_NEXT);
          this.heap.free(e);
          e = next;
        }
      }
      this.heap.free(table);
    }
    const seed = this.u32(D_SEED);
    m.fill(this.address, DICT_BYTES, 0);
    m.writeU32(this.address + D_REHASH, NOT_REHASHING);
    m.writeU32(this.address + D_SEED, seed);
  }

  /**
   * Active expiry (Redis's serverCron does this on a timer; a guest program has no timer, so commands pay for
   * it): looks at up to `buckets` buckets from a cursor and deletes expired keys there. Returns keys deleted.
   */
  expireSome(now: number, buckets: number): number {
    if (this.u32(D_EXPIRES) === 0 || this.u32(D_REHASH) !== NOT_REHASHING) return 0;
    const m = this.memory;
    const table = this.u32(D_TABLE0);
    const size = this.u32(D_SIZE0);
    if (table === 0) return 0;
    let cursor = this.u32(D_CURSOR) & (size - 1);
    let deleted = 0;
    for (let i = 0; i < buckets; i++) {
      let link = table + cursor * 4;
      for (let e = m.readU32(link); e !== 0; e = m.readU32(link)) {
        const at = m.readF64(e + E_EXPIRE);
        if (at !== 0 && now > at) {
          this.foundLink = link;
          this.foundTable = 0;
          this.unlinkFound(e);
          deleted++;
        } else {
          link = e + E_NEXT;
        }
      }
      cursor = (cursor + 1) & (size - 1);
    }
    m.writeU32(this.address + D_CURSOR, cursor);
    return deleted;
  }

  /** Buckets and rehash progress, for tests. */
  layout(): { buckets: number; rehashing: boolean; nextBuckets: number } {
    return {
      buckets: this.u32(D_SIZE0),
      rehashing: this.u32(D_REHASH) !== NOT_REHASHING,
      nextBuckets: this.u32(D_SIZE1),
    };
  }

  // --- Internals -----------------------------------------------------------------------------------------

  private u32(field: number): number {
    return this.memory.readU32(this.address + field);
  }

  private add(field: number, delta: number): void {
    this.memory.writeU32(this.address + field, this.u32(field) + delta);
  }

  /** murmur3_32 (seeded): keys are attacker-chosen bytes, but the guest has no secrets to protect here. */
  private hash(key: Uint8Array): number {
    let h = this.u32(D_SEED);
    const n = key.length;
    const words = n >>> 2;
    for (let i = 0; i < words; i++) {
      const j = i * 4;
      let k = key[j] | (key[j + 1] << 8) | (key[j + 2] << 16) | (key[j + 3] << 24);
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    const tail = words * 4;
    const rest = n & 3;
    if (rest > 0) {
      let k = key[tail];
      if (rest > 1) k ^= key[tail + 1] << 8;
      if (rest > 2) k ^= key[tail + 2] << 16;
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, 0x1b873593);
    }
    h ^= n;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }

  /** The entry for `key` (setting foundLink), or 0. Searches the second table while rehashing. */
  private find(key: Uint8Array, hash: number): number {
    const m = this.memory;
    const tables = this.u32(D_REHASH) === NOT_REHASHING ? 1 : 2;
    for (let t = 0; t < tables; t++) {
      const table = this.u32(t === 0 ? D_TABLE0 : D_TABLE1);
      if (table === 0) continue;
      const size = this.u32(t === 0 ? D_SIZE0 : D_SIZE1);
      let link = table + (hash & (size - 1)) * 4;
      for (let e = m.readU32(link); e !== 0; e = m.readU32(link)) {
        if (
          m.readU32(e + E_HASH) === hash &&
          m.readU32(e + E_KEYLEN) === key.length &&
          this.keyEquals(e, key)
        ) {
          this.foundLink = link;
          this.foundTable = t;
          return e;
        }
        link = e + E_NEXT;
      }
    }
    return 0;
  }

  private keyEquals(e: number, key: Uint8Array): boolean {
    const n = key.length;
    if (this.scratch.length < n) this.scratch = new Uint8Array(Math.max(n, this.scratch.length * 2));
    this.memory.readInto(e + E_KEY, this.scratch, 0, n);
    for (let i = 0; i < n; i++) if (this.scratch[i] !== key[i]) return false;
    return true;
  }

  /** Unlinks the entry find() (or expireSome) located at foundLink and frees it. */
  private unlinkFound(e: number): void {
    const m = this.memory;
    m.writeU32(this.foundLink, m.readU32(e + E_NEXT));
    if (m.readF64(e + E_EXPIRE) !== 0) this.add(D_EXPIRES, -1);
    this.add(this.foundTable === 1 ? D_USED1 : D_USED0, -1);
    this.heap.free(e);
  }

  private ensureTable(): void {
    if (this.u32(D_TABLE0) !== 0) return;
    this.memory.writeU32(this.address + D_TABLE0, this.heap.allocZeroed(INITIAL_BUCKETS * 4));
    this.memory.writeU32(this.address + D_SIZE0, INITIAL_BUCKETS);
  }

  /** Inserts a new entry at the head of its bucket (table1 while rehashing). */
  private link(e: number, hash: number): void {
    const m = this.memory;
    const rehashing = this.u32(D_REHASH) !== NOT_REHASHING;
    const table = this.u32(rehashing ? D_TABLE1 : D_TABLE0);
    const size = this.u32(rehashing ? D_SIZE1 : D_SIZE0);
    const bucket = table + (hash & (size - 1)) * 4;
    m.writeU32(e + E_NEXT, m.readU32(bucket));
    m.writeU32(bucket, e);
    this.add(rehashing ? D_USED1 : D_USED0, 1);
  }

  /** Load factor 1 starts a rehash into a table twice the size (skipped, not fatal, when the heap is full). */
  private expandIfNeeded(): void {
    if (this.u32(D_REHASH) !== NOT_REHASHING) return;
    const size = this.u32(D_SIZE0);
    if (this.u32(D_USED0) < size) return;
    this.startRehash(size * 2);
  }

  /** Below 1/8 full, rehash into a smaller table (dict.c shrinks at 10%). */
  private shrinkIfSparse(): void {
    if (this.u32(D_REHASH) !== NOT_REHASHING) return;
    const size = this.u32(D_SIZE0);
    const used = this.u32(D_USED0);
    if (size <= INITIAL_BUCKETS || used * 8 >= size) return;
    let target = INITIAL_BUCKETS;
    while (target < used * 2) target *= 2;
    this.startRehash(target);
  }

  private startRehash(buckets: number): void {
    let table: number;
    try {
      table = this.heap.allocZeroed(buckets * 4);
    } catch (e) {
      if (e instanceof GuestHeapExhaustedError) return; // chains get longer; correctness is unaffected
      throw e;
    }
    const m = this.memory;
    m.writeU32(this.address + D_TABLE1, table);
    m.writeU32(this.address + D_SIZE1, buckets);
    m.writeU32(this.address + D_USED1, 0);
    m.writeU32(this.address + D_REHASH, 0);
  }

  /** Moves up to `buckets` non-empty buckets from table0 to table1; swaps the tables when table0 is empty. */
  private rehashStep(buckets: number): void {
    let index = this.u32(D_REHASH);
    if (index === NOT_REHASHING) return;
    const m = this.memory;
    const t0 = this.u32(D_TABLE0);
    const s0 = this.u32(D_SIZE0);
    const t1 = this.u32(D_TABLE1);
    const mask1 = this.u32(D_SIZE1) - 1;
    let emptyVisits = buckets * EMPTY_VISITS;
    let moved = 0;
    while (buckets > 0 && index < s0) {
      const slot = t0 + index * 4;
      let e = m.readU32(slot);
      if (e === 0) {
        index++;
        if (--emptyVisits === 0) break;
        continue;
      }
      for (; e !== 0;) {
        const next = m.readU32(e + E_NEXT);
        const dest = t1 + (m.readU32(e + E_HASH) & mask1) * 4;
        m.writeU32(e + E_NEXT, m.readU32(dest));
        m.writeU32(dest, e);
        moved++;
        e = next;
      }
      m.writeU32(slot, 0);
      index++;
      buckets--;
    }
    if (moved > 0) {
      this.add(D_USED0, -moved);
      this.add(D_USED1, moved);
    }
    if (index >= s0) {
      this.heap.free(t0);
      m.writeU32(this.address + D_TABLE0, t1);
      m.writeU32(this.address + D_SIZE0, this.u32(D_SIZE1));
      m.writeU32(this.address + D_USED0, this.u32(D_USED1));
      m.writeU32(this.address + D_TABLE1, 0);
      m.writeU32(this.address + D_SIZE1, 0);
      m.writeU32(this.address + D_USED1, 0);
      m.writeU32(this.address + D_REHASH, NOT_REHASHING);
    } else {
      m.writeU32(this.address + D_REHASH, index);
    }
  }
}
