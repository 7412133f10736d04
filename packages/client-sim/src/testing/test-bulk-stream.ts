/**
 * A stand-in for guest-apps' seeded bulk stream in tests: position-dependent (every byte is a function of seed and
 * offset, so any split, loss or reordering bug shows), cheap, and not periodic.
 */
export function testBulkStream(seed: number, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let i = 0;
  while (i < length) {
    const at = offset + i;
    const word = Math.floor(at / 4);
    const h = mix(seed, word);
    for (let b = at % 4; b < 4 && i < length; b++, i++) out[i] = (h >>> (8 * b)) & 0xff;
  }
  return out;
}

function mix(seed: number, word: number): number {
  let x = (Math.imul(seed, 0x9e3779b1) ^ word ^ Math.floor(word / 0x100000000)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
