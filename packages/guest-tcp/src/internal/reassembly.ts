/**
 * Out-of-order receive queue (RFC 9293 §3.10.7.4 "segment text"): holds segments above RCV.NXT until the gap
 * before them fills, and reports what it holds as SACK blocks (RFC 2018 §4), most recently changed first.
 */
import { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt } from './seq.ts';

interface Piece {
  seq: number;
  data: Uint8Array;
}

export class ReassemblyQueue {
  /** Disjoint pieces in sequence order. */
  private pieces: Piece[] = [];
  private bytes = 0;
  /** Left edges of recently changed blocks, newest first (RFC 2018: first block reports the newest segment). */
  private recent: number[] = [];

  get size(): number {
    return this.bytes;
  }

  get isEmpty(): boolean {
    return this.pieces.length === 0;
  }

  /** Inserts data at seq (already trimmed to the receive window and above rcvNxt), dropping overlaps. */
  insert(seq: number, data: Uint8Array): void {
    const end = seqAdd(seq, data.length);
    // Find the first piece that ends after seq.
    let i = 0;
    while (i < this.pieces.length && seqLe(pieceEnd(this.pieces[i]), seq)) i++;
    const out: Piece[] = [];
    let cursor = seq;
    let offset = 0;
    while (i < this.pieces.length && seqLt(this.pieces[i].seq, end)) {
      const p = this.pieces[i];
      if (seqLt(cursor, p.seq)) {
        const n = seqDiff(p.seq, cursor);
        out.push({ seq: cursor, data: data.subarray(offset, offset + n) });
      }
      const pEnd = pieceEnd(p);
      if (seqGe(pEnd, end)) {
        cursor = end;
        break;
      }
      offset += seqDiff(pEnd, cursor);
      cursor = pEnd;
      i++;
    }
    if (seqLt(cursor, end)) out.push({ seq: cursor, data: data.subarray(offset) });
    if (out.length === 0) return;
    for (const piece of out) {
      const at = this.indexFor(piece.seq);
      this.pieces.splice(at, 0, piece);
      this.bytes += piece.data.length;
    }
    this.touch(this.blockContaining(seq)[0]);
  }

  /** Removes and returns the pieces that now continue rcvNxt, in order. */
  popContiguous(rcvNxt: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let next = rcvNxt;
    while (this.pieces.length > 0) {
      const p = this.pieces[0];
      if (seqGt(p.seq, next)) break;
      this.pieces.shift();
      this.bytes -= p.data.length;
      const skip = seqDiff(next, p.seq);
      if (skip < p.data.length) {
        out.push(skip > 0 ? p.data.subarray(skip) : p.data);
        next = pieceEnd(p);
      }
    }
    this.recent = this.recent.filter((left) => this.pieces.some((p) => p.seq === left));
    return out;
  }

  /** Up to `max` SACK blocks [left, right): the newest first, then the rest in sequence order. */
  sackBlocks(max: number): Array<readonly [number, number]> {
    const blocks = this.mergedBlocks();
    const ordered: Array<readonly [number, number]> = [];
    for (const left of this.recent) {
      const b = blocks.find(([l, r]) => seqLe(l, left) && seqLt(left, r));
      if (b && !ordered.includes(b)) ordered.push(b);
      if (ordered.length >= max) return ordered;
    }
    for (const b of blocks) {
      if (!ordered.includes(b)) ordered.push(b);
      if (ordered.length >= max) break;
    }
    return ordered;
  }

  /** Contents, for snapshots. */
  entries(): ReadonlyArray<{ readonly seq: number; readonly data: Uint8Array }> {
    return this.pieces;
  }

  recentEdges(): readonly number[] {
    return this.recent;
  }

  restore(entries: ReadonlyArray<{ seq: number; data: Uint8Array }>, recent: readonly number[]): void {
    this.pieces = entries.map((e) => ({ seq: e.seq, data: e.data }));
    this.bytes = this.pieces.reduce((n, p) => n + p.data.length, 0);
    this.recent = [...recent];
  }

  private mergedBlocks(): Array<readonly [number, number]> {
    const blocks: Array<[number, number]> = [];
    for (const p of this.pieces) {
      const last = blocks[blocks.length - 1];
      if (last && last[1] === p.seq) last[1] = pieceEnd(p);
      else blocks.push([p.seq, pieceEnd(p)]);
    }
    return blocks;
  }

  private blockContaining(seq: number): readonly [number, number] {
    return this.mergedBlocks().find(([l, r]) => seqLe(l, seq) && seqLt(seq, r)) ?? [seq, seq];
  }

  private touch(left: number): void {
    this.recent = [left, ...this.recent.filter((l) => l !== left)].slice(0, 4);
    // Keep only edges that still start a block after merging.
    const lefts = new Set(this.mergedBlocks().map(([l]) => l));
    this.recent = this.recent.filter((l) => lefts.has(l));
  }

  private indexFor(seq: number): number {
    let lo = 0;
    let hi = this.pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seqLt(this.pieces[mid].seq, seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function pieceEnd(p: Piece): number {
  return seqAdd(p.seq, p.data.length);
}
