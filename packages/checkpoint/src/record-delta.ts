/**
 * A state record encoded against the receiver's previous version of it: copies of ranges of the old bytes and
 * literal new bytes (rsync's idea, Tridgell 1996, with the old side indexed sparsely). Records such as the guest
 * kernel's hold byte streams that shift between epochs: a TCP send buffer loses its acknowledged head and gains
 * new writes at its tail, so a position-wise XOR would see almost every byte change, while here the unchanged
 * middle is one copy. The cost is proportional to what changed plus a native compare of what did not.
 *
 *   new length u32 | (op u8: 1 = copy: from u32, length u32 | 2 = literal: length u32, bytes)*   (little-endian)
 */

/** A delta that cannot be applied: malformed, or not made against the record given as its base. */
export class RecordDeltaError extends Error {
  override readonly name = 'RecordDeltaError';
}

const OP_COPY = 1;
const OP_LITERAL = 2;
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
export function encodeRecordDelta(previous: Uint8Array, next: Uint8Array): Uint8Array {
  const out = new Writer(64 + (next.length >>> 4));
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
    if (!sane) return encodeRecordDelta(previous, next);
    end = c.to + c.length;
  }
  const out = new Writer(64 + (next.length - sorted.reduce((n, c) => n + c.length, 0)) + 13 * sorted.length);
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
 * Rebuilds the record `delta` encodes against `previous`. Throws RecordDeltaError on anything inconsistent,
 * including a claimed length its ops could not produce or beyond `maxLength` (so garbage allocates nothing big).
 */
export function applyRecordDelta(previous: Uint8Array, delta: Uint8Array, maxLength = 256 << 20): Uint8Array {
  const view = new DataView(delta.buffer, delta.byteOffset, delta.byteLength);
  if (delta.length < 4) throw new RecordDeltaError('record delta shorter than its length field');
  const length = view.getUint32(0, true);
  const producible = Math.floor((delta.length - 4) / 9) * previous.length + delta.length;
  if (length > Math.min(producible, maxLength))
    throw new RecordDeltaError(`record delta claims ${length} bytes`);
  const out = new Uint8Array(length);
  let at = 0;
  let pos = 4;
  while (pos < delta.length) {
    const op = delta[pos++];
    if (op === OP_COPY) {
      if (pos + 8 > delta.length) throw new RecordDeltaError('truncated copy');
      const from = view.getUint32(pos, true);
      const n = view.getUint32(pos + 4, true);
      pos += 8;
      if (from + n > previous.length)
        throw new RecordDeltaError(`copy of ${from}+${n} past the base's ${previous.length} bytes`);
      if (at + n > length) throw new RecordDeltaError('copy past the record length');
      out.set(previous.subarray(from, from + n), at);
      at += n;
    } else if (op === OP_LITERAL) {
      if (pos + 4 > delta.length) throw new RecordDeltaError('truncated literal');
      const n = view.getUint32(pos, true);
      pos += 4;
      if (pos + n > delta.length) throw new RecordDeltaError('truncated literal bytes');
      if (at + n > length) throw new RecordDeltaError('literal past the record length');
      out.set(delta.subarray(pos, pos + n), at);
      at += n;
      pos += n;
    } else throw new RecordDeltaError(`unknown op ${op}`);
  }
  if (at !== length) throw new RecordDeltaError(`delta builds ${at} of ${length} bytes`);
  return out;
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

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
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

  literal(bytes: Uint8Array): void {
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
