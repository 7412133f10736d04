/**
 * The machine's side of replication: captures and the replica. A bad checkpoint leaves the replica exactly at the
 * previous one, and captures need page tracking and a stopped vCPU. (The state rule over the whole replication
 * path, wire codec included, is proven in @vmha/replication, which builds on this package.)
 */
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../guest-memory.ts';
import { Machine, MachineReplica, MachineStateError, type MachineRecords } from '../index.ts';
import { SnapshotFormatError } from '../errors.ts';
import { advance, programs, startWorld } from '../testing/echo-world.ts';

function capturedPages(pages: Uint32Array, staging: Uint8Array): Array<[number, Uint8Array]> {
  return Array.from(pages, (index, i) => [index, staging.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE)]);
}

describe('replication: captures and the replica', () => {
  it('a bad checkpoint, or one the guest could not resume from, changes nothing: the replica stays at the previous epoch', () => {
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
    // Framed well, but a guest that could not resume: a connection in a state TCP does not have.
    const kernel = next.records.kernel.slice();
    const at = Buffer.from(kernel).indexOf('ESTABLISHED');
    expect(at).toBeGreaterThan(0);
    kernel[at + 10] = 'X'.charCodeAt(0);
    expect(() => replica.applyCheckpoint(pages, { ...next.records, kernel })).toThrow(
      /guest-tcp state is invalid: snapshot has unknown TCP state "ESTABLISHEX"/,
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

  it('the activated machine, digested afresh over all of memory, is the state the primary captured', () => {
    const w = startWorld(45);
    advance(w, 50);
    const replica = new MachineReplica(w.a.memory.size);
    w.a.startPageTracking();
    w.a.takeDirtyPages();
    replica.loadPages(
      Array.from(w.a.memory.nonZeroPages(), (p) => [p, w.a.memory.pageView(p).slice()] as const),
    );
    advance(w, 30);
    w.a.pause();
    const capture = w.a.captureCheckpoint();
    expect(w.a.freshStateDigest()).toBe(capture.digest);
    w.a.resume();
    replica.applyCheckpoint(capturedPages(capture.pages, capture.staging), capture.records);
    const activated = Machine.activate(replica, programs());
    expect(activated.freshStateDigest()).toBe(capture.digest);
    const page = activated.memory.nonZeroPages()[0];
    activated.memory.pageView(page)[7] ^= 0x10; // one flipped bit anywhere in memory shows
    expect(activated.freshStateDigest()).not.toBe(capture.digest);
  });

  it('a capture is the state at its pause: the digest, computed after the guest ran on, is of the staged copy', () => {
    const w = startWorld(49);
    advance(w, 40);
    w.a.startPageTracking();
    w.a.takeDirtyPages();
    advance(w, 30);
    w.a.pause();
    const atPause = w.a.freshStateDigest();
    const capture = w.a.captureCheckpoint();
    const staged = capture.staging.slice();
    w.a.resume();
    advance(w, 30); // the guest writes on, some of the very pages just captured among them
    const first = capture.pages[0];
    w.a.memory.writeU8(first * PAGE_SIZE, w.a.memory.readU8(first * PAGE_SIZE) ^ 0xff);
    expect(capture.digest).toBe(atPause);
    expect(Buffer.compare(capture.staging, staged)).toBe(0);
    w.a.pause();
    const next = w.a.captureCheckpoint();
    expect(next.pages).toContain(first);
    expect(next.digest).toBe(w.a.freshStateDigest());
    // The staging buffer now holds the next epoch: the first capture's is unreadable, not silently wrong.
    expect(() => capture.staging).toThrow(/superseded/);
    expect(capture.digest).toBe(atPause); // (taken while it was current)
    w.a.resume();
  });

  it('a capture whose digest was never read before the next refuses it; the CRC table still stays exact', () => {
    const w = startWorld(51);
    advance(w, 40);
    w.a.startPageTracking();
    w.a.takeDirtyPages();
    advance(w, 20);
    w.a.pause();
    const unread = w.a.captureCheckpoint();
    w.a.resume();
    advance(w, 20);
    expect(w.a.takeDirtyPages().length).toBeGreaterThan(0); // a pre-copy round settles the capture's CRCs first
    w.a.pause();
    const next = w.a.captureCheckpoint();
    expect(() => unread.digest).toThrow(/never taken/);
    expect(next.digest).toBe(w.a.freshStateDigest());
    w.a.resume();
  });

  it('a digest computed while the guest runs on is the digest of the instant it began (copy-on-write)', async () => {
    const w = startWorld(53);
    advance(w, 40);
    w.a.pause();
    const atStart = w.a.freshStateDigest();
    let slices = 0;
    const pause = async () => {
      slices++;
      w.a.resume();
      advance(w, 5); // the guest runs between slices, writing pages the digest has not read yet
      const p = w.a.memory.pageCount - 1 - slices; // and pages it has
      w.a.memory.writeU8(p * PAGE_SIZE, 0xa5);
      w.a.memory.writeU8(slices * PAGE_SIZE, 0x5a);
      w.a.pause();
    };
    const digest = w.a.freshStateDigestInBackground({ pause, slicePages: 64 });
    // One snapshot at a time.
    expect(() => w.a.memory.beginSnapshot()).toThrow(/already/);
    expect(await digest).toBe(atStart);
    expect(slices).toBeGreaterThan(0);
    expect(w.a.freshStateDigest()).not.toBe(atStart); // the guest did change memory meanwhile
    w.a.memory.beginSnapshot().end(); // the snapshot ended with the digest
    w.a.resume();
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
