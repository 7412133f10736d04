import { SeededRandom } from '@vmha/guest-tcp';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CRC32_RESIDUE, crc32Combine } from './crc32-combine.ts';

describe('CRC-32 combination', () => {
  it('the CRC of two pieces joined follows from the pieces, at every split of random data', () => {
    const rng = new SeededRandom(5);
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from({ length: rng.int(0, 3000) }, () => rng.int(0, 255));
      const split = rng.int(0, bytes.length);
      const a = bytes.subarray(0, split);
      const b = bytes.subarray(split);
      expect(crc32Combine(crc32(a), crc32(b), b.length), `split ${split} of ${bytes.length}`).toBe(
        crc32(bytes),
      );
    }
  });

  it('a message followed by its own CRC (little-endian) always has the residue as its CRC', () => {
    const rng = new SeededRandom(6);
    for (let round = 0; round < 50; round++) {
      const m = Uint8Array.from({ length: rng.int(0, 500) }, () => rng.int(0, 255));
      const withCrc = new Uint8Array(m.length + 4);
      withCrc.set(m);
      new DataView(withCrc.buffer).setUint32(m.length, crc32(m), true);
      expect(crc32(withCrc)).toBe(CRC32_RESIDUE);
      withCrc[rng.int(0, withCrc.length - 1)] ^= 1 << rng.int(0, 7); // any single-bit error shows
      expect(crc32(withCrc)).not.toBe(CRC32_RESIDUE);
    }
  });

  it('rejects a negative or fractional length', () => {
    expect(() => crc32Combine(1, 2, -1)).toThrow(RangeError);
    expect(() => crc32Combine(1, 2, 1.5)).toThrow(RangeError);
  });
});
