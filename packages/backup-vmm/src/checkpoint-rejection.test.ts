/**
 * What the backup does with bad checkpoint messages, on a real nats-server, against a scripted primary that
 * answers the join and sends checkpoints of a real machine: a corrupt chunk, a truncated message, a chunk cut
 * short, a checkpoint ahead of its predecessor, duplicated chunks and checkpoints, chunks from a stale lease
 * revision and a body that passes its chunk CRCs but does not decode. Each is rejected with an error event
 * (EPOCH_EVENT_REJECTED naming the reason, or the decode-failure counter and log for a message that does not
 * decode), nothing of it is applied (the replica stays at the previous epoch and its digest), and the stream
 * goes on: the next good checkpoint applies with the primary's digest.
 */
import { BodyKind, chunkBody } from '@vmha/checkpoint';
import { advance, programs, startWorld } from '@vmha/machine/testing';
import {
  CheckpointEncoder,
  MemoryLeaseStore,
  VmLease,
  chunkMessages,
  type EncodedCheckpoint,
} from '@vmha/replication';
import { Counters, captureLogger } from '@vmha/service-runtime';
import {
  CheckpointAck,
  CheckpointChunk,
  EpochEvent,
  EpochReport,
  JoinReply,
  decodeMessage,
  encodeMessage,
  subjects,
} from '@vmha/shared-proto';
import { describe, expect, it } from 'vitest';
import { BackupVm } from './backup-vm.ts';
import { TIMING, until, useNatsServer } from './test-cluster.ts';

const VM = 'vm-rejects';
const STREAM = 'stream-1';
const REVISION = 7;

describe('checkpoint messages the backup rejects', () => {
  const nc = useNatsServer();

  it('corrupt, truncated, out-of-order, duplicated, stale-revision and undecodable: an error event each, nothing applied', async () => {
    const scripted = await nc();
    const acks: CheckpointAck[] = [];
    const rejections: EpochReport[] = [];
    scripted.subscribe(subjects.replicationJoin(VM), {
      callback: (_e, m) => {
        m.respond(
          encodeMessage(JoinReply, {
            vmId: VM,
            accepted: true,
            reason: '',
            streamId: STREAM,
            primary: 'scripted',
            leaseRevision: REVISION,
          }),
        );
      },
    });
    scripted.subscribe(subjects.replicationAcks(VM), {
      callback: (_e, m) => {
        const a = decodeMessage(CheckpointAck, m.data);
        if (a.ok) acks.push(a.message);
      },
    });
    scripted.subscribe(subjects.replicationEpochs(VM), {
      callback: (_e, m) => {
        const r = decodeMessage(EpochReport, m.data);
        if (r.ok && r.message.event === EpochEvent.EPOCH_EVENT_REJECTED) rejections.push(r.message);
      },
    });
    await scripted.flush();

    const w = startWorld(61);
    advance(w, 40);
    const memoryBytes = w.a.memory.size;
    const counters = new Counters();
    const logs = captureLogger();
    const backupNc = await nc();
    const backup = new BackupVm({
      ...TIMING,
      failureTimeoutMs: 60_000, // the scripted primary sends no heartbeats: no takeover here
      vmId: VM,
      instance: 'b',
      nc: backupNc,
      lease: new VmLease(new MemoryLeaseStore(), VM, 'b'),
      logger: logs.logger,
      counters,
      programs,
      memoryBytes,
    });
    backup.start();
    await until(() => backup.state.kind === 'following', 'the backup to join');

    const chunkSubject = subjects.replicationChunks(VM, 'b');
    const publish = (messages: Uint8Array[]) => {
      for (const m of messages) scripted.publish(chunkSubject, m);
    };
    const messagesOf = (cp: EncodedCheckpoint, leaseRevision = REVISION) =>
      chunkMessages(cp, { vmId: VM, streamId: STREAM, leaseRevision });
    /** A chunk message of `cp` with its fields changed (the CRC kept unless given). */
    const altered = (cp: EncodedCheckpoint, index: number, change: Partial<CheckpointChunk>) => {
      const c = cp.chunks[index];
      return encodeMessage(CheckpointChunk, {
        vmId: VM,
        streamId: STREAM,
        kind: 3,
        epoch: cp.epoch,
        baseEpoch: cp.baseEpoch,
        chunkIndex: c.chunkIndex,
        chunkCount: c.chunkCount,
        bodyBytes: c.bodyBytes,
        dataCrc32: c.dataCrc32,
        data: c.data,
        leaseRevision: REVISION,
        ...change,
      });
    };
    const ackFor = (epoch: number) => acks.find((a) => Number(a.epoch) === epoch && a.applied);
    /** Sends `messages` and waits for a rejection of `epoch` for `reason`; the replica must not have moved. */
    const expectRejected = async (epoch: number, reason: RegExp, messages: Uint8Array[]) => {
      const before = { epoch: backup.stats.lastAppliedEpoch, digest: backup.stats.lastDigest };
      const seen = rejections.length;
      publish(messages);
      await until(
        () => rejections.slice(seen).some((r) => Number(r.epoch) === epoch && reason.test(r.detail)),
        `a rejection of epoch ${epoch} matching ${reason}`,
        10_000,
        () => JSON.stringify({ rejections, counters: counters.snapshot() }),
      );
      await scripted.flush();
      expect(backup.stats.lastAppliedEpoch).toBe(before.epoch);
      expect(backup.stats.lastDigest).toBe(before.digest);
    };

    // Initial sync and seal: the replica at epoch 2, with the machine's digest.
    const encoder = new CheckpointEncoder({ memoryBytes, maxChunkBytes: 4096 });
    w.a.startPageTracking();
    const all = Array.from(w.a.memory.nonZeroPages(), (p) => [p, w.a.memory.pageView(p)] as const);
    w.a.takeDirtyPages();
    publish(messagesOf(encoder.encodeSyncPages(1, all)));
    const capture = (epoch: number) => {
      advance(w, 30);
      w.a.pause();
      const c = w.a.captureCheckpoint();
      const cp = encoder.encodeCapture(epoch === 2 ? BodyKind.SyncSeal : BodyKind.Epoch, epoch, epoch - 1, c);
      const digest = c.digest;
      w.a.resume();
      return { cp, digest };
    };
    const seal = capture(2);
    publish(messagesOf(seal.cp));
    await until(() => ackFor(2) !== undefined, 'the seal applied');
    expect(ackFor(2)!.stateDigest).toBe(seal.digest);

    const e3 = capture(3);
    const e4 = capture(4);
    expect(e3.cp.chunks.length).toBeGreaterThan(2);

    // Corrupt: a byte of a chunk's data changed, its CRC not.
    const flipped = e3.cp.chunks[1].data.slice();
    flipped[10] ^= 0x40;
    await expectRejected(3, /bad-crc/, [altered(e3.cp, 1, { data: flipped })]);
    // Cut short: the data of a chunk truncated (its CRC made to match): it no longer tiles the body.
    const short = e3.cp.chunks[0].data.subarray(0, 100);
    await expectRejected(3, /inconsistent/, [
      altered(e3.cp, 0, { data: short, dataCrc32: chunkBody(short, short.length)[0].dataCrc32 }),
    ]);
    // Out of order: epoch 4 before epoch 3 is complete.
    await expectRejected(4, /ahead/, [messagesOf(e4.cp)[0]]);
    // Duplicated within a checkpoint: the same chunk twice.
    await expectRejected(3, /duplicate/, [messagesOf(e3.cp)[0], messagesOf(e3.cp)[0]]);
    // From a stale lease revision (a fenced primary, or a replay): the rest of epoch 3, otherwise perfect.
    await expectRejected(3, /below 7/, messagesOf(e3.cp, REVISION - 1).slice(1));
    // A message that does not decode at all (cut off inside a field): counted and logged, nothing applied.
    const decodeDrops = () => counters.get('CheckpointChunk.dropped.truncated');
    const whole = messagesOf(e3.cp)[2];
    publish([whole.subarray(0, whole.length - 1000)]);
    await until(() => decodeDrops() === 1, 'the truncated message counted');
    expect(logs.lines.some((l) => /dropped|undecodable/i.test(JSON.stringify(l)))).toBe(true);
    expect(backup.stats.lastAppliedEpoch).toBe(2);

    // The rest of epoch 3, good: it applies with the primary's digest (reordered chunks within it are fine).
    publish(messagesOf(e3.cp).slice(1).reverse());
    await until(() => ackFor(3) !== undefined, 'epoch 3 applied');
    expect(ackFor(3)!.stateDigest).toBe(e3.digest);
    // Duplicated checkpoint: epoch 3 again, after it was applied.
    await expectRejected(3, /already-complete/, messagesOf(e3.cp).slice(0, 1));

    // A body whose chunks are all intact but which does not decode: rejected, and a resend asked for.
    const garbage = new Uint8Array(e4.cp.body.length).fill(0x5a);
    const garbageChunks = chunkBody(garbage, 4096);
    await expectRejected(
      4,
      /magic|malformed|checksum/,
      garbageChunks.map((c) =>
        altered({ ...e4.cp, chunks: garbageChunks }, c.chunkIndex, { data: c.data, dataCrc32: c.dataCrc32 }),
      ),
    );
    expect(acks.some((a) => Number(a.epoch) === 4 && !a.applied && a.error !== '')).toBe(true);
    // Then the real epoch 4: applied, the primary's digest.
    publish(messagesOf(e4.cp));
    await until(() => ackFor(4) !== undefined, 'epoch 4 applied');
    expect(ackFor(4)!.stateDigest).toBe(e4.digest);

    // Each kind was counted, and logged as a warning.
    const snapshot = counters.snapshot();
    for (const reason of [
      'bad-crc',
      'inconsistent',
      'ahead',
      'duplicate',
      'stale-revision',
      'already-complete',
      'body',
    ])
      expect(snapshot[`backup.rejections.${reason}`], reason).toBeGreaterThan(0);
    expect(logs.lines.filter((l) => l.msg === 'checkpoint message rejected').length).toBeGreaterThanOrEqual(
      7,
    );
    await backup.stop();
  }, 60_000);
});
