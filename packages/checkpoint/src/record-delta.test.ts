/**
 * Record deltas round-trip whatever changed (shifted streams, edits, growth, shrinkage, nothing in common), stay
 * small when a byte stream only moved (within a record, from another record, or as parts kept by reference), and
 * reject malformed or mismatched deltas with RecordDeltaError.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import {
  RecordDeltaError,
  applyRecordDelta,
  applyRecordDeltaAsParts,
  encodeRecordDelta,
  encodeRecordDeltaFromCopies,
  encodeRecordDeltaFromParts,
  flattenRecord,
  type RecordBytes,
  type RecordParts,
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

  it('sends bytes that moved from another record the receiver holds as copies from it, by slot', () => {
    const random = seeded(5);
    // The guest's socket held a stream at the base epoch; the VMM's buffer took 300 KiB of it since.
    const socket = concat(randomBytes(random, 40), randomBytes(random, 1 << 20));
    const previous = concat(randomBytes(random, 64), randomBytes(random, 200_000));
    const fresh = randomBytes(random, 2000);
    const next = concat(
      randomBytes(random, 70),
      previous.subarray(64 + 1000),
      socket.subarray(40, 300_040),
      fresh,
    );
    const sources = [{ slot: 3, bytes: socket }];
    const delta = encodeRecordDeltaFromCopies(
      previous,
      next,
      [{ from: 64 + 1000, to: 70, length: 199_000 }],
      sources,
    );
    expect(delta.length).toBeLessThan(70 + 2000 + 100); // the moved stream is one copy from slot 3
    const others = [undefined, undefined, undefined, socket];
    expect(applyRecordDelta(previous, delta, undefined, others)).toEqual(next);
    expect(flattenRecord(applyRecordDeltaAsParts(previous, delta, undefined, others))).toEqual(next);
    // The searching encoder finds it too.
    const searched = encodeRecordDelta(previous, next, sources);
    expect(searched.length).toBeLessThan(70 + 2000 + 200);
    expect(applyRecordDelta(previous, searched, undefined, others)).toEqual(next);
    // A receiver without that slot, or with something else in it, refuses the delta.
    expect(() => applyRecordDelta(previous, delta)).toThrow(/slot 3, which is not held/);
    expect(() =>
      applyRecordDelta(previous, delta, undefined, [
        undefined,
        undefined,
        undefined,
        socket.subarray(0, 1000),
      ]),
    ).toThrow(RecordDeltaError);
    // New bytes found nowhere stay literal, after a bounded search.
    const noise = randomBytes(random, 100_000);
    const unrelated = encodeRecordDelta(new Uint8Array(0), noise, sources);
    expect(applyRecordDelta(new Uint8Array(0), unrelated, undefined, others)).toEqual(noise);
  });

  it('in parts: kept parts are copies found by identity, new ones literal, rebuilt as views of the base (chained epochs)', () => {
    const random = seeded(9);
    let sender: RecordParts = { parts: [], length: 0 };
    let flat: Uint8Array = new Uint8Array(0);
    let receiver: RecordBytes = new Uint8Array(0);
    let fresh = 0;
    let sent = 0;
    const make = (parts: Uint8Array[]): RecordParts => ({
      parts,
      length: parts.reduce((n, p) => n + p.length, 0),
    });
    // A header part remade each epoch, then a buffer of segments: the head acked away (the first survivor cut
    // part-way, as a queue's consumed head is), new segments at the tail, a held packet or two.
    let segments: Uint8Array[] = [];
    for (let epoch = 0; epoch < 40; epoch++) {
      const drop = Math.floor(random() * Math.min(segments.length, 8));
      segments = segments.slice(drop);
      if (segments.length > 0 && random() < 0.5)
        segments[0] = segments[0].subarray(1 + Math.floor(random() * 10));
      const added = Array.from({ length: Math.floor(random() * 6) }, () =>
        randomBytes(random, 1 + Math.floor(random() * 1500)),
      );
      segments.push(...added);
      const header = randomBytes(random, 30 + Math.floor(random() * 20));
      const next = make([header, ...segments]);
      const delta = epoch === 0 ? undefined : encodeRecordDeltaFromParts(sender, next);
      if (delta === undefined) receiver = flattenRecord(next).slice();
      else {
        expect(applyRecordDelta(flattenRecord(receiver), delta)).toEqual(flattenRecord(next));
        receiver = applyRecordDeltaAsParts(receiver, delta);
        expect(flattenRecord(receiver)).toEqual(flattenRecord(next));
        // What changed: the header, the new segments and a cut head (at most 10 bytes short of a whole segment).
        fresh += header.length + added.reduce((n, p) => n + p.length, 0) + 1500;
        sent += delta.length;
      }
      flat = flattenRecord(next);
      sender = next;
    }
    expect(flattenRecord(receiver)).toEqual(flat);
    expect(sent).toBeLessThan(fresh); // the kept segments cost ops, not bytes
    // Parts handed over are never written: the receiver's rope shares nothing with the sender's memory.
    const senderBuffers = new Set(sender.parts.map((p) => p.buffer));
    expect((receiver as RecordParts).parts.some((p) => senderBuffers.has(p.buffer))).toBe(false);
  });

  it('refuses parts that do not add up to the length they claim', () => {
    const a = Uint8Array.of(1, 2, 3);
    expect(() => flattenRecord({ parts: [a], length: 4 })).toThrow(RangeError);
    expect(() => encodeRecordDeltaFromParts({ parts: [a], length: 3 }, { parts: [a, a], length: 5 })).toThrow(
      RangeError,
    );
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
    // A copy from another record: truncated, or from a slot past what is held.
    expect(() => applyRecordDelta(previous, Uint8Array.of(4, 0, 0, 0, 3, 0, 0, 0))).toThrow(
      /truncated copy from/,
    );
    const fromSlot = Uint8Array.of(4, 0, 0, 0, 3, 1, 0, 0, 0, 0, 0, 4, 0, 0, 0);
    expect(() => applyRecordDelta(previous, fromSlot, undefined, [previous])).toThrow(/slot 1/);
    expect(applyRecordDelta(previous, fromSlot, undefined, [previous, previous])).toEqual(
      previous.subarray(0, 4),
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
        const out = applyRecordDelta(previous, garbage, undefined, [previous]);
        expect(out).toBeInstanceOf(Uint8Array); // a flip inside literal bytes still decodes
        // Rebuilt as parts, the same bytes.
        expect(flattenRecord(applyRecordDeltaAsParts(previous, garbage, undefined, [previous]))).toEqual(out);
      } catch (e) {
        expect(e).toBeInstanceOf(RecordDeltaError);
      }
    }
  });
});
