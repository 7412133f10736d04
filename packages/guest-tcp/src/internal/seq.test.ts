import { describe, expect, it } from 'vitest';
import { SeededRandom } from './rng.ts';
import { seqAdd, seqDiff, seqGe, seqGt, seqInRange, seqLe, seqLt, seqMax, seqMin } from './seq.ts';

describe('sequence arithmetic modulo 2^32 (RFC 9293 §3.4, RFC 1982)', () => {
  it('adds with wrap-around at 2^32 and accepts negative offsets', () => {
    expect(seqAdd(0xffffffff, 1)).toBe(0);
    expect(seqAdd(0xfffff000, 0x2000)).toBe(0x1000);
    expect(seqAdd(0, -1)).toBe(0xffffffff);
    expect(seqAdd(0x10, -0x20)).toBe(0xfffffff0);
    expect(seqAdd(0x7fffffff, 1)).toBe(0x80000000);
  });

  it('measures signed distances across the wrap', () => {
    expect(seqDiff(0x10, 0xfffffff0)).toBe(0x20);
    expect(seqDiff(0xfffffff0, 0x10)).toBe(-0x20);
    expect(seqDiff(5, 5)).toBe(0);
    expect(seqDiff(0, 0xffffffff)).toBe(1);
    expect(seqDiff(0x7fffffff, 0)).toBe(0x7fffffff);
  });

  it('orders numbers on either side of 2^32', () => {
    const before = 0xfffffff0;
    const after = 0x10;
    expect(seqLt(before, after)).toBe(true);
    expect(seqLe(before, after)).toBe(true);
    expect(seqGt(after, before)).toBe(true);
    expect(seqGe(after, before)).toBe(true);
    expect(seqLt(after, before)).toBe(false);
    expect(seqGt(before, after)).toBe(false);
    expect(seqLe(after, after)).toBe(true);
    expect(seqGe(after, after)).toBe(true);
    expect(seqLt(after, after)).toBe(false);
    expect(seqGt(after, after)).toBe(false);
    expect(seqMax(before, after)).toBe(after);
    expect(seqMin(before, after)).toBe(before);
    expect(seqMax(after, before)).toBe(after);
    expect(seqMin(after, before)).toBe(before);
  });

  it('treats anything up to 2^31 - 1 ahead as later, and 2^31 + 1 ahead as earlier', () => {
    expect(seqLt(0, 0x7fffffff)).toBe(true);
    expect(seqGt(0, 0x80000001)).toBe(true);
    expect(seqLt(0xffffffff, seqAdd(0xffffffff, 0x7fffffff))).toBe(true);
  });

  it('tests half-open ranges that straddle 2^32', () => {
    const lo = 0xffffff00;
    const hi = 0x100;
    expect(seqInRange(lo, lo, hi)).toBe(true);
    expect(seqInRange(0xffffffff, lo, hi)).toBe(true);
    expect(seqInRange(0, lo, hi)).toBe(true);
    expect(seqInRange(0xff, lo, hi)).toBe(true);
    expect(seqInRange(hi, lo, hi)).toBe(false);
    expect(seqInRange(0xfffffeff, lo, hi)).toBe(false);
  });

  it('is consistent for seeded random bases and offsets (|d| < 2^31)', () => {
    const rng = new SeededRandom(1982);
    const failures: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const a = rng.nextU32();
      const d = rng.int(-0x7fffffff, 0x7fffffff);
      const b = seqAdd(a, d);
      const ok =
        b >= 0 &&
        b < 2 ** 32 &&
        seqDiff(b, a) === d &&
        seqLt(a, b) === d > 0 &&
        seqGt(a, b) === d < 0 &&
        seqLe(a, b) === d >= 0 &&
        seqGe(a, b) === d <= 0;
      if (!ok) failures.push(`a=${a} d=${d}`);
    }
    expect(failures).toEqual([]);
  });
});
