/**
 * Out-of-order receive queue (RFC 9293 §3.10.7.4 "segment text"): holds segments above RCV.NXT until the gap
 * before them fills, and reports what it holds as SACK blocks (RFC 2018 §4), most recently changed first.
 *
 * The queue is kept as its SACK blocks: maximal runs of contiguous bytes, each the pieces that fill it. A block
 * is found by binary search and an insert touches only the blocks it overlaps or abuts, so a segment costs
 * O(log holes + blocks merged), not a walk of every held segment: a 4 MiB window at 2% loss holds ~3000
 * segments in ~60 blocks.
 */
import { seqAdd, seqDiff, seqGt, seqLe, seqLt } from './seq.ts';

interface Piece {
  seq: number;
  data: Uint8Array;
}

/** A maximal run [seq, end) of held bytes, in the pieces that filled it (disjoint, in sequence order). */
interface Block {
  seq: number;
  end: number;
  pieces: Piece[];
}

export class ReassemblyQueue {
  /** Disjoint, non-adjacent blocks in sequence order. */
  private blocks: Block[] = [];
  private bytes = 0;
  /** Left edges of recently changed blocks, newest first (RFC 2018: first block reports the newest segment). */
  private recent: number[] = [];

  get size(): number {
    return this.bytes;
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  /** Inserts data at seq (already trimmed to the receive window and above rcvNxt), dropping overlaps. */
  insert(seq: number, data: Uint8Array): void {
    const end = seqAdd(seq, data.length);
    // The blocks this insert overlaps or abuts: [first, last).
    const first = this.firstEndingAtOrAfter(seq);
    let last = first;
    while (last < this.blocks.length && seqLe(this.blocks[last].seq, end)) last++;
    // The new bytes: the parts of [seq, end) in the gaps between those blocks.
    const fresh: Piece[] = [];
    let cursor = seq;
    for (let i = first; i < last && seqLt(cursor, end); i++) {
      const b = this.blocks[i];
      if (seqLt(cursor, b.seq)) fresh.push(slice(data, seq, cursor, b.seq));
      if (seqGt(b.end, cursor)) cursor = b.end;
    }
    if (seqLt(cursor, end)) fresh.push(slice(data, seq, cursor, end));
    if (fresh.length === 0) return;
    for (const piece of fresh) this.bytes += piece.data.length;
    // One block replaces the ones touched, its pieces merged in sequence order.
    const pieces: Piece[] = [];
    let k = 0;
    for (let i = first; i < last; i++) {
      const b = this.blocks[i];
      while (k < fresh.length && seqLt(fresh[k].seq, b.seq)) pieces.push(fresh[k++]);
      for (const p of b.pieces) pieces.push(p);
    }
    while (k < fresh.length) pieces.push(fresh[k++]);
    const left = pieces[0].seq;
    const last0 = pieces[pieces.length - 1];
    const merged: Block = { seq: left, end: seqAdd(last0.seq, last0.data.length), pieces };
    this.blocks.splice(first, last - first, merged);
    this.touch(left);
  }

  /** Removes and returns the pieces that now continue rcvNxt, in order. */
  popContiguous(rcvNxt: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let next = rcvNxt;
    let popped = 0;
    while (popped < this.blocks.length && seqLe(this.blocks[popped].seq, next)) {
      for (const p of this.blocks[popped].pieces) {
        this.bytes -= p.data.length;
        const skip = seqDiff(next, p.seq);
        if (skip < p.data.length) {
          out.push(skip > 0 ? p.data.subarray(skip) : p.data);
          next = seqAdd(p.seq, p.data.length);
        }
      }
      popped++;
    }
    if (popped > 0) {
      this.blocks.splice(0, popped);
      this.recent = this.recent.filter((left) => this.blockStartingAt(left) !== undefined);
    }
    return out;
  }

  /** Up to `max` SACK blocks [left, right): the newest first, then the rest in sequence order. */
  sackBlocks(max: number): Array<readonly [number, number]> {
    const chosen: Block[] = [];
    for (const left of this.recent) {
      if (chosen.length >= max) break;
      const b = this.blockContaining(left);
      if (b && !chosen.includes(b)) chosen.push(b);
    }
    for (const b of this.blocks) {
      if (chosen.length >= max) break;
      if (!chosen.includes(b)) chosen.push(b);
    }
    return chosen.map((b) => [b.seq, b.end] as const);
  }

  /** Contents, for snapshots: the pieces in sequence order. */
  entries(): ReadonlyArray<{ readonly seq: number; readonly data: Uint8Array }> {
    return this.blocks.flatMap((b) => b.pieces);
  }

  recentEdges(): readonly number[] {
    return this.recent;
  }

  restore(entries: ReadonlyArray<{ seq: number; data: Uint8Array }>, recent: readonly number[]): void {
    this.blocks = [];
    this.bytes = 0;
    for (const e of entries) {
      const piece = { seq: e.seq, data: e.data };
      const end = seqAdd(e.seq, e.data.length);
      const tail = this.blocks[this.blocks.length - 1];
      if (tail && tail.end === e.seq) {
        tail.pieces.push(piece);
        tail.end = end;
      } else {
        this.blocks.push({ seq: e.seq, end, pieces: [piece] });
      }
      this.bytes += e.data.length;
    }
    this.recent = [...recent];
  }

  /** Index of the first block whose end is at or after seq (it may abut seq), or blocks.length. */
  private firstEndingAtOrAfter(seq: number): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seqLt(this.blocks[mid].end, seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private blockContaining(seq: number): Block | undefined {
    const b = this.blocks[this.firstEndingAtOrAfter(seq)];
    return b && seqLe(b.seq, seq) && seqLt(seq, b.end) ? b : undefined;
  }

  private blockStartingAt(seq: number): Block | undefined {
    const b = this.blockContaining(seq);
    return b && b.seq === seq ? b : undefined;
  }

  private touch(left: number): void {
    this.recent = [left, ...this.recent.filter((l) => l !== left)].slice(0, 4);
    // Keep only edges that still start a block after merging.
    this.recent = this.recent.filter((l) => this.blockStartingAt(l) !== undefined);
  }
}

/** The bytes of data (which starts at `start`) for [from, to). */
function slice(data: Uint8Array, start: number, from: number, to: number): Piece {
  return { seq: from, data: data.subarray(seqDiff(from, start), seqDiff(to, start)) };
}
