/**
 * A state record encoded against the receiver's previous version of it: copies of ranges of the old bytes and
 * literal new bytes (rsync's idea, Tridgell 1996, with the old side indexed sparsely). Records such as the guest
 * kernel's hold byte streams that shift between epochs: a TCP send buffer loses its acknowledged head and gains
 * new writes at its tail, so a position-wise XOR would see almost every byte change, while here the unchanged
 * middle is one copy. The cost is proportional to what changed plus a native compare of what did not.
 *
 * A delta may also copy from the receiver's other records at the same base (op 3, by slot: what a slot names is
 * up to the container, the checkpoint body uses its record table): bytes that moved from one record to another
 * between epochs, such as a guest's socket data that the VMM took into its speculation buffer, travel once.
 *
 *   new length u32 | (op u8: 1 = copy: from u32, length u32 | 2 = literal: length u32, bytes
 *                            | 3 = copy from another record: slot u16, from u32, length u32)*   (little-endian)
 */

/** A delta that cannot be applied: malformed, or not made against the record given as its base. */
export class RecordDeltaError extends Error {
  override readonly name = 'RecordDeltaError';
}

const OP_COPY = 1;
const OP_LITERAL = 2;
const OP_COPY_OTHER = 3;

/**
 * Another record the receiver holds at the base, that a delta's literals may be found in: its slot (how the
 * receiver finds it again) and its bytes. The encoder looks for a literal of at least SOURCE_MIN_LITERAL bytes
 * in each source natively, a couple of times per literal: a moved stream is found at once, new bytes cost two
 * failed searches.
 */
export interface DeltaSource {
  slot: number;
  bytes: Uint8Array;
}
const SOURCE_MIN_LITERAL = 4096;
/** Searches per literal that may find nothing long. */
const SOURCE_ATTEMPTS = 2;
/** Bytes hashed to find a match; shorter common runs are sent as literals. */
const WINDOW = 32;
/** The old record is indexed at every STRIDE-th offset; any match of WINDOW + STRIDE bytes is found. */
const STRIDE = 128;
const PRIME = 0x01000193;
/** PRIME^(WINDOW-1) mod 2^32: what the byte leaving the rolling window contributed. */
const OUT_FACTOR = powMod32(PRIME, WINDOW - 1);

/** Where, after a match ends, the old record's following bytes are looked for in the new one (offsets past the end). */
const RESYNC_ANCHORS = [0, 64, 512, 4096];

/**
 * Encodes `next` as copies from `previous` and literals. Never larger than `next` plus a few bytes per op.
 *
 * Two ways to find matches. After a match ends, the bytes that followed it in `previous` are searched for in
 * `next` natively (Buffer.indexOf): a stream that gained a tail, or a field that came after it, is found again at
 * memchr speed, the new bytes between sent as one literal without hashing them. Failing that (and from the
 * start), a rolling hash scans `next` against a sparse index of `previous`.
 */
export function encodeRecordDelta(
  previous: Uint8Array,
  next: Uint8Array,
  sources: readonly DeltaSource[] = [],
): Uint8Array {
  const out = new Writer(64 + (next.length >>> 4), sources);
  out.u32(next.length);
  const prevBuf = Buffer.from(previous.buffer, previous.byteOffset, previous.byteLength);
  const nextBuf = Buffer.from(next.buffer, next.byteOffset, next.byteLength);
  let literalFrom = 0;
  let i = 0;

  /** A match of previous[j..] at next[i..] (WINDOW bytes known equal): extend it both ways and emit it. */
  const emit = (at: number, j: number): number => {
    let start = at;
    let from = j;
    while (start > literalFrom && from > 0 && next[start - 1] === previous[from - 1]) {
      start--;
      from--;
    }
    const length = matchLength(prevBuf, from, nextBuf, start);
    if (start > literalFrom) out.literal(next.subarray(literalFrom, start));
    out.copy(from, length);
    literalFrom = start + length;
    return from + length;
  };

  /** Resynchronises natively on what followed a match in `previous`, as long as it keeps being found. */
  const resync = (prevEnd: number): void => {
    for (;;) {
      let found = false;
      for (const a of RESYNC_ANCHORS) {
        const anchor = prevEnd + a;
        if (anchor + WINDOW > previous.length) break;
        const k = nextBuf.indexOf(prevBuf.subarray(anchor, anchor + WINDOW), literalFrom);
        if (k >= 0) {
          prevEnd = emit(k, anchor);
          found = true;
          break;
        }
      }
      if (!found) return;
    }
  };

  if (next.length >= WINDOW && previous.length >= WINDOW) {
    const { index, filter } = indexOf(previous);
    while (i + WINDOW <= next.length) {
      const hit = scan(next, i, filter, index, previous);
      if (hit < 0) break;
      resync(emit(hit, index.get(windowHash(next, hit))!));
      i = literalFrom;
    }
  }
  if (literalFrom < next.length) out.literal(next.subarray(literalFrom));
  return out.bytes();
}

/**
 * A range its producer knows a record kept from its previous version: previous[from, from + length) equals
 * next[to, to + length). A stream buffer that lost its head and gained a tail is one such copy.
 */
export interface RecordCopy {
  from: number;
  to: number;
  length: number;
}

/**
 * Encodes `next` against `previous` from its producer's word on what it kept, without searching: the cost is
 * proportional to what changed plus a native compare of what did not. Each copy is checked (a producer's stale or
 * wrong hint must never corrupt a record): if any is out of range, overlaps another or does not match, the hints
 * are set aside and the record is searched as usual.
 */
export function encodeRecordDeltaFromCopies(
  previous: Uint8Array,
  next: Uint8Array,
  copies: readonly RecordCopy[],
  sources: readonly DeltaSource[] = [],
): Uint8Array {
  const prevBuf = Buffer.from(previous.buffer, previous.byteOffset, previous.byteLength);
  const nextBuf = Buffer.from(next.buffer, next.byteOffset, next.byteLength);
  const sorted = [...copies].filter((c) => c.length > 0).sort((a, b) => a.to - b.to);
  let end = 0;
  for (const c of sorted) {
    const sane =
      Number.isSafeInteger(c.from) &&
      Number.isSafeInteger(c.to) &&
      Number.isSafeInteger(c.length) &&
      c.from >= 0 &&
      c.to >= end &&
      c.from + c.length <= previous.length &&
      c.to + c.length <= next.length &&
      prevBuf.compare(nextBuf, c.to, c.to + c.length, c.from, c.from + c.length) === 0;
    if (!sane) return encodeRecordDelta(previous, next, sources);
    end = c.to + c.length;
  }
  const out = new Writer(
    64 + (next.length - sorted.reduce((n, c) => n + c.length, 0)) + 13 * sorted.length,
    sources,
  );
  out.u32(next.length);
  let at = 0;
  for (const c of sorted) {
    if (c.to > at) out.literal(next.subarray(at, c.to));
    out.copy(c.from, c.length);
    at = c.to + c.length;
  }
  if (at < next.length) out.literal(next.subarray(at));
  return out.bytes();
}

/**
 * A record as the parts its producer keeps it in (a socket buffer's segments, held packets), by reference: a
 * producer never writes to a part once it has handed it over, so a part seen in the previous version of the record
 * is known to the receiver without comparing a byte, and a record of 16 MiB of buffers that gained a few segments
 * costs those segments, not a 16 MiB copy and compare.
 */
export interface RecordParts {
  readonly parts: readonly Uint8Array[];
  /** The sum of the parts' lengths. */
  readonly length: number;
}

/** A record's bytes: flat, or in immutable parts. */
export type RecordBytes = Uint8Array | RecordParts;

export function recordLength(record: RecordBytes): number {
  return record instanceof Uint8Array ? record.length : record.length;
}

/** The record's bytes in one array (the parts copied once; a flat record as it is). */
export function flattenRecord(record: RecordBytes): Uint8Array {
  if (record instanceof Uint8Array) return record;
  if (record.parts.length === 1 && record.parts[0].length === record.length) return record.parts[0];
  const out = new Uint8Array(record.length);
  let at = 0;
  for (const p of record.parts) {
    if (at + p.length > out.length) throw new RangeError(`record parts exceed their length ${record.length}`);
    out.set(p, at);
    at += p.length;
  }
  if (at !== record.length) throw new RangeError(`record parts hold ${at} of ${record.length} bytes`);
  return out;
}

/**
 * Encodes `next` against `previous` by the identity of their parts: a part of `next` that was a part of
 * `previous` (the same array: immutable, so the same bytes) is a copy, found without comparing; the rest are
 * literals (searched for in `sources`). Cost: the number of parts plus the new bytes.
 */
export function encodeRecordDeltaFromParts(
  previous: RecordParts,
  next: RecordParts,
  sources: readonly DeltaSource[] = [],
): Uint8Array {
  const known = partOffsets(previous);
  const nextOffsets = new Map<Uint8Array, number>();
  const out = new Writer(64, sources);
  out.u32(next.length);
  let copyFrom = 0;
  let copyLength = 0;
  let literal: Uint8Array[] = [];
  let literalLength = 0;
  const flushCopy = () => {
    if (copyLength > 0) out.copy(copyFrom, copyLength);
    copyLength = 0;
  };
  const flushLiteral = () => {
    if (literalLength > 0) out.literal(flattenRecord({ parts: literal, length: literalLength }));
    literal = [];
    literalLength = 0;
  };
  let total = 0;
  for (const p of next.parts) {
    if (p.length === 0) continue;
    nextOffsets.set(p, total);
    total += p.length;
    const at = known.get(p);
    if (at !== undefined) {
      flushLiteral();
      if (copyLength > 0 && copyFrom + copyLength === at) copyLength += p.length;
      else {
        flushCopy();
        copyFrom = at;
        copyLength = p.length;
      }
    } else {
      flushCopy();
      literal.push(p);
      literalLength += p.length;
    }
  }
  if (total !== next.length) throw new RangeError(`record parts hold ${total} of ${next.length} bytes`);
  flushCopy();
  flushLiteral();
  offsetsOf.set(next, nextOffsets); // the next epoch's base
  return out.bytes();
}

/** Each part's offset in its record, by the part (kept for the record that becomes the next one's base). */
const offsetsOf = new WeakMap<RecordParts, Map<Uint8Array, number>>();

function partOffsets(record: RecordParts): Map<Uint8Array, number> {
  const cached = offsetsOf.get(record);
  if (cached !== undefined) return cached;
  const offsets = new Map<Uint8Array, number>();
  let at = 0;
  for (const p of record.parts) {
    if (p.length > 0) offsets.set(p, at);
    at += p.length;
  }
  if (at !== record.length) throw new RangeError(`record parts hold ${at} of ${record.length} bytes`);
  offsetsOf.set(record, offsets);
  return offsets;
}

/**
 * Rebuilds the record `delta` encodes against `previous` (and the receiver's other records by slot, for copies
 * between records). Throws RecordDeltaError on anything inconsistent, including a claimed length its ops could
 * not produce or beyond `maxLength` (so garbage allocates nothing big), and a slot `others` does not hold.
 */
export function applyRecordDelta(
  previous: Uint8Array,
  delta: Uint8Array,
  maxLength = 256 << 20,
  others: readonly (Uint8Array | undefined)[] = [],
): Uint8Array {
  let out = new Uint8Array(0);
  let at = 0;
  readDelta(delta, previous.length, maxLength, others, {
    start: (length) => void (out = new Uint8Array(length)),
    copy: (from, n) => {
      out.set(previous.subarray(from, from + n), at);
      at += n;
    },
    bytes: (bytes) => {
      out.set(bytes, at);
      at += bytes.length;
    },
  });
  return out;
}

/**
 * As `applyRecordDelta`, into parts (see RecordParts): what the delta copies from `previous` stays views of its
 * parts, only the new bytes are copied. For a receiver that keeps a record of big buffers that change at the
 * edges (the speculation buffer), an epoch costs what changed instead of a rebuild of the whole record.
 */
export function applyRecordDeltaAsParts(
  previous: RecordBytes,
  delta: Uint8Array,
  maxLength = 256 << 20,
  others: readonly (Uint8Array | undefined)[] = [],
): RecordParts {
  const base = previous instanceof Uint8Array ? [previous] : previous.parts;
  const starts: number[] = [];
  let baseLength = 0;
  for (const p of base) {
    starts.push(baseLength);
    baseLength += p.length;
  }
  const parts: Uint8Array[] = [];
  const push = (v: Uint8Array) => {
    const last = parts.at(-1);
    // Views that continue each other in one buffer are joined, so a rope does not fray epoch after epoch.
    if (last !== undefined && last.buffer === v.buffer && last.byteOffset + last.length === v.byteOffset)
      parts[parts.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + v.length);
    else parts.push(v);
  };
  let length = 0;
  readDelta(delta, baseLength, maxLength, others, {
    start: (n) => void (length = n),
    copy: (from, n) => {
      let i = partAt(starts, from);
      let skip = from - starts[i];
      while (n > 0) {
        const p = base[i++];
        const take = Math.min(n, p.length - skip);
        if (take > 0) push(p.subarray(skip, skip + take));
        n -= take;
        skip = 0;
      }
    },
    // The delta is a view of a body its receiver reuses: new bytes are copied (what changed, no more).
    bytes: (bytes) => push(bytes.slice()),
  });
  return { parts, length };
}

/** The index of the part holding offset `at` (starts ascending, starts[0] = 0). */
function partAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where a delta's ops go: the record length first, then copies from the base and bytes from elsewhere in order. */
interface DeltaSink {
  start(length: number): void;
  copy(from: number, length: number): void;
  /** A literal (a view of the delta) or a copy from another record (a view of it). */
  bytes(bytes: Uint8Array): void;
}

/** Validates a delta op by op while feeding `sink`; throws RecordDeltaError on anything inconsistent. */
function readDelta(
  delta: Uint8Array,
  previousLength: number,
  maxLength: number,
  others: readonly (Uint8Array | undefined)[],
  sink: DeltaSink,
): void {
  const view = new DataView(delta.buffer, delta.byteOffset, delta.byteLength);
  if (delta.length < 4) throw new RecordDeltaError('record delta shorter than its length field');
  const length = view.getUint32(0, true);
  const largestSource = others.reduce((n, o) => Math.max(n, o?.length ?? 0), previousLength);
  const producible = Math.floor((delta.length - 4) / 9) * largestSource + delta.length;
  if (length > Math.min(producible, maxLength))
    throw new RecordDeltaError(`record delta claims ${length} bytes`);
  sink.start(length);
  let at = 0;
  let pos = 4;
  while (pos < delta.length) {
    const op = delta[pos++];
    if (op === OP_COPY) {
      if (pos + 8 > delta.length) throw new RecordDeltaError('truncated copy');
      const from = view.getUint32(pos, true);
      const n = view.getUint32(pos + 4, true);
      pos += 8;
      if (from + n > previousLength)
        throw new RecordDeltaError(`copy of ${from}+${n} past the base's ${previousLength} bytes`);
      if (at + n > length) throw new RecordDeltaError('copy past the record length');
      sink.copy(from, n);
      at += n;
    } else if (op === OP_LITERAL) {
      if (pos + 4 > delta.length) throw new RecordDeltaError('truncated literal');
      const n = view.getUint32(pos, true);
      pos += 4;
      if (pos + n > delta.length) throw new RecordDeltaError('truncated literal bytes');
      if (at + n > length) throw new RecordDeltaError('literal past the record length');
      if (n > 0) sink.bytes(delta.subarray(pos, pos + n));
      at += n;
      pos += n;
    } else if (op === OP_COPY_OTHER) {
      if (pos + 10 > delta.length) throw new RecordDeltaError('truncated copy from another record');
      const slot = view.getUint16(pos, true);
      const from = view.getUint32(pos + 2, true);
      const n = view.getUint32(pos + 6, true);
      pos += 10;
      const source = others[slot];
      if (source === undefined)
        throw new RecordDeltaError(`copy from record slot ${slot}, which is not held`);
      if (from + n > source.length)
        throw new RecordDeltaError(`copy of ${from}+${n} past slot ${slot}'s ${source.length} bytes`);
      if (at + n > length) throw new RecordDeltaError('copy past the record length');
      if (n > 0) sink.bytes(source.subarray(from, from + n));
      at += n;
    } else throw new RecordDeltaError(`unknown op ${op}`);
  }
  if (at !== length) throw new RecordDeltaError(`delta builds ${at} of ${length} bytes`);
}

/**
 * The rolling-hash scan (a function of its own, over locals only, so that it compiles to a tight loop): the first
 * position from `from` whose WINDOW bytes equal those at an indexed offset of `previous`, or -1.
 */
function scan(
  next: Uint8Array,
  from: number,
  filter: Int32Array,
  index: Map<number, number>,
  previous: Uint8Array,
): number {
  const last = next.length - WINDOW;
  let h = windowHash(next, from);
  for (let i = from; i <= last; i++) {
    if ((filter[(h >>> 12) & FILTER_MASK] & (1 << (h & 31))) !== 0) {
      const j = index.get(h);
      if (j !== undefined && equalRange(previous, j, next, i, WINDOW)) return i;
    }
    if (i < last) h = (Math.imul(h - Math.imul(next[i], OUT_FACTOR), PRIME) + next[i + WINDOW]) >>> 0;
  }
  return -1;
}

/** The filter has 2^20 bits: sparse enough that a scanned position rarely costs a map lookup. */
const FILTER_MASK = (1 << 15) - 1;

/**
 * Offsets of `previous` at every STRIDE, by the hash of the WINDOW bytes there (first offset wins), and a bit
 * filter of the hashes' low 20 bits that spares most scanned positions the map lookup.
 */
function indexOf(previous: Uint8Array): { index: Map<number, number>; filter: Int32Array } {
  const index = new Map<number, number>();
  const filter = new Int32Array(FILTER_MASK + 1);
  for (let j = 0; j + WINDOW <= previous.length; j += STRIDE) {
    const h = windowHash(previous, j);
    if (!index.has(h)) index.set(h, j);
    filter[(h >>> 12) & FILTER_MASK] |= 1 << (h & 31);
  }
  return { index, filter };
}

/** Polynomial hash of bytes[at..at+WINDOW), the same function the rolling update keeps. */
function windowHash(bytes: Uint8Array, at: number): number {
  let h = 0;
  for (let k = 0; k < WINDOW; k++) h = (Math.imul(h, PRIME) + bytes[at + k]) >>> 0;
  return h;
}

function equalRange(a: Uint8Array, ai: number, b: Uint8Array, bi: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[ai + k] !== b[bi + k]) return false;
  return true;
}

/** How far previous[from..] and next[at..] agree: compared natively in blocks, then byte by byte. */
function matchLength(previous: Buffer, from: number, next: Buffer, at: number): number {
  const max = Math.min(previous.length - from, next.length - at);
  let n = 0;
  for (let block = 4096; block >= 64; block >>= 4) {
    while (
      n + block <= max &&
      previous.compare(next, at + n, at + n + block, from + n, from + n + block) === 0
    )
      n += block;
  }
  while (n < max && previous[from + n] === next[at + n]) n++;
  return n;
}

function powMod32(base: number, exp: number): number {
  let r = 1;
  for (let k = 0; k < exp; k++) r = Math.imul(r, base) >>> 0;
  return r;
}

class Writer {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;
  private readonly sources: ReadonlyArray<{ slot: number; bytes: Buffer }>;

  constructor(capacity: number, sources: readonly DeltaSource[] = []) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
    for (const s of sources)
      if (!Number.isInteger(s.slot) || s.slot < 0 || s.slot > 0xffff)
        throw new RangeError(`delta source slot ${s.slot} is not a u16`);
    this.sources = sources
      .filter((s) => s.bytes.length >= WINDOW)
      .map((s) => ({
        slot: s.slot,
        bytes: Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength),
      }));
  }

  u32(x: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, x, true);
    this.pos += 4;
  }

  copy(from: number, length: number): void {
    this.ensure(9);
    this.buf[this.pos++] = OP_COPY;
    this.u32(from);
    this.u32(length);
  }

  /**
   * New bytes: copies from a source where they are found there (a run found once is followed natively for as
   * long as it goes on), literal bytes for the rest.
   */
  literal(bytes: Uint8Array): void {
    if (this.sources.length === 0 || bytes.length < SOURCE_MIN_LITERAL) return this.rawLiteral(bytes);
    const lit = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let emitted = 0;
    let at = 0;
    // Searches are bounded (a run found is followed natively): SOURCE_ATTEMPTS that find nothing long, and one
    // per 64 KiB of literal in all.
    let misses = 0;
    let searches = SOURCE_ATTEMPTS + (lit.length >>> 16);
    while (misses < SOURCE_ATTEMPTS && searches-- > 0 && lit.length - at >= SOURCE_MIN_LITERAL) {
      const needle = lit.subarray(at, at + WINDOW);
      let found = false;
      for (const { slot, bytes: source } of this.sources) {
        const k = source.indexOf(needle);
        if (k < 0) continue;
        let start = at;
        let from = k;
        while (start > emitted && from > 0 && lit[start - 1] === source[from - 1]) {
          start--;
          from--;
        }
        const n = matchLength(source, from, lit, start);
        if (start > emitted) this.rawLiteral(lit.subarray(emitted, start));
        this.copyOther(slot, from, n);
        emitted = at = start + n;
        found = n >= SOURCE_MIN_LITERAL;
        break;
      }
      if (!found) {
        // Further in: the run may start after a header the source does not hold.
        misses++;
        at += SOURCE_MIN_LITERAL;
      }
    }
    if (emitted < lit.length) this.rawLiteral(lit.subarray(emitted));
  }

  private copyOther(slot: number, from: number, length: number): void {
    this.ensure(11);
    this.buf[this.pos++] = OP_COPY_OTHER;
    this.view.setUint16(this.pos, slot, true);
    this.pos += 2;
    this.u32(from);
    this.u32(length);
  }

  private rawLiteral(bytes: Uint8Array): void {
    this.ensure(5 + bytes.length);
    this.buf[this.pos++] = OP_LITERAL;
    this.u32(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = Math.max(64, this.buf.length * 2);
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}
