import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../internal/rng.ts';
import { finishChecksum, internetChecksum, pseudoHeaderSum, sumWords } from './checksum.ts';

const hex = (s: string): Uint8Array =>
  Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (h) => parseInt(h, 16));

/** A straightforward RFC 1071 reference: fold the carry after every addition. */
function referenceChecksum(buf: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < buf.length; i += 2) {
    sum += (buf[i] << 8) | (i + 1 < buf.length ? buf[i + 1] : 0);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return ~sum & 0xffff;
}

describe('internetChecksum (RFC 1071)', () => {
  it('matches the worked example of RFC 1071 §3 (sum ddf2, checksum 220d)', () => {
    const bytes = hex('00 01 f2 03 f4 f5 f6 f7');
    expect(finishChecksum(sumWords(bytes, 0, bytes.length))).toBe(~0xddf2 & 0xffff);
    expect(internetChecksum(bytes)).toBe(0x220d);
  });

  it('computes the header checksum of a known IPv4 header (b861) and verifies to zero with it in place', () => {
    const header = hex('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7');
    expect(internetChecksum(header)).toBe(0xb861);
    header[10] = 0xb8;
    header[11] = 0x61;
    expect(internetChecksum(header)).toBe(0);
  });

  it('pads an odd trailing byte with zero', () => {
    expect(internetChecksum(Uint8Array.of(0x01))).toBe(0xfeff);
    expect(internetChecksum(Uint8Array.of(0x12, 0x34, 0x56))).toBe(~(0x1234 + 0x5600) & 0xffff);
  });

  it('is 0xffff for an empty or all-zero buffer and 0 for all-ones (ones-complement -0)', () => {
    expect(internetChecksum(new Uint8Array(0))).toBe(0xffff);
    expect(internetChecksum(new Uint8Array(8))).toBe(0xffff);
    expect(internetChecksum(new Uint8Array(8).fill(0xff))).toBe(0);
  });

  it('honours start/end sub-ranges, including odd starts', () => {
    const bytes = hex('ff ff 00 01 f2 03 f4 f5 f6 f7 ee');
    expect(internetChecksum(bytes, 2, 10)).toBe(0x220d);
    expect(internetChecksum(bytes, 1, 4)).toBe(referenceChecksum(bytes.subarray(1, 4)));
  });

  it('agrees with the reference on long ranges at every memory alignment and odd length', () => {
    const rng = new SeededRandom(4);
    const backing = Uint8Array.from({ length: 4096 }, () => rng.int(0, 255));
    for (let offset = 0; offset < 8; offset++) {
      for (const len of [63, 64, 65, 66, 67, 1000, 1001, 1499]) {
        // Both a sub-range of an aligned array and a view whose byteOffset is unaligned.
        expect(internetChecksum(backing, offset, offset + len)).toBe(
          referenceChecksum(backing.subarray(offset, offset + len)),
        );
        const view = new Uint8Array(backing.buffer, offset, len);
        expect(internetChecksum(view)).toBe(referenceChecksum(view));
        const seeded = sumWords(view, 0, len, 0x12345);
        expect(finishChecksum(seeded)).toBe(finishChecksum(0x12345 + sumWords(view, 0, len)));
      }
    }
  });

  it('agrees with the reference at every alignment for all-ones and all-zero data (the folding edge cases)', () => {
    for (const fill of [0x00, 0xff]) {
      const backing = new Uint8Array(2048).fill(fill);
      for (let offset = 0; offset < 8; offset++) {
        for (const len of [64, 65, 66, 67, 1501]) {
          const view = new Uint8Array(backing.buffer, offset, len);
          expect(internetChecksum(view), `fill ${fill} offset ${offset} len ${len}`).toBe(
            referenceChecksum(view),
          );
        }
      }
    }
  });

  it('agrees with a fold-every-step reference on seeded random buffers of every small length', () => {
    const rng = new SeededRandom(1071);
    for (let n = 0; n < 300; n++) {
      const len = n < 64 ? n : rng.int(0, 3000);
      const buf = Uint8Array.from({ length: len }, () => rng.int(0, 255));
      expect(internetChecksum(buf)).toBe(referenceChecksum(buf));
    }
  });

  it('folds very large unfolded sums correctly (a 64 KiB run of 0xffff words)', () => {
    const buf = new Uint8Array(65534).fill(0xff);
    expect(internetChecksum(buf)).toBe(referenceChecksum(buf));
    // sumWords may return a partially folded sum; it must stay congruent modulo 2^16 - 1.
    const sum = sumWords(buf, 0, buf.length);
    expect(sum % 0xffff).toBe((32767 * 0xffff) % 0xffff);
    expect(finishChecksum(sum)).toBe(0);
    // A sum near 2^40 still folds to 16 bits.
    expect(finishChecksum(2 ** 40 + 5)).toBe(~((2 ** 40 + 5) % 0xffff) & 0xffff);
  });

  it('detects every single-bit error in a checksummed buffer', () => {
    const buf = hex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7');
    for (let bit = 0; bit < buf.length * 8; bit++) {
      const copy = buf.slice();
      copy[bit >> 3] ^= 0x80 >> (bit & 7);
      expect(internetChecksum(copy)).not.toBe(0);
    }
  });

  it('sums the TCP pseudo-header: both addresses as 16-bit halves, protocol and length', () => {
    const src = 0xc0a80001;
    const dst = 0xc0a800c7;
    expect(pseudoHeaderSum(src, dst, 6, 29)).toBe(0xc0a8 + 0x0001 + 0xc0a8 + 0x00c7 + 6 + 29);
    const asBytes = hex('c0a8 0001 c0a8 00c7 0006 001d');
    expect(finishChecksum(pseudoHeaderSum(src, dst, 6, 29))).toBe(internetChecksum(asBytes));
  });
});
