import { describe, expect, it } from 'vitest';
import { ReassemblyQueue } from './reassembly.ts';
import { SeededRandom } from './rng.ts';
import { seqAdd, seqDiff, seqGt } from './seq.ts';

/** Bytes whose value encodes their sequence number, so misplacement is visible. */
function data(seq: number, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (seq + i) & 0xff);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('ReassemblyQueue', () => {
  it('holds out-of-order pieces until the gap before them fills, then releases them in order', () => {
    const q = new ReassemblyQueue();
    q.insert(200, data(200, 100));
    q.insert(100, data(100, 50));
    expect(q.size).toBe(150);
    expect(q.popContiguous(0)).toEqual([]);
    expect(q.size).toBe(150);
    const out = q.popContiguous(100);
    expect(concat(out)).toEqual(data(100, 50));
    expect(q.size).toBe(100);
    expect(concat(q.popContiguous(150))).toEqual(new Uint8Array(0));
    expect(concat(q.popContiguous(200))).toEqual(data(200, 100));
    expect(q.isEmpty).toBe(true);
    expect(q.size).toBe(0);
  });

  it('keeps the bytes it already holds and stores only the new parts of an overlapping insert', () => {
    const q = new ReassemblyQueue();
    q.insert(100, new Uint8Array(50).fill(1)); // [100,150)
    q.insert(200, new Uint8Array(50).fill(2)); // [200,250)
    q.insert(120, new Uint8Array(150).fill(3)); // [120,270): new only [150,200) and [250,270)
    expect(q.size).toBe(50 + 50 + 50 + 20);
    const all = concat(q.popContiguous(100));
    expect(all.length).toBe(170);
    expect([...all.subarray(0, 50)].every((b) => b === 1)).toBe(true);
    expect([...all.subarray(50, 100)].every((b) => b === 3)).toBe(true);
    expect([...all.subarray(100, 150)].every((b) => b === 2)).toBe(true);
    expect([...all.subarray(150, 170)].every((b) => b === 3)).toBe(true);
  });

  it('ignores an insert wholly covered by what it holds', () => {
    const q = new ReassemblyQueue();
    q.insert(100, data(100, 100));
    q.insert(120, data(120, 10));
    q.insert(100, data(100, 100));
    expect(q.size).toBe(100);
    expect(q.entries().length).toBe(1);
  });

  it('skips what lies below RCV.NXT when releasing, and discards pieces wholly below it', () => {
    const q = new ReassemblyQueue();
    q.insert(100, data(100, 10)); // [100,110): already received
    q.insert(120, data(120, 30)); // [120,150)
    const out = concat(q.popContiguous(130));
    expect(out).toEqual(data(130, 20));
    expect(q.isEmpty).toBe(true);
  });

  it('reports SACK blocks newest first, then the rest in sequence order (RFC 2018 §4)', () => {
    const q = new ReassemblyQueue();
    for (const s of [1000, 3000, 5000, 7000, 9000]) q.insert(s, data(s, 100));
    expect(q.sackBlocks(3)).toEqual([
      [9000, 9100],
      [7000, 7100],
      [5000, 5100],
    ]);
    expect(q.sackBlocks(5)).toEqual([
      [9000, 9100],
      [7000, 7100],
      [5000, 5100],
      [3000, 3100],
      [1000, 1100],
    ]);
    // Extending an older block makes it the newest; adjacent pieces merge into one block.
    q.insert(3100, data(3100, 100));
    expect(q.sackBlocks(2)).toEqual([
      [3000, 3200],
      [9000, 9100],
    ]);
    // Released blocks disappear from the report.
    q.popContiguous(1000);
    expect(q.sackBlocks(4)).toEqual([
      [3000, 3200],
      [9000, 9100],
      [7000, 7100],
      [5000, 5100],
    ]);
  });

  it('works across the 2^32 wrap', () => {
    const q = new ReassemblyQueue();
    const base = 0xffffff80;
    q.insert(0xa0, data(0xa0, 0x40)); // [a0, e0)
    q.insert(base, data(base, 0x100)); // [ffffff80, 80)
    expect(q.sackBlocks(4)).toEqual([
      [base, 0x80],
      [0xa0, 0xe0],
    ]);
    expect(concat(q.popContiguous(base))).toEqual(data(base, 0x100));
    q.insert(0x80, data(0x80, 0x20)); // fills [80, a0): merges with [a0, e0)
    expect(q.sackBlocks(4)).toEqual([[0x80, 0xe0]]);
    expect(concat(q.popContiguous(0x80))).toEqual(data(0x80, 0x60));
    expect(q.isEmpty).toBe(true);
  });

  it('rebuilds the exact stream from seeded random, overlapping, duplicated segments', () => {
    const rng = new SeededRandom(2018);
    const isn = 0xffff0000; // crosses the wrap
    const total = 200_000;
    const source = Uint8Array.from({ length: total }, (_, i) => (i * 31 + 7) & 0xff);
    const q = new ReassemblyQueue();
    let rcvNxt = isn;
    const received: Uint8Array[] = [];
    let delivered = 0;
    while (delivered < total) {
      const off = Math.min(total - 1, delivered + rng.int(-500, 20_000));
      const o = Math.max(0, off);
      const len = Math.min(rng.int(1, 1460), total - o);
      const seq = seqAdd(isn, o);
      const piece = source.slice(o, o + len);
      // Receiver logic: trim what is already received, deliver in order, queue the rest.
      const end = seqAdd(seq, len);
      if (!seqGt(end, rcvNxt)) continue;
      const skip = Math.max(0, seqDiff(rcvNxt, seq));
      if (skip === 0 && seq !== rcvNxt) {
        q.insert(seq, piece);
        continue;
      }
      received.push(piece.subarray(skip));
      rcvNxt = seqAdd(rcvNxt, len - skip);
      for (const p of q.popContiguous(rcvNxt)) {
        received.push(p);
        rcvNxt = seqAdd(rcvNxt, p.length);
      }
      delivered = seqDiff(rcvNxt, isn);
    }
    expect(concat(received)).toEqual(source);
    expect(q.isEmpty).toBe(true);
  });

  it('snapshots and restores its pieces and recency order', () => {
    const q = new ReassemblyQueue();
    q.insert(500, data(500, 10));
    q.insert(100, data(100, 10));
    const copy = new ReassemblyQueue();
    copy.restore(
      q.entries().map((e) => ({ seq: e.seq, data: e.data })),
      q.recentEdges(),
    );
    expect(copy.size).toBe(20);
    expect(copy.sackBlocks(4)).toEqual(q.sackBlocks(4));
  });
});
