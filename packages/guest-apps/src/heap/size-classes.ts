/**
 * Free-list bins of the guest heap, dlmalloc-style: exact bins for small chunks (one per 8-byte size up to 504),
 * then four log-spaced bins per power of two. Any chunk in a bin above a request's own bin is big enough for it,
 * so a bitmap of non-empty bins finds a fit in O(bins / 32) word reads.
 */

/** Chunks are multiples of 8 bytes: 8-byte header, 8-byte-aligned payload. */
export const CHUNK_ALIGN = 8;
/** A free chunk holds header (8), next and previous links (8) and a footer (4), rounded up to 8. */
export const MIN_CHUNK = 24;
const SMALL_LIMIT = 512;
const FIRST_LARGE_BIN = SMALL_LIMIT / CHUNK_ALIGN; // 64
const FIRST_LARGE_LOG2 = 9; // 512 = 2^9
/** Bins for sizes below 2^32: 64 small ones, then 4 per power of two from 2^9 to 2^31. */
export const BIN_COUNT = FIRST_LARGE_BIN + (32 - FIRST_LARGE_LOG2) * 4; // 156
export const BINMAP_WORDS = Math.ceil(BIN_COUNT / 32);

/** The bin a chunk of `size` bytes (a multiple of 8, at least MIN_CHUNK) belongs in. */
export function binIndex(size: number): number {
  if (size < SMALL_LIMIT) return size >>> 3;
  const log2 = 31 - Math.clz32(size);
  const quarter = (size >>> (log2 - 2)) & 3;
  return FIRST_LARGE_BIN + (log2 - FIRST_LARGE_LOG2) * 4 + quarter;
}

/** Small bins hold one size only, so their head always fits; large bins must be searched. */
export function isExactBin(bin: number): boolean {
  return bin < FIRST_LARGE_BIN;
}

/** Chunk size for a request of `bytes` payload bytes. */
export function chunkSizeFor(bytes: number): number {
  return Math.max(MIN_CHUNK, Math.ceil((bytes + 8) / CHUNK_ALIGN) * CHUNK_ALIGN); // no 32-bit bit ops: sizes reach 4 GiB
}
