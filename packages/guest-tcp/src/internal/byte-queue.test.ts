import { describe, expect, it } from 'vitest';
import { ByteQueue } from './byte-queue.ts';
import { SeededRandom } from './rng.ts';

const bytes = (...v: number[]) => Uint8Array.from(v);

describe('ByteQueue', () => {
  it('appends chunks and takes them back in order across chunk boundaries', () => {
    const q = new ByteQueue();
    q.pushOwned(bytes(1, 2, 3));
    q.pushOwned(bytes(4, 5));
    q.pushOwned(bytes(6));
    expect(q.length).toBe(6);
    expect(q.take(2)).toEqual(bytes(1, 2));
    expect(q.take(3)).toEqual(bytes(3, 4, 5));
    expect(q.length).toBe(1);
    expect(q.take()).toEqual(bytes(6));
    expect(q.length).toBe(0);
    expect(q.take()).toEqual(new Uint8Array(0));
  });

  it('ignores empty chunks', () => {
    const q = new ByteQueue();
    q.pushOwned(new Uint8Array(0));
    expect(q.length).toBe(0);
    q.pushOwned(bytes(9));
    q.pushOwned(new Uint8Array(0));
    expect(q.toBytes()).toEqual(bytes(9));
  });

  it('takes a view without copying when one chunk suffices', () => {
    const q = new ByteQueue();
    const chunk = bytes(1, 2, 3, 4);
    q.pushOwned(chunk);
    const v = q.take(2);
    expect(v.buffer).toBe(chunk.buffer);
    expect(q.take(10)).toEqual(bytes(3, 4));
  });

  it('discards from the front, including exactly whole chunks', () => {
    const q = new ByteQueue();
    q.pushOwned(bytes(1, 2));
    q.pushOwned(bytes(3, 4));
    q.discard(2);
    expect(q.toBytes()).toEqual(bytes(3, 4));
    q.discard(1);
    expect(q.toBytes()).toEqual(bytes(4));
    q.discard(1);
    expect(q.length).toBe(0);
    q.discard(0);
    expect(() => q.discard(1)).toThrow(RangeError);
  });

  it('copies any range into a destination without consuming it', () => {
    const q = new ByteQueue();
    q.pushOwned(bytes(1, 2, 3));
    q.pushOwned(bytes(4, 5, 6));
    q.discard(1);
    const dst = new Uint8Array(6);
    q.copyTo(dst, 1, 1, 4);
    expect(dst).toEqual(bytes(0, 3, 4, 5, 6, 0));
    expect(q.length).toBe(5);
    expect(() => q.copyTo(dst, 0, 3, 3)).toThrow(RangeError);
  });

  it('behaves like a flat array under a seeded random mix of operations', () => {
    const rng = new SeededRandom(85);
    const q = new ByteQueue();
    let model: number[] = [];
    let next = 0;
    for (let step = 0; step < 5000; step++) {
      const op = rng.int(0, 3);
      if (op === 0) {
        const chunk = Uint8Array.from({ length: rng.int(0, 50) }, () => next++ & 0xff);
        q.pushOwned(chunk);
        model.push(...chunk);
      } else if (op === 1) {
        const n = rng.int(0, model.length);
        q.discard(n);
        model = model.slice(n);
      } else if (op === 2) {
        const n = rng.int(0, 60);
        expect([...q.take(n)]).toEqual(model.slice(0, n));
        model = model.slice(n);
      } else if (model.length > 0) {
        const off = rng.int(0, model.length - 1);
        const len = rng.int(0, model.length - off);
        const dst = new Uint8Array(len);
        q.copyTo(dst, 0, off, len);
        expect([...dst]).toEqual(model.slice(off, off + len));
      }
      expect(q.length).toBe(model.length);
    }
    expect([...q.toBytes()]).toEqual(model);
  });

  it('stays exact over thousands of chunks consumed a little at a time (the consumed ones dropped in batches)', () => {
    const rng = new SeededRandom(86);
    const q = new ByteQueue();
    const model: number[] = []; // every byte ever queued; the queue holds model[consumed..]
    let consumed = 0;
    let chunks = 0;
    const push = () => {
      const chunk = Uint8Array.from({ length: rng.int(1, 8) }, () => rng.int(0, 255));
      q.pushOwned(chunk);
      model.push(...chunk);
      chunks++;
    };
    const expectRange = (off: number, len: number) => {
      const dst = new Uint8Array(len);
      q.copyTo(dst, 0, off, len);
      for (let k = 0; k < len; k++)
        if (dst[k] !== model[consumed + off + k]) expect(dst[k]).toBe(model[consumed + off + k]);
    };
    for (let i = 0; i < 4000; i++) push();
    for (let step = 0; step < 4000; step++) {
      if (rng.int(0, 3) === 0) push();
      const n = rng.int(0, Math.min(8, q.length));
      q.discard(n);
      consumed += n;
      expect(q.headPosition).toBe(consumed);
      expect(q.length).toBe(model.length - consumed);
      if (q.length > 0) {
        const off = rng.int(0, q.length - 1);
        expectRange(off, rng.int(0, Math.min(500, q.length - off)));
      }
    }
    expect(consumed).toBeGreaterThan(8000); // thousands of chunks consumed: past the first batch drop
    expect(chunks).toBeGreaterThan(4500);
    expectRange(0, q.length);
  });
});
