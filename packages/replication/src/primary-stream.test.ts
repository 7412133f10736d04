import { describe, expect, it } from 'vitest';
import type { EncodedCheckpoint } from './checkpoint-encoder.ts';
import { FailureDetector } from './failure-detector.ts';
import { PrimaryStream } from './primary-stream.ts';

const cp = (epoch: number) => ({ epoch }) as unknown as EncodedCheckpoint;

describe('primary stream', () => {
  it('releases up to an acked epoch (acks are cumulative) and stops capturing when too many are in flight', () => {
    const s = new PrimaryStream({ ackTimeoutMs: 100, maxInFlight: 3 });
    s.sent(cp(1), 'd1', 0);
    s.sent(cp(2), 'd2', 10);
    s.sent(cp(3), 'd3', 20);
    expect(s.canCapture()).toBe(false);
    expect(s.onAck({ epoch: 2, applied: true, digest: 'd2' }, 30)).toEqual({ kind: 'release', epoch: 2 });
    expect(s.ackedEpoch).toBe(2);
    expect(s.pending.map((p) => p.checkpoint.epoch)).toEqual([3]);
    expect(s.canCapture()).toBe(true);
    expect(s.onAck({ epoch: 1, applied: true, digest: 'd1' }, 31)).toMatchObject({ kind: 'ignored' });
    expect(() => s.sent(cp(5), 'd5', 40)).toThrow(/does not follow/);
  });

  it('resends everything in flight, oldest first, on a rejection or when the oldest waits past the timeout', () => {
    const s = new PrimaryStream({ ackTimeoutMs: 100, maxInFlight: 8 });
    s.sent(cp(1), 'a', 0);
    s.sent(cp(2), 'b', 50);
    expect(s.due(99)).toEqual([]);
    expect(s.due(100).map((f) => [f.checkpoint.epoch, f.sends])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(s.due(150)).toEqual([]); // the resend restarted the clock
    const verdict = s.onAck({ epoch: 1, applied: false, digest: '' }, 160);
    expect(verdict.kind === 'resend' && verdict.checkpoints.map((f) => f.checkpoint.epoch)).toEqual([1, 2]);
  });

  it('reports divergence when the backup’s digest is not the primary’s, and releases nothing', () => {
    const s = new PrimaryStream({ ackTimeoutMs: 100, maxInFlight: 8 });
    s.sent(cp(1), 'ours', 0);
    expect(s.onAck({ epoch: 1, applied: true, digest: 'theirs' }, 5)).toEqual({
      kind: 'diverged',
      epoch: 1,
      ours: 'ours',
      theirs: 'theirs',
    });
    expect(s.ackedEpoch).toBe(0);
  });
});

describe('failure detector', () => {
  it('suspects a peer silent for the timeout, and any message resets it', () => {
    const d = new FailureDetector(1000, 0);
    expect(d.suspects(999)).toBe(false);
    d.heard(500);
    expect(d.suspects(1499)).toBe(false);
    expect(d.suspects(1500)).toBe(true);
    expect(d.deadline).toBe(1500);
    d.heard(100); // late, reordered news does not move time back
    expect(d.silentFor(1500)).toBe(1000);
    expect(() => new FailureDetector(0, 0)).toThrow(RangeError);
  });
});
