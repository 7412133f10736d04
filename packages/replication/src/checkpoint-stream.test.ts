/**
 * The checkpoint stream end to end, in process: the primary's encoder (pages against its cache of the backup's
 * copy, chunks) and the backup's applier (assembly, decode, atomic apply), through a lossy, reordering chunk
 * channel with resends. The backup reports the primary's digest for every epoch it applies, never applies a
 * partial checkpoint, and its activated replica runs in lockstep with the primary to the end.
 */
import { BodyKind, type ReceivedChunk } from '@vmha/checkpoint';
import { SeededRandom } from '@vmha/guest-tcp';
import { Machine, MachineReplica } from '@vmha/machine';
import {
  advance,
  expectConversationCorrect,
  programs,
  runTwinToEnd,
  startWorld,
} from '@vmha/machine/testing';
import { describe, expect, it } from 'vitest';
import { CheckpointApplier, type ApplierOutcome } from './checkpoint-applier.ts';
import { CheckpointEncoder, type EncodedCheckpoint } from './checkpoint-encoder.ts';

/** Delivers a checkpoint's chunks shuffled, losing each with probability `loss`; resends until applied. */
function deliver(
  applier: CheckpointApplier,
  cp: EncodedCheckpoint,
  rng: SeededRandom,
  loss: number,
): { outcomes: ApplierOutcome[]; attempts: number } {
  const outcomes: ApplierOutcome[] = [];
  for (let attempt = 1; attempt <= 50; attempt++) {
    const chunks: ReceivedChunk[] = cp.chunks
      .filter(() => rng.next() >= loss)
      .map((c) => ({ ...c, epoch: cp.epoch }))
      .sort(() => rng.next() - 0.5);
    for (const c of chunks) outcomes.push(...applier.accept(c));
    if (outcomes.some((o) => (o.kind === 'applied' || o.kind === 'synced') && o.epoch === cp.epoch))
      return { outcomes, attempts: attempt };
  }
  throw new Error(`epoch ${cp.epoch} never applied`);
}

describe('checkpoint stream: encoder to applier', () => {
  it('keeps the replica at the primary’s digest every epoch, and the activated replica runs in lockstep to the end', () => {
    const w = startWorld(41);
    advance(w, 100);
    const rng = new SeededRandom(42);
    const memoryBytes = w.a.memory.size;
    const encoder = new CheckpointEncoder({ memoryBytes });
    const replica = new MachineReplica(memoryBytes);
    const applier = new CheckpointApplier(replica);
    let seq = 0;
    let bytesSent = 0;
    let rawBytes = 0;
    const send = (cp: EncodedCheckpoint): ApplierOutcome[] => {
      bytesSent += cp.body.length;
      rawBytes += cp.stats.rawPageBytes;
      return deliver(applier, cp, rng, 0).outcomes;
    };

    // Initial sync while the guest runs: round 1 sends every non-zero page, round 2 what was written since.
    w.a.startPageTracking();
    const round1 = Array.from(w.a.memory.nonZeroPages(), (p) => [p, w.a.memory.pageView(p)] as const);
    w.a.takeDirtyPages(); // round 1 read everything; writes from here on are round 2's
    send(encoder.encodeSyncPages(++seq, round1));
    advance(w, 30);
    const round2 = Array.from(w.a.takeDirtyPages(), (p) => [p, w.a.memory.pageView(p)] as const);
    send(encoder.encodeSyncPages(++seq, round2));
    expect(replica.ready).toBe(false);
    advance(w, 20);

    // The seal and then epochs: pause, capture, resume; the backup applies each and reports its digest.
    const epochs: Array<{ pages: number; digest: string }> = [];
    const recordBytes = { raw: 0, sent: 0 };
    const vmmStream = Uint8Array.from({ length: 70_000 }, () => rng.int(0, 255));
    for (let e = 0; e < 12; e++) {
      w.a.pause();
      const capture = w.a.captureCheckpoint();
      w.a.resume();
      // The VMM's own record beside the machine's: a window over a stream that moves on each epoch.
      const vmm = new Map([['vmm.speculation', vmmStream.subarray(e * 1000, e * 1000 + 50_000)]]);
      const cp = encoder.encodeCapture(
        e === 0 ? BodyKind.SyncSeal : BodyKind.Epoch,
        seq + 1,
        seq,
        capture,
        vmm,
      );
      if (e > 0) {
        recordBytes.raw += cp.stats.rawRecordBytes;
        recordBytes.sent += cp.stats.encodedRecordBytes;
      } else expect(cp.stats.encodedRecordBytes).toBe(cp.stats.rawRecordBytes); // the backup held none yet
      send(cp);
      seq++;
      expect(replica.digest(), `epoch ${seq}`).toBe(capture.digest);
      expect(Buffer.from(applier.vmmRecord('vmm.speculation')!).equals(vmm.get('vmm.speculation')!)).toBe(
        true,
      );
      epochs.push({ pages: capture.pages.length, digest: capture.digest });
      advance(w, 25);
    }
    expect(new Set(epochs.map((e) => e.digest)).size).toBe(epochs.length); // the state moved every epoch
    expect(epochs.some((e) => e.pages > 0)).toBe(true);
    // Zero pages, deltas and run-length coding: fewer bytes than the raw pages, though the echoed data in the
    // socket buffers is seeded noise and cannot shrink.
    expect(bytesSent).toBeLessThan(rawBytes);
    // After the seal, state records travel as deltas against the backup's. (Here the echoed data turns over
    // within an epoch, so much of the kernel's record is new each time.)
    expect(recordBytes.sent).toBeLessThan(recordBytes.raw);

    // Failover: the primary is paused at a capture instant, the replica is activated and both run in lockstep.
    w.a.pause();
    const last = w.a.captureCheckpoint();
    send(encoder.encodeCapture(BodyKind.Epoch, seq + 1, seq, last));
    expect(replica.digest()).toBe(last.digest);
    const b = Machine.activate(replica, programs());
    expect(b.runState).toEqual({ kind: 'paused' });
    expect(b.digest()).toEqual(w.a.digest());
    w.a.resume();
    b.resume();
    const r = runTwinToEnd(w, b);
    expect(r.twin.divergences).toEqual([]);
    expect(r.twin.comparedPackets).toBeGreaterThan(500);
    expect(r.digestMismatches).toEqual([]);
    expectConversationCorrect(w);
    expect(() => replica.loadPages([])).toThrow(/activated/);
  });

  it('syncs live, applies every epoch at the primary’s digest through loss and reordering, and fails over in lockstep', () => {
    const w = startWorld(61);
    advance(w, 80);
    const rng = new SeededRandom(62);
    const vmmStream = Uint8Array.from({ length: 70_000 }, () => rng.int(0, 255));
    const memoryBytes = w.a.memory.size;
    // Small chunks, so that a 5% chunk loss hits most bodies (the guest's scrubbed packet buffers keep them small).
    const encoder = new CheckpointEncoder({ memoryBytes, maxChunkBytes: 2 * 1024 });
    const replica = new MachineReplica(memoryBytes);
    const applier = new CheckpointApplier(replica);
    let seq = 0;
    let resent = 0;

    w.a.startPageTracking();
    const first = Array.from(w.a.memory.nonZeroPages(), (p) => [p, w.a.memory.pageView(p)] as const);
    w.a.takeDirtyPages();
    resent += deliver(applier, encoder.encodeSyncPages(++seq, first), rng, 0.05).attempts - 1;
    advance(w, 20);
    const second = Array.from(w.a.takeDirtyPages(), (p) => [p, w.a.memory.pageView(p)] as const);
    resent += deliver(applier, encoder.encodeSyncPages(++seq, second), rng, 0.05).attempts - 1;
    expect(replica.ready).toBe(false);

    for (let e = 0; e < 10; e++) {
      advance(w, 25);
      w.a.pause();
      const capture = w.a.captureCheckpoint();
      w.a.resume();
      // The VMM's own record beside the machine's: a window over a stream that moves on each epoch.
      const vmm = new Map([['vmm.speculation', vmmStream.subarray(e * 1000, e * 1000 + 50_000)]]);
      const cp = encoder.encodeCapture(
        e === 0 ? BodyKind.SyncSeal : BodyKind.Epoch,
        seq + 1,
        seq,
        capture,
        vmm,
      );
      seq++;
      const { outcomes, attempts } = deliver(applier, cp, rng, 0.05);
      resent += attempts - 1;
      const applied = outcomes.filter((o) => o.kind === 'applied');
      expect(applied).toEqual([
        { kind: 'applied', epoch: seq, digest: capture.digest, pages: capture.pages.length },
      ]);
      expect(Buffer.from(applier.vmmRecord('vmm.speculation')!).equals(vmm.get('vmm.speculation')!)).toBe(
        true,
      );
      // An incomplete attempt was rejected (asking for a resend), never applied.
      for (const o of outcomes) if (o.kind === 'rejected') expect(o.epoch).toBe(seq);
    }
    expect(resent).toBeGreaterThan(0); // the lossy channel did force resends
    expect(applier.appliedEpoch).toBe(seq);

    w.a.pause();
    const last = w.a.captureCheckpoint();
    const final = deliver(applier, encoder.encodeCapture(BodyKind.Epoch, seq + 1, seq, last), rng, 0);
    expect(final.outcomes.at(-1)).toMatchObject({ kind: 'applied', digest: last.digest });
    const b = Machine.activate(replica, programs());
    w.a.resume();
    b.resume();
    const r = runTwinToEnd(w, b);
    expect(r.twin.divergences).toEqual([]);
    expect(r.twin.comparedPackets).toBeGreaterThan(500);
    expectConversationCorrect(w);
  });

  it('rejects a body it cannot apply (wrong memory size) and accepts the right one after', () => {
    const w = startWorld(63);
    advance(w, 30);
    const replica = new MachineReplica(w.a.memory.size);
    const applier = new CheckpointApplier(replica);
    const wrong = new CheckpointEncoder({ memoryBytes: w.a.memory.size * 2 });
    const page = [[1, new Uint8Array(4096).fill(7)] as const];
    const bad = wrong.encodeSyncPages(1, page);
    expect(bad.chunks.flatMap((c) => applier.accept({ ...c, epoch: 1 }))).toMatchObject([
      { kind: 'rejected', epoch: 1, error: expect.stringMatching(/memory/) },
    ]);
    const right = new CheckpointEncoder({ memoryBytes: w.a.memory.size }).encodeSyncPages(1, page);
    expect(right.chunks.flatMap((c) => applier.accept({ ...c, epoch: 1 }))).toEqual([
      { kind: 'synced', epoch: 1, pages: 1 },
    ]);
    expect(replica.memory.pageView(1)[0]).toBe(7);
  });
});
