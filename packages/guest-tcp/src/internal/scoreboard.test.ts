import { describe, expect, it } from 'vitest';
import { SackScoreboard } from './scoreboard.ts';
import { seqAdd } from './seq.ts';

describe('SackScoreboard (RFC 6675 §3)', () => {
  it('records blocks, merges overlapping and adjacent ones, and reports only newly SACKed bytes', () => {
    const sb = new SackScoreboard();
    expect(sb.isEmpty).toBe(true);
    expect(sb.add(100, 200, 0, 1000)).toBe(100);
    expect(sb.add(150, 250, 0, 1000)).toBe(50);
    expect(sb.add(250, 300, 0, 1000)).toBe(50); // adjacent: merges
    expect(sb.add(400, 500, 0, 1000)).toBe(100);
    expect(sb.add(100, 300, 0, 1000)).toBe(0); // duplicate
    expect(sb.entries()).toEqual([
      [100, 300],
      [400, 500],
    ]);
    expect(sb.sackedBytes).toBe(300);
    expect(sb.highestSacked).toBe(500);
    // A block bridging two ranges fills the gap between them.
    expect(sb.add(290, 410, 0, 1000)).toBe(100);
    expect(sb.entries()).toEqual([[100, 500]]);
  });

  it('inserts a range below existing ones in order', () => {
    const sb = new SackScoreboard();
    sb.add(400, 500, 0, 1000);
    sb.add(100, 200, 0, 1000);
    sb.add(250, 300, 0, 1000);
    expect(sb.entries()).toEqual([
      [100, 200],
      [250, 300],
      [400, 500],
    ]);
  });

  it('clips blocks to (SND.UNA, SND.MAX] and ignores D-SACK blocks below SND.UNA (RFC 2883)', () => {
    const sb = new SackScoreboard();
    expect(sb.add(0, 50, 100, 1000)).toBe(0);
    expect(sb.add(50, 150, 100, 1000)).toBe(50);
    expect(sb.add(900, 1100, 100, 1000)).toBe(100);
    expect(sb.add(2000, 3000, 100, 1000)).toBe(0);
    expect(sb.add(500, 500, 100, 1000)).toBe(0);
    expect(sb.entries()).toEqual([
      [100, 150],
      [900, 1000],
    ]);
  });

  it('forgets what is cumulatively acknowledged, trimming a straddling range', () => {
    const sb = new SackScoreboard();
    sb.add(100, 300, 0, 1000);
    sb.add(400, 500, 0, 1000);
    sb.pruneBelow(120);
    expect(sb.entries()).toEqual([
      [120, 300],
      [400, 500],
    ]);
    expect(sb.sackedBytes).toBe(280);
    sb.pruneBelow(300);
    expect(sb.entries()).toEqual([[400, 500]]);
    sb.pruneBelow(600);
    expect(sb.isEmpty).toBe(true);
    expect(sb.sackedBytes).toBe(0);
    expect(sb.highestSacked).toBeUndefined();
  });

  it('answers hole and run queries', () => {
    const sb = new SackScoreboard();
    sb.add(120, 300, 0, 1000);
    sb.add(400, 500, 0, 1000);
    expect(sb.sackedRunEnd(150)).toBe(300);
    expect(sb.sackedRunEnd(120)).toBe(300);
    expect(sb.sackedRunEnd(300)).toBeUndefined();
    expect(sb.sackedRunEnd(350)).toBeUndefined();
    expect(sb.nextSackedStart(99)).toBe(120);
    expect(sb.nextSackedStart(350)).toBe(400);
    expect(sb.nextSackedStart(400)).toBeUndefined();
    expect(sb.sackedWithin(0, 450)).toBe(180 + 50);
    expect(sb.sackedWithin(200, 250)).toBe(50);
    expect(sb.holesWithin(100, 500)).toBe(20 + 100);
    expect(sb.holesWithin(500, 100)).toBe(0);
    expect(sb.firstHole(100, 1000)).toEqual([100, 120]);
    expect(sb.firstHole(120, 1000)).toEqual([300, 400]);
    expect(sb.firstHole(150, 350)).toEqual([300, 350]);
    expect(sb.firstHole(450, 500)).toBeUndefined();
    expect(sb.firstHole(450, 600)).toEqual([500, 600]);
  });

  it('marks holes lost once more than (DupThresh - 1) * SMSS bytes are SACKed above them (IsLost)', () => {
    const sb = new SackScoreboard();
    const threshold = 2 * 100; // DupThresh 3, SMSS 100
    sb.add(400, 500, 0, 1000);
    expect(sb.lossBoundary(0, threshold)).toBe(0); // 100 bytes above: nothing lost
    sb.add(200, 300, 0, 1000);
    expect(sb.lossBoundary(0, threshold)).toBe(0); // exactly 200: not more than
    sb.add(300, 301, 0, 1000);
    expect(sb.lossBoundary(0, threshold)).toBe(200); // 201 bytes above every byte below 200
    expect(sb.holesWithin(0, sb.lossBoundary(0, threshold))).toBe(200);
  });

  it('works across the 2^32 wrap', () => {
    const una = 0xffffff00;
    const max = seqAdd(una, 0x1000);
    const sb = new SackScoreboard();
    expect(sb.add(0xffffff80, 0x80, una, max)).toBe(0x100);
    expect(sb.add(0x100, 0x200, una, max)).toBe(0x100);
    expect(sb.firstHole(una, max)).toEqual([una, 0xffffff80]);
    expect(sb.firstHole(0xffffff80, max)).toEqual([0x80, 0x100]);
    expect(sb.holesWithin(una, 0x200)).toBe(0x80 + 0x80);
    expect(sb.lossBoundary(una, 0x100)).toBe(0xffffff80);
    sb.pruneBelow(0x10);
    expect(sb.entries()).toEqual([
      [0x10, 0x80],
      [0x100, 0x200],
    ]);
  });

  it('snapshots and restores', () => {
    const sb = new SackScoreboard();
    sb.add(10, 20, 0, 100);
    sb.add(30, 40, 0, 100);
    const copy = new SackScoreboard();
    copy.restore(sb.entries());
    expect(copy.entries()).toEqual(sb.entries());
    expect(copy.sackedBytes).toBe(20);
    copy.clear();
    expect(copy.isEmpty).toBe(true);
    expect(sb.sackedBytes).toBe(20);
  });
});
