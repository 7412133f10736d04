/**
 * Where a saved state put each byte queue's contents, so that the next save can say which ranges it kept: a
 * send queue that lost its acknowledged head and gained new writes is, between two saves, one copy and a tail.
 * A checkpoint encoder sends such a state as a delta without searching it (see @vmha/checkpoint's RecordCopy).
 */
import type { ByteQueue } from './byte-queue.ts';

/** previous[from, from + length) = next[to, to + length). */
export interface StateCopy {
  from: number;
  to: number;
  length: number;
}

export interface SavedStream {
  /** The queue's head position (bytes it ever discarded) when saved. */
  position: number;
  offset: number;
  length: number;
}

export type StreamLayout = Map<ByteQueue, SavedStream>;

/** The ranges of each queue saved in both layouts, in order of their place in the newer state. */
export function copiesBetween(before: StreamLayout, after: StreamLayout): StateCopy[] {
  const copies: StateCopy[] = [];
  for (const [queue, now] of after) {
    const then = before.get(queue);
    if (!then) continue;
    const d = now.position - then.position; // what the queue lost from its head since (never negative)
    const length = Math.min(then.length - d, now.length);
    if (d >= 0 && length > 0) copies.push({ from: then.offset + d, to: now.offset, length });
  }
  return copies.sort((a, b) => a.to - b.to);
}
