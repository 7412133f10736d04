import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import {
  MAX_ENCODED_PAGE_BYTES,
  PAGE_BYTES,
  PageDecodeError,
  PageEncoding,
  decodePage,
  encodePage,
} from './page-codec.ts';

function randomPage(rng: SeededRandom): Uint8Array {
  return Uint8Array.from({ length: PAGE_BYTES }, () => rng.int(0, 255));
}

/** A copy of `page` with `writes` random writes of 1-64 bytes (how guest code dirties a page). */
function mutated(rng: SeededRandom, page: Uint8Array, writes: number): Uint8Array {
  const out = page.slice();
  for (let w = 0; w < writes; w++) {
    const at = rng.int(0, PAGE_BYTES - 1);
    const len = Math.min(rng.int(1, 64), PAGE_BYTES - at);
    for (let i = 0; i < len; i++) out[at + i] = rng.int(0, 255);
  }
  return out;
}

function roundTrip(page: Uint8Array, previous: Uint8Array | undefined) {
  const out = new Uint8Array(MAX_ENCODED_PAGE_BYTES + 16);
  const { encoding, length } = encodePage(page, previous, out, 16);
  expect(length).toBeLessThanOrEqual(MAX_ENCODED_PAGE_BYTES);
  const target = previous ? previous.slice() : new Uint8Array(PAGE_BYTES).fill(0xee);
  decodePage(encoding, out.subarray(16, 16 + length), target);
  expect(Buffer.from(target).equals(Buffer.from(page))).toBe(true);
  return { encoding, length };
}

describe('page codec', () => {
  it('sends a zero page as nothing, whatever the receiver held', () => {
    const rng = new SeededRandom(1);
    expect(roundTrip(new Uint8Array(PAGE_BYTES), randomPage(rng))).toEqual({
      encoding: PageEncoding.Zero,
      length: 0,
    });
    expect(roundTrip(new Uint8Array(PAGE_BYTES), undefined)).toEqual({
      encoding: PageEncoding.Zero,
      length: 0,
    });
  });

  it('sends a few small writes as a small XOR delta against the receiver’s copy', () => {
    const rng = new SeededRandom(2);
    for (let trial = 0; trial < 200; trial++) {
      const old = randomPage(rng);
      const page = mutated(rng, old, rng.int(1, 4));
      const { encoding, length } = roundTrip(page, old);
      expect(encoding).toBe(PageEncoding.Delta);
      expect(length).toBeLessThan(4 * 64 + 40);
    }
  });

  it('sends an unchanged dirty page as a two-byte delta', () => {
    const page = randomPage(new SeededRandom(3));
    expect(roundTrip(page, page.slice())).toEqual({ encoding: PageEncoding.Delta, length: 3 });
  });

  it('sends a mostly-zero page without a known copy run-length coded, and random data raw', () => {
    const sparse = new Uint8Array(PAGE_BYTES);
    sparse.set([1, 2, 3, 4, 5], 100);
    sparse.set([9, 9], 4000);
    expect(roundTrip(sparse, undefined).encoding).toBe(PageEncoding.Sparse);
    expect(roundTrip(sparse, undefined).length).toBeLessThan(32);
    const noisy = randomPage(new SeededRandom(4));
    expect(roundTrip(noisy, undefined)).toEqual({ encoding: PageEncoding.Raw, length: PAGE_BYTES });
    // A rewrite of the whole page gains nothing from a delta: it goes raw rather than depend on the copy.
    expect(roundTrip(randomPage(new SeededRandom(5)), noisy).encoding).toBe(PageEncoding.Raw);
  });

  it('round-trips pages at any memory alignment, and runs of every length at word boundaries', () => {
    const rng = new SeededRandom(6);
    const backing = new Uint8Array(PAGE_BYTES * 2 + 8);
    for (let offset = 0; offset < 4; offset++) {
      const page = backing.subarray(offset, offset + PAGE_BYTES);
      page.set(mutated(rng, new Uint8Array(PAGE_BYTES), 30));
      const old = mutated(rng, page, 3);
      roundTrip(page, old);
      roundTrip(page, undefined);
    }
    for (const runWords of [1, 127, 128, 129, 1023, 1024]) {
      const page = new Uint8Array(PAGE_BYTES);
      page.fill(7, 0, runWords * 4);
      roundTrip(page, undefined);
      const shifted = new Uint8Array(PAGE_BYTES);
      shifted.fill(7, PAGE_BYTES - runWords * 4);
      roundTrip(shifted, new Uint8Array(PAGE_BYTES).fill(1));
    }
  });

  it('rejects every malformed encoding with a PageDecodeError, never writing outside the page', () => {
    const target = new Uint8Array(PAGE_BYTES);
    const bad: [number, number[]][] = [
      [PageEncoding.Zero, [0]],
      [PageEncoding.Raw, [1, 2, 3]],
      [PageEncoding.Delta, []],
      [PageEncoding.Delta, [0, 0]], // an empty run
      [PageEncoding.Delta, [0x80, 0x08, 0x01, 1, 2, 3, 4]], // 1024 zero words, then one literal too many
      [PageEncoding.Sparse, [0x80, 0x00, 0x00]], // non-minimal varint
      [PageEncoding.Sparse, [0, 5, 1, 2, 3]], // literal run past the end
      [PageEncoding.Sparse, [0x80, 0x08, 0x00, 0xff]], // trailing byte
      [PageEncoding.Sparse, [0x10]], // runs stop short of the page
      [9, []],
    ];
    for (const [encoding, data] of bad) {
      expect(() => decodePage(encoding, Uint8Array.from(data), target), JSON.stringify(data)).toThrow(
        PageDecodeError,
      );
    }
  });

  it('never throws anything but PageDecodeError on random and mutated encodings (fuzz)', () => {
    const rng = new SeededRandom(7);
    const out = new Uint8Array(MAX_ENCODED_PAGE_BYTES);
    const target = new Uint8Array(PAGE_BYTES);
    let rejected = 0;
    const base = randomPage(rng);
    for (let i = 0; i < 20_000; i++) {
      const old = mutated(rng, base, 8);
      const { encoding, length } = encodePage(mutated(rng, old, rng.int(1, 5)), old, out, 0);
      const data = out.slice(0, length);
      for (let m = rng.int(1, 3); m > 0 && data.length > 0; m--)
        data[rng.int(0, data.length - 1)] = rng.int(0, 255);
      const cut = rng.next() < 0.2 ? data.subarray(0, rng.int(0, data.length)) : data;
      try {
        decodePage(rng.next() < 0.1 ? rng.int(0, 5) : encoding, cut, target);
      } catch (e) {
        if (!(e instanceof PageDecodeError)) throw e;
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1000); // the damage was noticed, not silently applied
  });
});
