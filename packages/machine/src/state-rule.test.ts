/**
 * The proof of the state rule: a machine saved mid-conversation (full save, or full save plus a chain of deltas)
 * and restored into a fresh machine, then fed the same packets at the same virtual times as the original,
 * produces byte-identical output packets and byte-identical memory and record digests, to the end.
 */
import { describe, expect, it } from 'vitest';
import { Machine, type MachineDigest } from './index.ts';
import { EchoCounterProgram } from './testing/echo-counter-program.ts';
import {
  advance,
  expectConversationCorrect,
  programs,
  runTwinToEnd,
  startWorld,
} from './testing/echo-world.ts';

/** Pauses A, takes a save, records A's digest at that instant, resumes A. */
function checkpoint(
  a: Machine,
  save: () => Uint8Array,
): { bytes: Uint8Array; digest: MachineDigest; dirtyPages: number; nonZeroPages: number } {
  a.pause();
  const dirtyPages = a.counters().dirtyPages;
  const bytes = save();
  const digest = a.digest();
  let nonZeroPages = 0;
  for (let p = 0; p < a.memory.pageCount; p++) if (!a.memory.isZeroPage(p)) nonZeroPages++;
  a.resume();
  return { bytes, digest, dirtyPages, nonZeroPages };
}

describe('the state rule', () => {
  it('a machine restored from a full save and fed the same inputs emits byte-identical packets and keeps identical digests', () => {
    const w = startWorld(11);
    advance(w, 150);
    const full = checkpoint(w.a, () => w.a.saveFull());
    const restoredPrograms = programs();
    const b = Machine.restore(full.bytes, restoredPrograms);
    expect(b.digest()).toEqual(full.digest);
    expect(b.runState).toEqual({ kind: 'paused' });
    expect(b.virtualNow()).toBe(w.a.virtualNow());
    expect(restoredPrograms.map((p) => [p.boots, p.resumes])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    b.resume();

    const r = runTwinToEnd(w, b);
    expect(r.twin.divergences).toEqual([]);
    expect(r.twin.comparedPackets).toBeGreaterThan(500);
    expect(r.digestMismatches).toEqual([]);
    expect(r.digestChecks).toBeGreaterThan(5);
    expect(b.digest()).toEqual(w.a.digest());
    expectConversationCorrect(w);
    // The restored server carried on from the saved state: its totals in guest memory cover the whole run.
    const [echoRegion] = b.regions();
    const echoed = w.echoes.reduce((s, e) => s + e.sent, 0);
    expect(EchoCounterProgram.inspect({ memory: b.memory, region: echoRegion })).toMatchObject({
      totalBytes: echoed,
      accepted: 3,
      openSlots: 0,
    });
  });

  it('after a full save and a chain of deltas, the restored machine matches at every save and in lockstep afterwards', () => {
    const w = startWorld(23);
    advance(w, 100);
    const full = checkpoint(w.a, () => w.a.saveFull());
    const deltas: Array<ReturnType<typeof checkpoint>> = [];
    for (let i = 0; i < 3; i++) {
      advance(w, 60 + 20 * i);
      deltas.push(checkpoint(w.a, () => w.a.saveIncremental()));
    }
    // A delta carries exactly the pages dirtied since the previous save; the full save only non-zero pages.
    const fullInfo = Machine.inspectSnapshot(full.bytes);
    expect(fullInfo.pages).toBe(full.nonZeroPages);
    expect(fullInfo.pages).toBeLessThan(w.a.memory.pageCount);
    for (const [i, d] of deltas.entries()) {
      const info = Machine.inspectSnapshot(d.bytes);
      expect(info).toMatchObject({ kind: 'incremental', chainId: fullInfo.chainId, seq: i + 1 });
      expect(info.pages).toBe(d.dirtyPages);
      expect(info.pages).toBeGreaterThan(0);
    }

    const restoredPrograms = programs();
    const b = Machine.restore(full.bytes, restoredPrograms);
    expect(b.digest()).toEqual(full.digest);
    for (const d of deltas) {
      b.applyIncremental(d.bytes);
      expect(b.digest()).toEqual(d.digest);
    }
    expect(restoredPrograms[0].resumes).toBe(1 + deltas.length);
    expect(b.chainPosition()).toMatchObject({ kind: 'replica', seq: 3 });
    b.resume();

    const r = runTwinToEnd(w, b);
    expect(r.twin.divergences).toEqual([]);
    expect(r.twin.comparedPackets).toBeGreaterThan(500);
    expect(r.digestMismatches).toEqual([]);
    expect(b.digest()).toEqual(w.a.digest());
    expectConversationCorrect(w);
  });

  it('a replica restored from the same chain twice is the same machine both times', () => {
    const w = startWorld(31);
    advance(w, 120);
    const full = checkpoint(w.a, () => w.a.saveFull());
    advance(w, 50);
    const d1 = checkpoint(w.a, () => w.a.saveIncremental());
    const restore = (): Machine => {
      const m = Machine.restore(full.bytes, programs());
      m.applyIncremental(d1.bytes);
      return m;
    };
    const b1 = restore();
    const b2 = restore();
    expect(b1.digest()).toEqual(b2.digest());
    expect(b1.digest()).toEqual(d1.digest);
  });
});
