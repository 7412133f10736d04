/**
 * The sender's SACK scoreboard (RFC 6675 §3): which bytes above SND.UNA the receiver reported holding.
 * Kept as disjoint, sorted [start, end) ranges; the operations are linear in the (small) number of ranges.
 */
import { seqDiff, seqGt, seqLe, seqLt, seqMax, seqMin } from './seq.ts';

export type SeqRange = [start: number, end: number];

export class SackScoreboard {
  private ranges: SeqRange[] = [];
  private total = 0;

  get sackedBytes(): number {
    return this.total;
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  /** Highest SACKed sequence (end of the top range), if any. */
  get highestSacked(): number | undefined {
    return this.ranges.length ? this.ranges[this.ranges.length - 1][1] : undefined;
  }

  /**
   * Records a SACK block, clipped to (una, max]; blocks outside it are D-SACK or bogus and ignored
   * (RFC 2883 §4: a block below SND.UNA reports a duplicate, not new information).
   * Returns the number of newly SACKed bytes.
   */
  add(start: number, end: number, una: number, max: number): number {
    start = seqMax(start, una);
    end = seqMin(end, max);
    if (!seqLt(start, end)) return 0;
    const before = this.total;
    const merged: SeqRange[] = [];
    let s = start;
    let e = end;
    let inserted = false;
    for (const r of this.ranges) {
      if (seqLt(r[1], s)) merged.push(r);
      else if (seqGt(r[0], e)) {
        if (!inserted) {
          merged.push([s, e]);
          inserted = true;
        }
        merged.push(r);
      } else {
        s = seqMin(s, r[0]);
        e = seqMax(e, r[1]);
      }
    }
    if (!inserted) merged.push([s, e]);
    this.ranges = merged;
    this.total = merged.reduce((n, r) => n + seqDiff(r[1], r[0]), 0);
    return this.total - before;
  }

  /** Forgets everything at or below `una` (cumulatively acknowledged). */
  pruneBelow(una: number): void {
    if (this.ranges.length === 0) return;
    const kept: SeqRange[] = [];
    for (const r of this.ranges) {
      if (seqLe(r[1], una)) continue;
      kept.push(seqLt(r[0], una) ? [una, r[1]] : r);
    }
    this.ranges = kept;
    this.total = kept.reduce((n, r) => n + seqDiff(r[1], r[0]), 0);
  }

  clear(): void {
    this.ranges = [];
    this.total = 0;
  }

  /** If seq lies inside a SACKed range, the end of that range; otherwise undefined. */
  sackedRunEnd(seq: number): number | undefined {
    for (const r of this.ranges) {
      if (seqLe(r[0], seq) && seqLt(seq, r[1])) return r[1];
      if (seqGt(r[0], seq)) break;
    }
    return undefined;
  }

  /** Start of the first SACKed range above seq, if any (the end of the hole that contains seq). */
  nextSackedStart(seq: number): number | undefined {
    for (const r of this.ranges) if (seqGt(r[0], seq)) return r[0];
    return undefined;
  }

  /** SACKed bytes within [from, to). */
  sackedWithin(from: number, to: number): number {
    let n = 0;
    for (const r of this.ranges) {
      const s = seqMax(r[0], from);
      const e = seqMin(r[1], to);
      if (seqLt(s, e)) n += seqDiff(e, s);
    }
    return n;
  }

  /** Un-SACKed bytes within [from, to). */
  holesWithin(from: number, to: number): number {
    if (!seqLt(from, to)) return 0;
    return seqDiff(to, from) - this.sackedWithin(from, to);
  }

  /**
   * RFC 6675 IsLost(): a hole byte is lost when DupThresh discontiguous SACKed ranges lie above it, or more than
   * (DupThresh - 1) * SMSS bytes are SACKed above it. Returns the boundary below which every hole counts as
   * lost (equal to una when none is).
   */
  lossBoundary(una: number, dupThreshBytes: number, dupThreshRanges = Infinity): number {
    let above = 0;
    for (let i = this.ranges.length - 1; i >= 0; i--) {
      above += seqDiff(this.ranges[i][1], this.ranges[i][0]);
      if (above > dupThreshBytes || this.ranges.length - i >= dupThreshRanges) return this.ranges[i][0];
    }
    return una;
  }

  /** The first un-SACKed run at or after `from` and before `limit`, as [start, end). */
  firstHole(from: number, limit: number): SeqRange | undefined {
    let s = from;
    for (const r of this.ranges) {
      if (seqLe(r[1], s)) continue;
      if (seqLe(r[0], s)) {
        s = r[1];
        continue;
      }
      const e = seqMin(r[0], limit);
      return seqLt(s, e) ? [s, e] : undefined;
    }
    return seqLt(s, limit) ? [s, limit] : undefined;
  }

  entries(): readonly SeqRange[] {
    return this.ranges;
  }

  restore(ranges: readonly SeqRange[]): void {
    this.ranges = ranges.map(([s, e]) => [s, e]);
    this.total = this.ranges.reduce((n, r) => n + seqDiff(r[1], r[0]), 0);
  }
}
