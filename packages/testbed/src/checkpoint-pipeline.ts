/**
 * The checkpoint path of a replicated VM on virtual time (Remus §3): the guest pauses while its epoch is captured,
 * resumes, and the checkpoint is encoded, sent over the replication link and applied by the backup, whose ack
 * commits the epoch. Everything is done for real (the machine's capture, the encoder's page and record deltas, a
 * backup replica applying each body and checking its digest); only time is modelled:
 *  - the pause and the encode/apply work cost what they cost here, measured (`measured`), or follow a linear
 *    model (`linear`, for deterministic tests);
 *  - the replication link is a serial pipe of a bandwidth and a one-way delay; the backup applies one body at a
 *    time.
 */
import { BodyKind } from '@vmha/checkpoint';
import { MachineReplica, type Machine } from '@vmha/machine';
import {
  CheckpointApplier,
  CheckpointEncoder,
  type EncodedCheckpoint,
  type VmmRecord,
} from '@vmha/replication';

export interface ReplicationLinkOptions {
  /** Default 1000 (the papers' dedicated gigabit replication link). */
  bandwidthMbps?: number;
  /** One way; default 0.1 ms. */
  delayMs?: number;
}

/** How virtual time is charged for the work done in this process. */
export type CheckpointCosts =
  | { kind: 'measured' }
  | {
      kind: 'linear';
      /** The guest's pause: fixed part, and per MiB captured (pages and records). */
      pauseBaseMs: number;
      pauseMsPerMiB: number;
      /** Encoding on the primary plus applying on the backup, per MiB of checkpoint body. */
      processMsPerMiB: number;
    };

export interface EpochCheckpoint {
  epoch: number;
  /** How long the guest stays paused from the epoch boundary. */
  pauseMs: number;
  /** When the backup's ack reaches the primary (virtual ms). */
  ackAt: number;
  dirtyPages: number;
  capturedBytes: number;
  bodyBytes: number;
}

export class CheckpointPipelineError extends Error {
  override readonly name = 'CheckpointPipelineError';
}

const MiB = 1 << 20;

export class CheckpointPipeline {
  private readonly encoder: CheckpointEncoder;
  private readonly replica: MachineReplica;
  private readonly applier: CheckpointApplier;
  private readonly bandwidthMbps: number;
  private readonly delayMs: number;
  private seq = 0;
  private linkFreeAt = 0;
  private backupFreeAt = 0;

  constructor(
    memoryBytes: number,
    link: ReplicationLinkOptions,
    private readonly costs: CheckpointCosts,
  ) {
    this.bandwidthMbps = link.bandwidthMbps ?? 1000;
    this.delayMs = link.delayMs ?? 0.1;
    if (!(this.bandwidthMbps > 0)) throw new RangeError('replication link bandwidthMbps must be positive');
    if (!(this.delayMs >= 0)) throw new RangeError('replication link delayMs must be >= 0');
    this.encoder = new CheckpointEncoder({ memoryBytes });
    this.replica = new MachineReplica(memoryBytes);
    this.applier = new CheckpointApplier(this.replica);
  }

  /** The epoch the guest is running in now: its output is committed by the checkpoint that ends it. */
  get currentEpoch(): number {
    return this.seq + 1;
  }

  /**
   * Brings the backup in sync before the run (not timed: the benchmark measures the protected steady state):
   * every non-zero page, then the seal (a capture with the guest paused) which starts output commit.
   */
  initialSync(machine: Machine, vmmRecords: () => ReadonlyMap<string, VmmRecord> | undefined): void {
    machine.startPageTracking();
    const memory = machine.memory;
    const pages = Array.from(memory.nonZeroPages());
    machine.takeDirtyPages();
    for (let i = 0; i < pages.length || i === 0; i += 256) {
      const slice = pages.slice(i, i + 256).map((p) => [p, memory.pageView(p)] as const);
      this.deliver(this.encoder.encodeSyncPages(++this.seq, slice), 'synced');
      if (pages.length === 0) break;
    }
    machine.pause();
    const capture = machine.captureCheckpoint();
    const cp = this.encoder.encodeCapture(BodyKind.SyncSeal, ++this.seq, this.seq - 1, capture, vmmRecords());
    machine.resume();
    this.deliver(cp, 'applied', capture.digest);
  }

  /**
   * The epoch boundary at virtual time `now`, guest running: pauses it, captures the machine and the VMM's
   * records, and sends the checkpoint. The caller keeps the guest paused for `pauseMs` and commits the epoch at
   * `ackAt`.
   */
  checkpoint(
    machine: Machine,
    now: number,
    vmmRecords: () => ReadonlyMap<string, VmmRecord> | undefined,
  ): EpochCheckpoint {
    machine.pause();
    const t0 = performance.now();
    const capture = machine.captureCheckpoint();
    const records = vmmRecords();
    const measuredPause = performance.now() - t0;
    const epoch = ++this.seq;
    const t1 = performance.now();
    const cp = this.encoder.encodeCapture(BodyKind.Epoch, epoch, epoch - 1, capture, records);
    const encodeMs = performance.now() - t1;
    const t2 = performance.now();
    this.deliver(cp, 'applied', capture.digest);
    const applyMs = performance.now() - t2;

    const capturedBytes = cp.stats.rawPageBytes + cp.stats.rawRecordBytes;
    const c = this.costs;
    const pauseMs =
      c.kind === 'measured' ? measuredPause : c.pauseBaseMs + (c.pauseMsPerMiB * capturedBytes) / MiB;
    const [encodeCost, applyCost] =
      c.kind === 'measured' ? [encodeMs, applyMs] : [0, (c.processMsPerMiB * cp.body.length) / MiB];
    const sendAt = Math.max(now + pauseMs + encodeCost, this.linkFreeAt);
    this.linkFreeAt = sendAt + (cp.body.length * 8) / (this.bandwidthMbps * 1000);
    const appliedAt = Math.max(this.linkFreeAt + this.delayMs, this.backupFreeAt) + applyCost;
    this.backupFreeAt = appliedAt;
    return {
      epoch,
      pauseMs,
      ackAt: appliedAt + this.delayMs,
      dirtyPages: capture.pages.length,
      capturedBytes,
      bodyBytes: cp.body.length,
    };
  }

  /** The backup takes the body's chunks; anything but the expected outcome is a bug in the path under test. */
  private deliver(cp: EncodedCheckpoint, expect: 'synced' | 'applied', digest?: string): void {
    const outcomes = cp.chunks.flatMap((c) => this.applier.accept({ ...c, epoch: cp.epoch }));
    const last = outcomes.at(-1);
    if (outcomes.length !== 1 || last?.kind !== expect)
      throw new CheckpointPipelineError(
        `checkpoint ${cp.epoch}: the backup answered ${JSON.stringify(outcomes)}, expected ${expect}`,
      );
    if (digest !== undefined && last.kind === 'applied' && last.digest !== digest)
      throw new CheckpointPipelineError(
        `checkpoint ${cp.epoch}: the backup's state digest ${last.digest} differs from the capture's ${digest}`,
      );
  }
}
