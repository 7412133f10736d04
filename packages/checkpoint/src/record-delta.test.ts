/**
 * Record deltas round-trip whatever changed (shifted streams, edits, growth, shrinkage, nothing in common), stay
 * small when a byte stream only moved, and reject malformed or mismatched deltas with RecordDeltaError.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import {
  RecordDeltaError,
  applyRecordDelta,
  encodeRecordDelta,
  encodeRecordDeltaFromCopies,
} from './record-delta.ts';

const seeded = (seed: number) => {
  const rng = new SeededRandom(seed);
  return () => rng.next();
};
const randomBytes = (random: () => number, n: number) =>
  Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('record delta', () => {
  it('sends a byte stream that lost its head and gained a tail as little more than the new tail', () => {
    const random = seeded(1);
    // A kernel record: a few header fields, then a 4 MiB send buffer, then a small receive buffer.
    const stream = randomBytes(random, 4 << 20);
    const before = concat(randomBytes(random, 200), stream, randomBytes(random, 3000));
    const appended = randomBytes(random, 60_000);
    const after = concat(
      randomBytes(random, 200),
      stream.subarray(300_001),
      appended,
      randomBytes(random, 3000),
    );
    const delta = encodeRecordDelta(before, after);
    expect(applyRecordDelta(before, delta)).toEqual(after);
    expect(delta.length).toBeLessThan(200 + 60_000 + 3000 + 200);
  });

  it("from its producer's copies, sends a moved stream as its new tail without searching", () => {
    const random = seeded(3);
    const stream = randomBytes(random, 1 << 20);
    const before = concat(randomBytes(random, 100), stream);
    const tail = randomBytes(random, 5000);
    const after = concat(randomBytes(random, 120), stream.subarray(4000), tail);
    const copies = [{ from: 100 + 4000, to: 120, length: stream.length - 4000 }];
    const delta = encodeRecordDeltaFromCopies(before, after, copies);
    expect(applyRecordDelta(before, delta)).toEqual(after);
    expect(delta.length).toBeLessThan(120 + 5000 + 40);
  });

  it('never trusts a wrong copy: out of range, overlapping or mismatched hints fall back to a search', () => {
    const random = seeded(4);
    const before = randomBytes(random, 50_000);
    const after = concat(before.subarray(1000, 30_000), randomBytes(random, 700));
    const bad = [
      [{ from: 1001, to: 0, length: 29_000 }], // off by one: bytes differ
      [{ from: 1000, to: 0, length: 60_000 }], // past both ends
      [{ from: -1, to: 0, length: 10 }],
      [
        { from: 1000, to: 0, length: 20_000 },
        { from: 20_000, to: 19_000, length: 100 }, // overlaps the first
      ],
      [{ from: 1000.5, to: 0, length: 10 }],
    ];
    for (const copies of bad) {
      const delta = encodeRecordDeltaFromCopies(before, after, copies);
      expect(applyRecordDelta(before, delta)).toEqual(after);
      expect(delta.length).toBeLessThan(2000); // and the search still found the shared run
    }
  });

  it('round-trips random edits, insertions, deletions and unrelated records', () => {
    const random = seeded(2);
    for (let round = 0; round < 200; round++) {
      const previous = randomBytes(random, Math.floor(random() * 20_000));
      let next = previous.slice();
      const edits = Math.floor(random() * 6);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (next.length + 1));
        const kind = Math.floor(random() * 4);
        const n = Math.floor(random() * 500);
        if (kind === 0) next = concat(next.subarray(0, at), randomBytes(random, n), next.subarray(at));
        else if (kind === 1)
          next = concat(next.subarray(0, at), next.subarray(Math.min(next.length, at + n)));
        else if (kind === 2) next.fill(Math.floor(random() * 256), at, at + n);
        else next = randomBytes(random, n * 10);
      }
      const delta = encodeRecordDelta(previous, next);
      expect(applyRecordDelta(previous, delta)).toEqual(next);
    }
    expect(
      applyRecordDelta(new Uint8Array(0), encodeRecordDelta(new Uint8Array(0), new Uint8Array(0))),
    ).toEqual(new Uint8Array(0));
  });

  it('copies repeated content (zeros, patterns) without confusing offsets', () => {
    const previous = new Uint8Array(100_000);
    const next = concat(new Uint8Array(70_000), Uint8Array.of(1, 2, 3), new Uint8Array(50_000));
    const delta = encodeRecordDelta(previous, next);
    expect(applyRecordDelta(previous, delta)).toEqual(next);
    expect(delta.length).toBeLessThan(100);
  });

  it('rejects malformed deltas and deltas against the wrong base, never anything but RecordDeltaError', () => {
    const random = seeded(3);
    const previous = randomBytes(random, 5000);
    const next = concat(previous.subarray(100), randomBytes(random, 100));
    const delta = encodeRecordDelta(previous, next);
    expect(() => applyRecordDelta(previous.subarray(0, 1000), delta)).toThrow(RecordDeltaError);
    expect(() => applyRecordDelta(previous, delta.subarray(0, delta.length - 1))).toThrow(RecordDeltaError);
    expect(() => applyRecordDelta(previous, Uint8Array.of(0xff, 0xff, 0xff, 0x7f, 1))).toThrow(
      /claims|truncated/,
    );
    for (let k = 0; k < 20_000; k++) {
      const garbage =
        k % 2 === 0
          ? randomBytes(random, Math.floor(random() * 64))
          : (() => {
              const d = delta.slice();
              for (let m = 0; m < 3; m++) d[Math.floor(random() * d.length)] ^= 1 << Math.floor(random() * 8);
              return d;
            })();
      try {
        const out = applyRecordDelta(previous, garbage);
        expect(out).toBeInstanceOf(Uint8Array); // a flip inside literal bytes still decodes
      } catch (e) {
        expect(e).toBeInstanceOf(RecordDeltaError);
      }
    }
  });
});
