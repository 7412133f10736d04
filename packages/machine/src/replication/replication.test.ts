/**
 * The state rule over the replication path: a backup's replica, built by live initial sync while the guest runs
 * and then by epoch checkpoints sent through the wire codec (@vmha/checkpoint: pages encoded against the
 * backup's copy), holds the primary's exact state at every epoch (equal digests), and once activated behaves
 * byte for byte like the primary, fed the same inputs, to the end of the conversation.
 */
import {
  BodyKind,
  CheckpointBodyWriter,
  decodeCheckpointBody,
  decodePage,
  type CheckpointHeader,
} from '@vmha/checkpoint';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../guest-memory.ts';
import { Machine, MachineReplica, MachineStateError, type MachineRecords, type PageWrite } from '../index.ts';
import { SnapshotFormatError } from '../errors.ts';
import {
  advance,
  expectConversationCorrect,
  programs,
  runTwinToEnd,
  startWorld,
} from '../testing/echo-world.ts';

/** The primary's side: what the backup holds of each page (Remus' page-delta cache), to encode against. */
class Sender {
  readonly shadow = new Map<number, Uint8Array>();
  bytesSent = 0;
  rawBytes = 0;

  encode(header: CheckpointHeader, pages: Array<[number, Uint8Array]>, records?: MachineRecords): Uint8Array {
    const writer = new CheckpointBodyWriter(header, records ? Object.entries(records) : []);
    for (const [index, contents] of pages) {
      writer.addPage(index, contents, this.shadow.get(index));
      this.shadow.set(index, contents.slice());
    }
    const body = writer.finish();
    this.bytesSent += body.length;
    this.rawBytes += writer.stats.rawPageBytes;
    return body;
  }
}

/** The backup's side: decode a body and turn each page into whole contents against the replica's copy. */
function receive(
  replica: MachineReplica,
  body: Uint8Array,
): { pages: PageWrite[]; records?: MachineRecords } {
  const decoded = decodeCheckpointBody(body);
  if (!decoded.ok) throw new Error(`${decoded.reason}: ${decoded.detail}`);
  const pages: PageWrite[] = decoded.body.pages.map((p) => {
    const page = replica.memory.pageView(p.index).slice(); // decode into a copy: applying must be atomic
    decodePage(p.encoding, p.data, page);
    return [p.index, page];
  });
  const r = decoded.body.records;
  const records =
    r.size > 0
      ? ({
          vcpu: r.get('vcpu'),
          nic: r.get('nic'),
          kernel: r.get('kernel'),
          layout: r.get('layout'),
        } as MachineRecords)
      : undefined;
  return { pages, records };
}

function capturedPages(pages: Uint32Array, staging: Uint8Array): Array<[number, Uint8Array]> {
  return Array.from(pages, (index, i) => [index, staging.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE)]);
}

describe('replication: live initial sync and epoch checkpoints', () => {
  it('keeps the replica at the primary’s digest every epoch, and the activated replica runs in lockstep to the end', () => {
    const w = startWorld(41);
    advance(w, 100);
    const memoryBytes = w.a.memory.size;
    const replica = new MachineReplica(memoryBytes);
    const sender = new Sender();

    // Initial sync while the guest runs: round 1 sends every non-zero page, round 2 what was written since.
    w.a.startPageTracking();
    const round1 = Array.from(w.a.memory.nonZeroPages(), (p): [number, Uint8Array] => [
      p,
      w.a.memory.pageView(p).slice(),
    ]);
    w.a.takeDirtyPages(); // round 1 read everything; writes from here on are round 2's
    replica.loadPages(
      receive(replica, sender.encode(header(BodyKind.SyncPages, 0, 0, memoryBytes), round1)).pages,
    );
    advance(w, 30);
    const round2 = Array.from(w.a.takeDirtyPages(), (p): [number, Uint8Array] => [
      p,
      w.a.memory.pageView(p).slice(),
    ]);
    replica.loadPages(
      receive(replica, sender.encode(header(BodyKind.SyncPages, 0, 0, memoryBytes), round2)).pages,
    );
    expect(replica.ready).toBe(false);
    advance(w, 20);

    // The seal and then epochs: pause, capture, resume; the backup applies each and reports its digest.
    let epoch = 0;
    const epochs: Array<{ pages: number; digest: string }> = [];
    for (let e = 0; e < 12; e++) {
      w.a.pause();
      const capture = w.a.captureCheckpoint();
      w.a.resume();
      const kind = e === 0 ? BodyKind.SyncSeal : BodyKind.Epoch;
      const body = sender.encode(
        header(kind, epoch + 1, epoch, memoryBytes),
        capturedPages(capture.pages, capture.staging),
        capture.records,
      );
      epoch++;
      const got = receive(replica, body);
      replica.applyCheckpoint(got.pages, got.records!);
      expect(replica.digest(), `epoch ${epoch}`).toBe(capture.digest);
      epochs.push({ pages: capture.pages.length, digest: capture.digest });
      advance(w, 25);
    }
    expect(new Set(epochs.map((e) => e.digest)).size).toBe(epochs.length); // the state moved every epoch
    expect(epochs.some((e) => e.pages > 0)).toBe(true);
    // Zero pages, deltas and run-length coding: fewer bytes than the raw pages, though the echoed data in the
    // socket buffers is seeded noise and cannot shrink.
    expect(sender.bytesSent).toBeLessThan(sender.rawBytes);

    // Failover: the primary is paused at a capture instant, the replica is activated and both run in lockstep.
    w.a.pause();
    const last = w.a.captureCheckpoint();
    const got = receive(
      replica,
      sender.encode(
        header(BodyKind.Epoch, epoch + 1, epoch, memoryBytes),
        capturedPages(last.pages, last.staging),
        last.records,
      ),
    );
    replica.applyCheckpoint(got.pages, got.records!);
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

  it('a bad checkpoint changes nothing: the replica stays at the previous epoch', () => {
    const w = startWorld(43);
    advance(w, 60);
    const replica = new MachineReplica(w.a.memory.size);
    w.a.startPageTracking();
    w.a.takeDirtyPages();
    replica.loadPages(
      Array.from(w.a.memory.nonZeroPages(), (p) => [p, w.a.memory.pageView(p).slice()] as const),
    );
    w.a.pause();
    const first = w.a.captureCheckpoint();
    w.a.resume();
    replica.applyCheckpoint(capturedPages(first.pages, first.staging), first.records);
    expect(replica.digest()).toBe(first.digest);
    const before = replica.memory.digest();
    advance(w, 40);
    w.a.pause();
    const next = w.a.captureCheckpoint();
    w.a.resume();
    const pages = capturedPages(next.pages, next.staging);
    expect(pages.length).toBeGreaterThan(0);
    const badRecords = { ...next.records, nic: next.records.nic.subarray(0, 10) };
    expect(() => replica.applyCheckpoint(pages, badRecords)).toThrow(SnapshotFormatError);
    expect(() =>
      replica.applyCheckpoint([...pages, [w.a.memory.pageCount, new Uint8Array(PAGE_SIZE)]], next.records),
    ).toThrow(/outside memory/);
    expect(() => replica.applyCheckpoint([[pages[0][0], new Uint8Array(10)]], next.records)).toThrow(
      /not 4096 bytes/,
    );
    const { layout: _layout, ...missing } = next.records;
    expect(() => replica.applyCheckpoint(pages, missing as MachineRecords)).toThrow(
      /layout record is missing/,
    );
    expect(replica.memory.digest()).toBe(before);
    expect(replica.digest()).toBe(first.digest);
    replica.applyCheckpoint(pages, next.records);
    expect(replica.digest()).toBe(next.digest);
  });

  it('refuses captures without page tracking, or while the guest runs', () => {
    const w = startWorld(47);
    advance(w, 20);
    w.a.pause();
    expect(() => w.a.captureCheckpoint()).toThrow(MachineStateError);
    w.a.resume();
    w.a.startPageTracking();
    expect(() => w.a.captureCheckpoint()).toThrow(/stopped/);
    w.a.pause();
    w.a.saveFull(); // restarts the dirty log: the tracked stream would miss pages
    expect(() => w.a.captureCheckpoint()).toThrow(/page tracking/);
    expect(() => new MachineReplica(1000)).toThrow(RangeError);
    expect(() => Machine.activate(new MachineReplica(w.a.memory.size), programs())).toThrow(
      /no complete state/,
    );
  });
});

function header(kind: BodyKind, epoch: number, baseEpoch: number, memoryBytes: number): CheckpointHeader {
  return { kind, epoch, baseEpoch, memoryBytes };
}
