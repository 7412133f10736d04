/**
 * One 4 KiB guest page on the wire, encoded against what the receiver already holds (Remus' page-delta cache,
 * QEMU's XBZRLE): a page that is all zeros costs nothing; a page the receiver holds an older version of travels
 * as the XOR of old and new, run-length coded in 32-bit words (most writes touch a few words of a page); a page
 * the receiver's copy of is unknown travels run-length coded on its own, or raw when that would not be smaller.
 *
 * Run-length format (both DELTA and SPARSE): pairs of (zero words: varint, literal words: varint, then the
 * literal words' bytes), covering exactly 1024 words. Words are little-endian memory order, so bytes round-trip.
 */

export const PAGE_BYTES = 4096;
const PAGE_WORDS = PAGE_BYTES / 4;

/** How a page is encoded. ZERO, SPARSE and RAW stand alone; DELTA needs the receiver's current page. */
export const PageEncoding = { Zero: 0, Delta: 1, Sparse: 2, Raw: 3 } as const;
export type PageEncoding = (typeof PageEncoding)[keyof typeof PageEncoding];

/** Worst case of a run-length coded page: one literal run of every word plus its two varints. */
export const MAX_ENCODED_PAGE_BYTES = PAGE_BYTES + 8;

/** A page decoding failed: the bytes are not a valid encoding (a damaged or hostile checkpoint). */
export class PageDecodeError extends Error {
  override readonly name = 'PageDecodeError';
}

/**
 * Encodes `page` into `out` at `at` for a receiver holding `previous` (undefined when the receiver's copy is
 * unknown). Returns the encoding and the number of bytes written (at most MAX_ENCODED_PAGE_BYTES).
 */
export function encodePage(
  page: Uint8Array,
  previous: Uint8Array | undefined,
  out: Uint8Array,
  at: number,
): { encoding: PageEncoding; length: number } {
  const words = wordsOf(page, scratchA);
  const wo = wordsAt;
  if (isZero(words, wo)) return { encoding: PageEncoding.Zero, length: 0 };
  if (previous !== undefined) {
    const old = wordsOf(previous, scratchB);
    const oo = wordsAt;
    // A delta that is not clearly smaller than the page on its own is not worth the receiver's dependence on
    // its copy; fall through to the standalone forms.
    if (mayRepeat(words, wo, old, oo)) {
      const length = encodeRuns(words, wo, old, oo, out, at, PAGE_BYTES / 2);
      if (length >= 0) return { encoding: PageEncoding.Delta, length };
    }
  }
  if (mayRepeat(words, wo, undefined, 0)) {
    const length = encodeRuns(words, wo, undefined, 0, out, at, PAGE_BYTES - 1);
    if (length >= 0) return { encoding: PageEncoding.Sparse, length };
  }
  out.set(page.subarray(0, PAGE_BYTES), at);
  return { encoding: PageEncoding.Raw, length: PAGE_BYTES };
}

/**
 * Decodes one encoded page into `target` (PAGE_BYTES long). For DELTA, `target` must hold the receiver's current
 * version of the page on entry. Throws PageDecodeError on any malformed input (never writes past `target`).
 */
export function decodePage(encoding: number, data: Uint8Array, target: Uint8Array): void {
  if (target.length !== PAGE_BYTES) throw new RangeError(`target must be ${PAGE_BYTES} bytes`);
  switch (encoding) {
    case PageEncoding.Zero:
      if (data.length !== 0) throw new PageDecodeError(`zero page with ${data.length} bytes of data`);
      target.fill(0);
      return;
    case PageEncoding.Raw:
      if (data.length !== PAGE_BYTES) throw new PageDecodeError(`raw page of ${data.length} bytes`);
      target.set(data);
      return;
    case PageEncoding.Delta:
      decodeRuns(data, target, true);
      return;
    case PageEncoding.Sparse:
      decodeRuns(data, target, false);
      return;
    default:
      throw new PageDecodeError(`unknown page encoding ${encoding}`);
  }
}

// Aligned scratch pages, so any Uint8Array (whatever its byteOffset) can be read as 32-bit words.
const scratchA = new Uint32Array(PAGE_WORDS);
const scratchB = new Uint32Array(PAGE_WORDS);
const scratchOut = new Uint32Array(PAGE_WORDS);

/** Word views of whole buffers, kept for the buffers pages are read from again and again (staging, mirror). */
const bufferWords = new WeakMap<ArrayBufferLike, Uint32Array>();
/** Set by `wordsOf`: the index of the page's first word in the array it returned. */
let wordsAt = 0;

/**
 * The page's 32-bit words: a view of its whole buffer (the page starts at `wordsAt`) when it is aligned, else a
 * copy in `scratch` (`wordsAt` 0). No allocation per page: views are per buffer.
 */
function wordsOf(page: Uint8Array, scratch: Uint32Array): Uint32Array {
  if (page.length < PAGE_BYTES) throw new RangeError(`a page is ${PAGE_BYTES} bytes, got ${page.length}`);
  if ((page.byteOffset & 3) === 0 && (page.buffer.byteLength & 3) === 0) {
    let all = bufferWords.get(page.buffer);
    if (all === undefined) {
      all = new Uint32Array(page.buffer);
      bufferWords.set(page.buffer, all);
    }
    wordsAt = page.byteOffset >>> 2;
    return all;
  }
  new Uint8Array(scratch.buffer).set(page.subarray(0, PAGE_BYTES));
  wordsAt = 0;
  return scratch;
}

/** Words sampled before trying a run-length form: evenly spread, one in 32. */
const SAMPLE_STRIDE = 32;

/**
 * Whether any sampled word equals its `base` word (or is zero, without a base): if none of 32 spread samples
 * does, the page is all but certainly incompressible (a page half unchanged misses every sample with chance
 * 2^-32) and goes raw without a scan. Only the choice of encoding depends on this, never its correctness.
 */
function mayRepeat(words: Uint32Array, wo: number, base: Uint32Array | undefined, bo: number): boolean {
  if (base === undefined) {
    for (let i = 0; i < PAGE_WORDS; i += SAMPLE_STRIDE) if (words[wo + i] === 0) return true;
  } else {
    for (let i = 0; i < PAGE_WORDS; i += SAMPLE_STRIDE) if (words[wo + i] === base[bo + i]) return true;
  }
  return false;
}

function isZero(words: Uint32Array, wo: number): boolean {
  for (let i = 0; i < PAGE_WORDS; i++) if (words[wo + i] !== 0) return false;
  return true;
}

/**
 * Run-length codes the page's words (from `wo`) XOR `base`'s (from `bo`), or the words alone, into out[at...];
 * returns the bytes written, or -1 as soon as they would exceed `limit` (so an incompressible page costs part of
 * one pass, not two full ones).
 */
function encodeRuns(
  words: Uint32Array,
  wo: number,
  base: Uint32Array | undefined,
  bo: number,
  out: Uint8Array,
  at: number,
  limit: number,
): number {
  let pos = at;
  const end = at + limit;
  let i = 0;
  while (i < PAGE_WORDS) {
    const zeroStart = i;
    if (base === undefined) {
      while (i < PAGE_WORDS && words[wo + i] === 0) i++;
    } else {
      while (i < PAGE_WORDS && words[wo + i] === base[bo + i]) i++;
    }
    const literalStart = i;
    // Stop scanning as soon as the run cannot fit.
    const literalEnd = Math.min(PAGE_WORDS, literalStart + ((end - pos - 4) >> 2) + 1);
    if (base === undefined) {
      while (i < literalEnd && words[wo + i] !== 0) i++;
    } else {
      while (i < literalEnd && words[wo + i] !== base[bo + i]) i++;
    }
    if (pos + 4 + (i - literalStart) * 4 > end) return -1;
    pos = writeVarint(out, pos, literalStart - zeroStart);
    pos = writeVarint(out, pos, i - literalStart);
    for (let w = literalStart; w < i; w++) {
      const x = base === undefined ? words[wo + w] : (words[wo + w] ^ base[bo + w]) >>> 0;
      out[pos] = x & 0xff;
      out[pos + 1] = (x >>> 8) & 0xff;
      out[pos + 2] = (x >>> 16) & 0xff;
      out[pos + 3] = x >>> 24;
      pos += 4;
    }
  }
  return pos - at;
}

function decodeRuns(data: Uint8Array, target: Uint8Array, xor: boolean): void {
  const result = xor ? wordsOf(target, scratchOut) : scratchOut.fill(0);
  const ro = xor ? wordsAt : 0;
  let pos = 0;
  let w = 0;
  while (w < PAGE_WORDS) {
    const zeros = readVarint(data, pos);
    const literals = readVarint(data, zeros.next);
    pos = literals.next;
    if (zeros.value + literals.value === 0) throw new PageDecodeError('empty run');
    if (w + zeros.value + literals.value > PAGE_WORDS)
      throw new PageDecodeError(`runs cover more than ${PAGE_WORDS} words`);
    w += zeros.value;
    if (pos + literals.value * 4 > data.length)
      throw new PageDecodeError('literal run past the end of the data');
    for (let k = 0; k < literals.value; k++, w++, pos += 4) {
      const x = (data[pos] | (data[pos + 1] << 8) | (data[pos + 2] << 16) | (data[pos + 3] << 24)) >>> 0;
      result[ro + w] = xor ? (result[ro + w] ^ x) >>> 0 : x;
    }
  }
  if (pos !== data.length) throw new PageDecodeError(`${data.length - pos} bytes after the last run`);
  if (result === scratchOut) target.set(new Uint8Array(scratchOut.buffer));
}

function writeVarint(out: Uint8Array, pos: number, value: number): number {
  while (value >= 0x80) {
    out[pos++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[pos++] = value;
  return pos;
}

/** Reads a varint of at most two bytes (run lengths are at most 1024). */
function readVarint(data: Uint8Array, pos: number): { value: number; next: number } {
  if (pos >= data.length) throw new PageDecodeError('truncated run header');
  const b0 = data[pos];
  if (b0 < 0x80) return { value: b0, next: pos + 1 };
  if (pos + 1 >= data.length) throw new PageDecodeError('truncated run header');
  const b1 = data[pos + 1];
  if (b1 >= 0x80 || b1 === 0) throw new PageDecodeError('run length out of range or not minimal');
  return { value: (b0 & 0x7f) | (b1 << 7), next: pos + 2 };
}
