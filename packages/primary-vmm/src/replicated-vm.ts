/**
 * A guest run by the VMM that holds its lease: the primary role of Remus-style replication. Unprotected it runs
 * like a native VM; when a backup joins it syncs it live (pre-copy rounds while the guest runs, then a seal),
 * and from then on every epoch is captured, streamed and acked before the epoch's output leaves (output commit).
 * A silent backup is dropped after winning the lease by CAS (so a partitioned backup cannot take over at the
 * same time); a lost lease fences this VMM: output discarded, guest paused, VIP released.
 * A promoted backup runs the activated guest in this same role, and accepts a new backup the same way.
 */
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { BodyKind } from '@vmha/checkpoint';
import { GUEST_SOCKETS_RECORD, type Machine } from '@vmha/machine';
import {
  CheckpointEncoder,
  FailureDetector,
  chunkMessages,
  OutputCommitBuffer,
  PrimaryStream,
  type EncodedCheckpoint,
  type VmLease,
} from '@vmha/replication';
import { context as otelContext, trace, type Span, type Tracer } from '@opentelemetry/api';
import { injectContext, subscribeMessages, type CounterSet, type Logger } from '@vmha/service-runtime';
import {
  CheckpointAck,
  EpochEvent,
  EpochReport,
  Heartbeat,
  JoinReply,
  HandoverReply,
  HandoverRequest,
  JoinRequest,
  ModeReply,
  ModeRequest,
  REPLICATION_MODES,
  isReplicationMode,
  type ReplicationMode,
  TakeoverOrder,
  TakeoverReply,
  VipAnnouncement,
  decodeMessage,
  encodeMessage,
  subjects,
} from '@vmha/shared-proto';
import { NetworkAttachment, type LinkImpairments } from '@vmha/vnet';
import { randomUUID } from 'node:crypto';
import { ReplicationMetrics } from './replication-metrics.ts';
import {
  DEFAULT_FLOW_BUFFER_BYTES,
  RACC_FLOW_BUFFER_BYTES,
  Speculation,
  type SpeculationOptions,
} from '@vmha/speculation';
import { parseIpv4Address } from '@vmha/guest-tcp';
import { VcpuRunner } from './vcpu-runner.ts';

export interface ReplicationTiming {
  /** Epoch length (Remus: 25 ms; 10 to 1000). */
  epochMs: number;
  heartbeatMs: number;
  /** Silence after which the peer is considered failed. */
  failureTimeoutMs: number;
}

/** How long a promoted VMM waits for its first output before it lets a new backup start a sync anyway. */
const FIRST_OUTPUT_BEFORE_JOIN_MS = 1000;

export interface ReplicatedVmOptions extends ReplicationTiming {
  vmId: string;
  /** This VMM's instance name (as in its health subject). */
  instance: string;
  machine: Machine;
  nc: NatsConnection;
  lease: VmLease;
  logger: Logger;
  counters: CounterSet;
  /** What to do when the backup is lost and the lease won: keep running unprotected, or pause the guest. */
  onBackupLoss?: 'continue' | 'pause';
  /** Called once when this VMM is fenced (the service should exit). */
  onFenced?: (why: string) => void;
  /** Called once when this VMM has handed the guest over to its backup (planned failover; the service may exit). */
  onHandedOver?: (to: string) => void;
  egress?: LinkImpairments;
  ingress?: LinkImpairments;
  /** Largest chunk data per NATS message (default 512 KiB, under the default 1 MiB max_payload). */
  maxChunkBytes?: number;
  /** Checkpoints in flight before the next capture waits (default 4). */
  maxInFlight?: number;
  /** Epochs become spans (capture, encode, transfer, ack, release); the backup's apply joins them. */
  tracer?: Tracer;
  /** Epoch, output and failover metrics (default: none recorded). */
  metrics?: ReplicationMetrics;
  /**
   * Speculative communication (VEE 2012): the guest's TCP segments are acked to it at once and delivered by the
   * VMM after their epoch commits. `state`: the flow table a checkpoint carried (a promoted backup resumes it).
   */
  speculation?: { bufferBytes?: number; state?: { bytes: Uint8Array; epoch: number } };
  /** Called once, when the first packet leaves this VMM (a failover's last step). */
  onFirstOutput?: () => void;
}

export type Protection =
  | { kind: 'unprotected' }
  /** The backup is lost; winning the lease (CAS) comes before running unprotected. Output stays held. */
  | { kind: 'claiming'; why: string }
  | { kind: 'syncing'; backup: string; streamId: string }
  | { kind: 'protected'; backup: string; streamId: string }
  | { kind: 'fenced'; why: string };

/** What a planned failover came to (`ReplicatedVm.handOver`). */
export type HandoverResult =
  | { accepted: true; newPrimary: string; epoch: number; leaseRevision: number; guestPausedMs: number }
  | { accepted: false; reason: string };

/** Pages per initial-sync body (1 MiB), and how many bodies may await their acks at once. */
const SYNC_BODY_PAGES = 256;
const SYNC_WINDOW = 4;
const SYNC_ROUNDS = 5;
const SYNC_DONE_PAGES = 256;

export class ReplicatedVm {
  readonly machine: Machine;
  readonly runner: VcpuRunner;
  readonly attachment: NetworkAttachment;
  readonly output = new OutputCommitBuffer();
  private protection: Protection = { kind: 'unprotected' };
  private stream: PrimaryStream;
  private encoder: CheckpointEncoder;
  private detector: FailureDetector | undefined;
  /** Number of the last checkpoint issued in the current stream (sync bodies included). */
  private seq = 0;
  private sealEpoch: number | undefined;
  private sealPending = false;
  /** Output of the running epoch is held (from the seal capture on). */
  private holding = false;
  private readonly subs: Subscription[] = [];
  private timers: NodeJS.Timeout[] = [];
  private heartbeatSeq = 0;
  private ackWaiters: Array<{ epoch: number; resolve: () => void; reject: (e: Error) => void }> = [];
  private leaseCheckInFlight = false;
  private claimInFlight = false;
  /** A planned failover in progress: the guest is paused for its final checkpoint. */
  private handover: { requestedBy: string } | undefined;
  /** The newest epoch whose output may leave (acked), even if a freeze holds it back for now. */
  private releasableEpoch = 0;
  /** When the heartbeat timer last ran: a gap much longer than its interval means the process was frozen. */
  private lastTickAt = performance.now();
  /** Set by a detected freeze; cleared by a confirmed lease, read after `stalledAt`. */
  private stalled = false;
  private stalledAt = 0;
  /** Open epoch spans, by epoch, ended at the ack (or when the stream is dropped). */
  private readonly epochSpans = new Map<number, Span>();
  private firstOutputSeen = false;
  private startedAt = 0;
  readonly metrics: ReplicationMetrics;
  /**
   * Speculative output (once enabled, at start or by `setMode`): it holds, acks and delivers the guest's packets
   * instead of `output`; back in `remus` mode it keeps only the connections it already speculated.
   */
  private spec: Speculation | undefined;
  /** `speculative+racc`: the guest is told the replication buffer (see announceReplicationStatus). */
  private racc = false;
  /** When each epoch in flight was captured (its commit latency runs to the ack). */
  private readonly capturedAt = new Map<number, number>();
  private lastCaptureAt: number | undefined;
  /** When each epoch still holding output held its first packet (the release latency runs from there). */
  private readonly firstHeldAt = new Map<number, number>();
  private lastHeldEpoch = 0;
  /** The state digest of each recent checkpoint, by epoch (what the backup must report for it). */
  readonly recentDigests = new Map<number, string>();
  readonly stats = {
    epochs: 0,
    resends: 0,
    stretchedEpochs: 0,
    lastPauseMs: 0,
    lastEpochBytes: 0,
    lastEpochRawBytes: 0,
    lastAckedDigest: '',
    lastAckedEpoch: 0,
    /** Epochs whose held output has been released (one release-latency sample each). */
    releasedEpochs: 0,
    /** Times this VMM won the lease to run unprotected after losing its backup. */
    wonUnprotected: 0,
    /** The last initial sync: from the join to protected, the seal's pause, and the longest the guest stalled. */
    lastSyncMs: 0,
    sealPauseMs: 0,
    syncMaxStallMs: 0,
    /** Checkpoint bytes since the stream began, as captured and as sent. */
    rawBytesTotal: 0,
    encodedBytesTotal: 0,
  };
  /** The most recent epoch pauses and commit latencies (ms), for percentiles in the counters. */
  private readonly recentPauses = new RecentSamples(1024);
  private readonly recentCommits = new RecentSamples(1024);
  private syncStartedAt = 0;

  constructor(private readonly o: ReplicatedVmOptions) {
    this.machine = o.machine;
    this.metrics = o.metrics ?? new ReplicationMetrics(undefined, o.vmId);
    this.metrics.observeOutput(() => this.output.occupancy);
    this.stream = new PrimaryStream({
      ackTimeoutMs: Math.max(4 * o.epochMs, 200),
      maxInFlight: o.maxInFlight ?? 4,
    });
    this.encoder = new CheckpointEncoder({
      memoryBytes: o.machine.memory.size,
      maxChunkBytes: o.maxChunkBytes ?? 512 * 1024,
    });
    this.runner = new VcpuRunner(this.machine, (p) => this.transmit(p));
    if (o.speculation) {
      const from = o.speculation.state;
      this.spec = from
        ? Speculation.restore(from.bytes, this.speculationOptions())
        : new Speculation(this.speculationOptions());
      // The NIC's replication registers are device state: a guest resumed from a `speculative+racc` primary's
      // checkpoint was being told the buffer, and goes on being told it.
      this.racc = this.spec.speculateNewFlows && o.machine.replicationStatus !== undefined;
    }
    this.attachment = new NetworkAttachment({
      bus: o.nc,
      address: this.machine.address,
      onPacket: (p) => (this.spec ? this.spec.fromNetwork(p) : this.runner.deliver(p)),
      origin: o.instance,
      mayPublish: () => this.mayPublish(),
      egress: o.egress,
      ingress: o.ingress,
    });
  }

  get state(): Protection {
    return this.protection;
  }

  get speculation(): Speculation | undefined {
    return this.spec;
  }

  /**
   * How new connections' output goes out: held until acked (`remus`), or acked at once by the VMM
   * (`speculative`), which in `speculative+racc` also tells the guest's TCP its buffer through the NIC.
   */
  get mode(): ReplicationMode {
    if (!this.spec?.speculateNewFlows) return 'remus';
    return this.racc ? 'speculative+racc' : 'speculative';
  }

  /**
   * Switches the mode at run time. Connections open now keep the way they started (the guest's view of a
   * speculated one depends on the VMM); new ones take the new mode. In `speculative+racc` new flows get the larger
   * buffer and the NIC's replication registers announce it from the next epoch; leaving it clears them, and the
   * guest's `racc` congestion control falls back to CUBIC.
   */
  setMode(mode: ReplicationMode): void {
    if (mode !== 'remus' && !this.spec) {
      this.spec = new Speculation(this.speculationOptions());
      this.timers.push(setInterval(() => this.spec?.tick(), SPECULATION_TICK_MS));
    }
    if (this.spec) {
      this.spec.speculateNewFlows = mode !== 'remus';
      this.spec.flowBufferBytes =
        mode === 'speculative+racc'
          ? RACC_FLOW_BUFFER_BYTES
          : (this.o.speculation?.bufferBytes ?? DEFAULT_FLOW_BUFFER_BYTES);
    }
    this.racc = mode === 'speculative+racc';
    this.announceReplicationStatus();
    this.o.logger.info('mode', { mode });
  }

  /**
   * `speculative+racc` (VEE 2012 §4): the NIC's paravirtual registers tell the guest the buffer it may fill, how
   * full it is and the epoch timing. Written at each epoch boundary, so each capture carries what the guest saw.
   */
  private announceReplicationStatus(): void {
    if (!this.racc || !this.spec) {
      if (this.machine.replicationStatus !== undefined) this.machine.setReplicationStatus(undefined);
      return;
    }
    this.machine.setReplicationStatus(
      this.spec.replicationStatus({
        epochMs: this.o.epochMs,
        commitLatencyMs: this.recentCommits.last ?? this.o.epochMs,
      }),
    );
  }

  private speculationOptions(): SpeculationOptions {
    return {
      guestAddress: parseIpv4Address(this.machine.address),
      now: () => performance.now(),
      toGuest: (p) => this.runner.deliver(p),
      toNetwork: (p) => this.sendOut(p),
      bufferBytes: this.o.speculation?.bufferBytes,
      pacingBurstMs: SPECULATION_TICK_MS, // (its tick runs on an interval, not at each pacing deadline)
    };
  }

  private onModeRequest(req: ModeRequest, msg: Msg): void {
    if (this.protection.kind === 'fenced') return;
    const reply = (accepted: boolean, reason: string): void => {
      msg.respond(encodeMessage(ModeReply, { vmId: this.o.vmId, accepted, reason, mode: this.mode }));
    };
    if (!isReplicationMode(req.mode))
      return reply(false, `unknown mode ${JSON.stringify(req.mode)}: ${REPLICATION_MODES.join(', ')}`);
    this.setMode(req.mode);
    reply(true, '');
  }

  get leaseRevision(): number {
    return this.o.lease.revision ?? 0;
  }

  start(): void {
    this.startedAt = performance.now();
    const { nc, vmId, logger, counters } = this.o;
    const opts = { counters, logger };
    this.subs.push(
      subscribeMessages(
        nc,
        subjects.replicationJoin(vmId),
        JoinRequest,
        (m, msg) => this.onJoin(m, msg),
        opts,
      ),
      subscribeMessages(nc, subjects.replicationAcks(vmId), CheckpointAck, (m) => this.onAck(m), opts),
      subscribeMessages(nc, subjects.replicationHeartbeat(vmId), Heartbeat, (m) => this.onHeartbeat(m), opts),
      subscribeMessages(
        nc,
        subjects.replicationHandover(vmId),
        HandoverRequest,
        (m, msg) => void this.onHandoverRequest(m, msg),
        opts,
      ),
      subscribeMessages(
        nc,
        subjects.replicationMode(vmId),
        ModeRequest,
        (m, msg) => this.onModeRequest(m, msg),
        opts,
      ),
    );
    this.runner.start();
    // A flow table resumed from a checkpoint is all committed: its delivery goes on from here.
    const resumed = this.o.speculation?.state;
    if (resumed) this.spec?.commit(resumed.epoch);
    this.timers.push(
      setInterval(() => this.epochTick(), this.o.epochMs),
      setInterval(() => this.heartbeatTick(), this.o.heartbeatMs),
    );
    // The speculative flows' retransmission and persist timers (RTO >= 200 ms: 10 ms is fine-grained enough).
    if (this.spec) this.timers.push(setInterval(() => this.spec?.tick(), SPECULATION_TICK_MS));
    this.announceVip();
  }

  /** Stops everything (shutdown): the guest stops, the VIP is released. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const s of this.subs) s.unsubscribe();
    this.runner.stop();
    this.failWaiters(new Error('stopped'));
    await this.attachment.close();
  }

  /**
   * For tests: dies as kill -9 would. Nothing more leaves (held output is lost with the process), no timer
   * fires, and the NATS connection drops without a goodbye.
   */
  async crashForTest(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.runner.stop();
    this.protection = { kind: 'fenced', why: 'crashed' };
    this.output.discardAll();
    for (const sub of this.subs) sub.unsubscribe();
    await this.o.nc.close();
    await this.attachment.close().catch(() => undefined);
  }

  counters(): Record<string, number> {
    const occ = this.output.occupancy;
    return {
      'repl.epochs': this.stats.epochs,
      'repl.acked_epoch': this.stream.ackedEpoch,
      'repl.in_flight': this.stream.pending.length,
      'repl.resends': this.stats.resends,
      'repl.stretched_epochs': this.stats.stretchedEpochs,
      'repl.last_pause_ms': this.stats.lastPauseMs,
      'repl.last_epoch_bytes': this.stats.lastEpochBytes,
      'repl.last_epoch_raw_bytes': this.stats.lastEpochRawBytes,
      'repl.output_held_packets': occ.packets,
      'repl.output_held_bytes': occ.bytes,
      'repl.output_released': this.output.counters.released,
      'repl.released_epochs': this.stats.releasedEpochs,
      'repl.output_dropped_full': this.output.counters.droppedFull,
      'repl.output_discarded': this.output.counters.discarded,
      'repl.protected': this.protection.kind === 'protected' ? 1 : 0,
      'repl.won_unprotected': this.stats.wonUnprotected,
      'lease.revision': this.leaseRevision,
      'net.sent': this.attachment.counters.sent,
      'net.received': this.attachment.counters.received,
      'vm.virtual_time_ms': this.machine.virtualNow(),
      'vcpu.running': this.runner.runState.kind === 'running' ? 1 : 0,
      'repl.speculative': this.mode === 'remus' ? 0 : 1,
      'repl.racc': this.mode === 'speculative+racc' ? 1 : 0,
      'vcpu.max_stall_ms': this.runner.counters.maxStallMs,
      ...Object.fromEntries(Object.entries(this.spec?.counters ?? {}).map(([k, v]) => [`spec.${k}`, v])),
      'repl.pause_p50_ms': this.recentPauses.quantile(0.5),
      'repl.pause_p99_ms': this.recentPauses.quantile(0.99),
      'repl.pause_max_ms': this.recentPauses.quantile(1),
      'repl.commit_p50_ms': this.recentCommits.quantile(0.5),
      'repl.commit_p99_ms': this.recentCommits.quantile(0.99),
      'repl.sync_ms': this.stats.lastSyncMs,
      'repl.seal_pause_ms': this.stats.sealPauseMs,
      'repl.sync_max_stall_ms': this.stats.syncMaxStallMs,
      'repl.raw_bytes_total': this.stats.rawBytesTotal,
      'repl.encoded_bytes_total': this.stats.encodedBytesTotal,
    };
  }

  // --- Output ------------------------------------------------------------------------------------------

  private transmit(packet: Uint8Array): void {
    if (this.protection.kind === 'fenced') return;
    if (this.spec) {
      const epoch = this.seq + 1;
      this.spec.fromGuest(packet, epoch);
      if (!this.holding) this.spec.commit(epoch); // unprotected: nothing waits for a backup
      return;
    }
    if (this.holding) {
      const epoch = this.seq + 1;
      if (epoch !== this.lastHeldEpoch) {
        this.lastHeldEpoch = epoch;
        this.firstHeldAt.set(epoch, performance.now());
      }
      this.output.hold(epoch, packet);
      return;
    }
    this.sendOut(packet);
  }

  private sendOut(packet: Uint8Array): void {
    this.attachment.send(packet);
    if (!this.firstOutputSeen) {
      this.firstOutputSeen = true;
      this.o.onFirstOutput?.();
    }
  }

  /**
   * Releases held output up to `epoch`, unless this process was frozen (SIGSTOP, a VM pause, a long GC) for long
   * enough that a backup may have taken over meanwhile: then nothing leaves until the lease is confirmed again.
   * Acks queued before the freeze would otherwise release output while the new primary is already running.
   */
  private release(epoch: number): void {
    this.releasableEpoch = Math.max(this.releasableEpoch, epoch);
    if (this.frozenSince() !== undefined) {
      void this.checkLease();
      return;
    }
    for (const p of this.output.release(this.releasableEpoch)) this.sendOut(p);
    this.spec?.commit(this.releasableEpoch);
    const now = performance.now();
    for (const [e, at] of this.firstHeldAt) {
      if (e > this.releasableEpoch) break; // (in epoch order: inserted as epochs advance)
      this.metrics.outputReleased(now - at);
      this.stats.releasedEpochs++;
      this.firstHeldAt.delete(e);
    }
  }

  /**
   * The last word on output, asked by the network attachment right before each message leaves: nothing leaves a
   * fenced VMM, nor one that may have been frozen until its lease is confirmed. Output released before a freeze
   * but still queued in this process (its publish had not run) would otherwise leave when the process wakes up,
   * after the backup has taken over.
   */
  private mayPublish(): boolean {
    if (this.protection.kind === 'fenced') return false;
    if (this.frozenSince() === undefined) return true;
    void this.checkLease();
    return false;
  }

  /** When the event loop last ran on time, if it stalled for half the failure timeout or more since. */
  private frozenSince(): number | undefined {
    const now = performance.now();
    if (now - this.lastTickAt < this.o.failureTimeoutMs / 2 && !this.stalled) return undefined;
    if (!this.stalled) this.stalledAt = performance.now();
    this.stalled = true;
    return this.lastTickAt;
  }

  // --- Joining and initial sync ----------------------------------------------------------------------

  private onJoin(req: JoinRequest, msg: Msg): void {
    const reply = (accepted: boolean, reason: string, streamId = ''): void => {
      msg.respond(
        encodeMessage(JoinReply, {
          vmId: this.o.vmId,
          accepted,
          reason,
          streamId,
          primary: this.o.instance,
          leaseRevision: this.leaseRevision,
        }),
      );
    };
    if (this.protection.kind === 'fenced') return reply(false, 'fenced');
    if (this.protection.kind === 'claiming') return reply(false, 'claiming the lease');
    if (this.protection.kind !== 'unprotected')
      return reply(false, `busy with backup ${this.protection.backup}`);
    if (req.leaseRevision > this.leaseRevision) return reply(false, 'the joiner has seen a newer lease');
    // A promoted VMM serves its clients before it starts a sync (whose start reads all of memory): a backup
    // asking in the first moments asks again at its next tick. Bounded, for a guest with nothing to say.
    if (
      this.o.onFirstOutput &&
      !this.firstOutputSeen &&
      performance.now() - this.startedAt < FIRST_OUTPUT_BEFORE_JOIN_MS
    )
      return reply(false, 'promoted: serving the clients first');
    const streamId = randomUUID();
    reply(true, '', streamId);
    this.o.logger.info('backup joining: initial sync', { backup: req.backup, streamId });
    void this.sync(req.backup, streamId).catch((e: Error) => {
      this.o.logger.warn('initial sync ended', { backup: req.backup, why: e.message });
    });
  }

  private async sync(backup: string, streamId: string): Promise<void> {
    this.protection = { kind: 'syncing', backup, streamId };
    this.syncStartedAt = performance.now();
    this.runner.takeMaxStall();
    this.detector = new FailureDetector(this.o.failureTimeoutMs, performance.now());
    this.seq = 0;
    this.sealEpoch = undefined;
    this.stream.reset(0);
    this.output.rebase(); // nothing is held while unprotected; the new stream numbers epochs from 1
    this.capturedAt.clear();
    this.firstHeldAt.clear();
    this.lastHeldEpoch = 0;
    this.lastCaptureAt = undefined;
    this.releasableEpoch = 0;
    this.encoder.reset();
    this.machine.startPageTracking();
    const memory = this.machine.memory;
    let pages = Array.from(memory.nonZeroPages());
    this.machine.takeDirtyPages(); // round 1 reads everything now
    for (let round = 1; ; round++) {
      for (let i = 0; i < pages.length || (i === 0 && pages.length === 0); i += SYNC_BODY_PAGES) {
        const slice = pages.slice(i, i + SYNC_BODY_PAGES).map((p) => [p, memory.pageView(p)] as const);
        const cp = this.encoder.encodeSyncPages(++this.seq, slice);
        this.send(cp, undefined);
        // A few bodies in flight, and the guest gets the CPU between any two: encoding and publishing a batch
        // runs on the guest's thread here, so small batches keep its stalls short (a real VMM's migration
        // thread would run beside the vCPUs).
        await this.acked(cp.epoch - SYNC_WINDOW + 1);
        await new Promise((r) => setImmediate(r));
        if (pages.length === 0) break;
      }
      await this.acked(this.seq);
      if (round >= SYNC_ROUNDS) break;
      const dirty = this.machine.takeDirtyPages();
      if (dirty.length < SYNC_DONE_PAGES) {
        // Few enough left: send them, then seal (the seal's capture takes what was written since).
        pages = Array.from(dirty);
        const slice = pages.map((p) => [p, memory.pageView(p)] as const);
        const cp = this.encoder.encodeSyncPages(++this.seq, slice);
        this.send(cp, undefined);
        await this.acked(cp.epoch);
        break;
      }
      pages = Array.from(dirty);
    }
    if (this.protection.kind !== 'syncing' || this.protection.streamId !== streamId) return;
    this.sealPending = true; // the next epoch tick captures the seal
  }

  private acked(epoch: number): Promise<void> {
    if (this.stream.ackedEpoch >= epoch) return Promise.resolve();
    return new Promise((resolve, reject) => this.ackWaiters.push({ epoch, resolve, reject }));
  }

  private failWaiters(e: Error): void {
    const waiters = this.ackWaiters;
    this.ackWaiters = [];
    for (const w of waiters) w.reject(e);
  }

  // --- Epochs --------------------------------------------------------------------------------------------

  private epochTick(): void {
    const now = performance.now();
    const p = this.protection;
    if (p.kind !== 'syncing' && p.kind !== 'protected') return;
    for (const f of this.stream.due(now)) {
      this.stats.resends++;
      this.publishChunks(f.checkpoint);
    }
    if (this.handover !== undefined) return; // the guest stays paused for the final checkpoint
    const capturing = p.kind === 'protected' || this.sealPending;
    if (!capturing) return;
    if (!this.stream.canCapture()) {
      this.stats.stretchedEpochs++;
      return;
    }
    this.captureEpoch(true);
  }

  /**
   * Pauses the guest, captures the epoch's checkpoint, resumes the guest (unless told not to: a handover's final
   * checkpoint) and sends the checkpoint while the next epoch runs. Returns its epoch number.
   */
  private captureEpoch(resume: boolean): number {
    const span = this.o.tracer?.startSpan('epoch', { attributes: { 'vm.id': this.o.vmId } });
    this.runner.pause(); // runs the guest up to now, then stops its vCPU and clock
    this.announceReplicationStatus();
    const t0 = performance.now(); // the pause: from the vCPU stopping to its resuming
    const capture = this.machine.captureCheckpoint();
    // The speculation flow table at the same instant: the backup resumes delivery from it.
    const vmmRecords = this.spec
      ? new Map([['vmm.speculation', { bytes: this.spec.saveStateParts(), sources: [GUEST_SOCKETS_RECORD] }]])
      : undefined;
    const seal = this.sealPending;
    this.seq++;
    if (seal) {
      this.sealPending = false;
      this.sealEpoch = this.seq;
      this.holding = true; // output from here on waits for acks
    }
    if (resume) this.runner.resume();
    this.stats.lastPauseMs = performance.now() - t0;
    if (seal) this.stats.sealPauseMs = this.stats.lastPauseMs;
    const cp = this.encoder.encodeCapture(
      seal ? BodyKind.SyncSeal : BodyKind.Epoch,
      this.seq,
      this.seq - 1,
      capture,
      vmmRecords,
    );
    this.stats.epochs++;
    const rawBytes = cp.stats.rawPageBytes + cp.stats.rawRecordBytes; // what was captured, before encoding
    if (span) {
      span.setAttributes({
        'epoch.number': this.seq,
        'epoch.kind': seal ? 'seal' : 'epoch',
        'epoch.pause_ms': this.stats.lastPauseMs,
        'epoch.dirty_pages': capture.pages.length,
        'checkpoint.raw_bytes': rawBytes,
        'checkpoint.bytes': cp.body.length,
        'checkpoint.chunks': cp.chunks.length,
      });
      span.addEvent('captured');
      span.addEvent('encoded');
      this.epochSpans.set(this.seq, span);
    }
    this.recentDigests.set(this.seq, capture.digest);
    if (this.recentDigests.size > 256) this.recentDigests.delete(this.recentDigests.keys().next().value!);
    this.stats.lastEpochBytes = cp.body.length;
    this.stats.lastEpochRawBytes = rawBytes;
    this.metrics.epochCaptured({
      durationMs: this.lastCaptureAt === undefined ? undefined : t0 - this.lastCaptureAt,
      pauseMs: this.stats.lastPauseMs,
      rawBytes,
      encodedBytes: cp.body.length,
    });
    this.lastCaptureAt = t0;
    this.capturedAt.set(this.seq, t0);
    this.recentPauses.add(this.stats.lastPauseMs);
    this.stats.rawBytesTotal += rawBytes;
    this.stats.encodedBytesTotal += cp.body.length;
    this.send(cp, capture.digest);
    return this.seq;
  }

  private send(cp: EncodedCheckpoint, digest: string | undefined): void {
    this.stream.sent(cp, digest, performance.now());
    if (digest !== undefined) this.report(EpochEvent.EPOCH_EVENT_SENT, cp.epoch, digest); // before its chunks
    this.publishChunks(cp);
  }

  /** Says what happened to an epoch on the VM's epoch-report subject (operators, audits, tests). */
  private report(event: EpochEvent, epoch: number, digest: string): void {
    const p = this.protection;
    if (p.kind !== 'syncing' && p.kind !== 'protected') return;
    this.o.nc.publish(
      subjects.replicationEpochs(this.o.vmId),
      encodeMessage(EpochReport, {
        vmId: this.o.vmId,
        sender: this.o.instance,
        streamId: p.streamId,
        epoch,
        event,
        stateDigest: digest,
        leaseRevision: this.leaseRevision,
      }),
    );
  }

  private publishChunks(cp: EncodedCheckpoint): void {
    const p = this.protection;
    if (p.kind !== 'syncing' && p.kind !== 'protected') return;
    const subject = subjects.replicationChunks(this.o.vmId, p.backup);
    const span = this.epochSpans.get(cp.epoch);
    const headers = span ? injectContext(undefined, trace.setSpan(otelContext.active(), span)) : undefined;
    span?.addEvent('transfer', { chunks: cp.chunks.length });
    const from = { vmId: this.o.vmId, streamId: p.streamId, leaseRevision: this.leaseRevision };
    for (const m of chunkMessages(cp, from)) this.o.nc.publish(subject, m, headers ? { headers } : undefined);
  }

  private onAck(ack: CheckpointAck): void {
    const p = this.protection;
    if ((p.kind !== 'syncing' && p.kind !== 'protected') || ack.streamId !== p.streamId) return;
    if (ack.leaseRevision > this.leaseRevision) {
      void this.checkLease();
      return;
    }
    this.detector?.heard(performance.now());
    const verdict = this.stream.onAck(
      { epoch: ack.epoch, applied: ack.applied, digest: ack.stateDigest },
      performance.now(),
    );
    switch (verdict.kind) {
      case 'release':
        this.endEpochSpans(verdict.epoch);
        for (const [e, at] of this.capturedAt) {
          if (e > verdict.epoch) break;
          this.metrics.epochAcked(performance.now() - at);
          this.recentCommits.add(performance.now() - at);
          this.capturedAt.delete(e);
        }
        this.stats.lastAckedEpoch = verdict.epoch;
        if (ack.stateDigest) {
          this.stats.lastAckedDigest = ack.stateDigest;
          this.report(EpochEvent.EPOCH_EVENT_ACKED, verdict.epoch, ack.stateDigest);
        }
        if (this.holding) this.release(verdict.epoch);
        if (p.kind === 'syncing' && this.sealEpoch !== undefined && verdict.epoch >= this.sealEpoch) {
          this.protection = { kind: 'protected', backup: p.backup, streamId: p.streamId };
          this.stats.lastSyncMs = performance.now() - this.syncStartedAt;
          this.stats.syncMaxStallMs = this.runner.takeMaxStall(); // from here on: the protected guest's stalls
          this.o.logger.info('protected', { backup: p.backup, epoch: verdict.epoch });
        }
        for (const w of this.ackWaiters.filter((x) => x.epoch <= verdict.epoch)) w.resolve();
        this.ackWaiters = this.ackWaiters.filter((x) => x.epoch > verdict.epoch);
        return;
      case 'resend':
        this.stats.resends++;
        for (const f of verdict.checkpoints) this.publishChunks(f.checkpoint);
        return;
      case 'diverged':
        this.o.logger.error('backup diverged from the primary: resynchronising', { ...verdict });
        void this.dropBackup('diverged');
        return;
      case 'ignored':
        return;
    }
  }

  /** Ends every open epoch span unacked (the stream was dropped or this VMM fenced). */
  private abandonEpochSpans(why: string): void {
    for (const span of this.epochSpans.values()) {
      span.addEvent('abandoned', { why });
      span.end();
    }
    this.epochSpans.clear();
  }

  /** Ends the spans of every epoch up to `epoch`: acked, and (when holding) its output released. */
  private endEpochSpans(epoch: number): void {
    for (const [e, span] of this.epochSpans) {
      if (e > epoch) continue;
      span.addEvent('acked');
      if (this.holding) span.addEvent('released', { packets_held: this.output.occupancy.packets });
      span.end();
      this.epochSpans.delete(e);
    }
  }

  // --- Planned failover -----------------------------------------------------------------------------------

  private async onHandoverRequest(req: HandoverRequest, msg: Msg): Promise<void> {
    if (this.protection.kind === 'fenced') return; // not the primary any more: the one that is answers
    const answer = async (result: HandoverResult): Promise<void> => {
      msg.respond(
        encodeMessage(HandoverReply, {
          vmId: this.o.vmId,
          ...(result.accepted ? { reason: '', ...result } : result),
        }),
      );
      await this.o.nc.flush().catch(() => undefined);
    };
    const result = await this.handOver(req.requestedBy || 'unknown', answer);
    if (!result.accepted) await answer(result);
  }

  /**
   * Planned failover: the guest is paused, a final checkpoint cut and acked (its output leaves), and the backup
   * ordered to take over from exactly that epoch; it wins the lease by CAS from our revision and runs the guest,
   * and this VMM is then fenced like one that lost its lease (it releases nothing more). The guest stands still
   * for one checkpoint round trip and the backup's activation, not a failure timeout. If anything fails before
   * the backup answers, this VMM claims the lease back by CAS (so a backup still trying cannot win it too) and
   * runs on unprotected; the backup joins again.
   */
  async handOver(
    requestedBy: string,
    /** Told of a successful handover before this VMM is fenced (and its service, told, may exit). */
    announce?: (result: HandoverResult) => Promise<void>,
  ): Promise<HandoverResult> {
    const p = this.protection;
    if (p.kind !== 'protected')
      return { accepted: false, reason: `not protected by a synced backup (${p.kind})` };
    if (this.handover !== undefined) return { accepted: false, reason: 'a handover is in progress' };
    this.handover = { requestedBy };
    this.o.logger.info('planned failover: handing the guest over', { to: p.backup, requestedBy });
    const t0 = performance.now();
    this.runner.pause();
    const finalEpoch = this.captureEpoch(false);
    const timeoutMs = Math.max(1000, 20 * this.o.epochMs, 2 * this.o.failureTimeoutMs);
    let reason: string;
    try {
      await withTimeout(this.acked(finalEpoch), timeoutMs, `final checkpoint ${finalEpoch} not acked`);
      const answer = await this.o.nc.request(
        subjects.replicationTakeover(this.o.vmId, p.backup),
        encodeMessage(TakeoverOrder, {
          vmId: this.o.vmId,
          streamId: p.streamId,
          primary: this.o.instance,
          epoch: finalEpoch,
          leaseRevision: this.leaseRevision,
        }),
        { timeout: timeoutMs },
      );
      const reply = decodeMessage(TakeoverReply, answer.data);
      if (reply.ok && reply.message.accepted) {
        const result: HandoverResult = {
          accepted: true,
          newPrimary: p.backup,
          epoch: finalEpoch,
          leaseRevision: reply.message.leaseRevision,
          guestPausedMs: performance.now() - t0,
        };
        // (The guest stays paused and nothing is held: nothing can leave here while the answer goes out.)
        await announce?.(result).catch(() => undefined);
        this.fence(`handed over to ${p.backup}`, p.backup);
        return result;
      }
      reason = reply.ok
        ? `the backup refused: ${reply.message.reason}`
        : `bad takeover reply: ${reply.detail}`;
    } catch (e) {
      reason = (e as Error).message;
    }
    this.handover = undefined;
    this.o.logger.warn('planned failover failed: claiming the lease back', { reason });
    await this.dropBackup(`handover failed: ${reason}`);
    return { accepted: false, reason };
  }

  // --- Liveness and the lease ------------------------------------------------------------------------------

  private onHeartbeat(hb: Heartbeat): void {
    if (hb.sender === this.o.instance) return;
    if (hb.leaseRevision > this.leaseRevision) void this.checkLease();
    const p = this.protection;
    if ((p.kind === 'syncing' || p.kind === 'protected') && hb.sender === p.backup)
      this.detector?.heard(performance.now());
  }

  private heartbeatTick(): void {
    const now = performance.now();
    if (now - this.lastTickAt >= this.o.failureTimeoutMs / 2) {
      if (!this.stalled) this.stalledAt = performance.now();
      this.stalled = true;
      this.o.logger.warn('the process was frozen: holding output until the lease is confirmed', {
        frozenMs: Math.round(now - this.lastTickAt),
      });
      // The backup's heartbeats of that time may be unread in the socket: its silence is ours, not its own.
      this.detector?.discount(this.lastTickAt, now);
      void this.checkLease();
    }
    this.lastTickAt = now;
    const p = this.protection;
    // Fenced, or the connection closing for good (a shutdown under way): there is no one to tell.
    if (p.kind === 'fenced' || this.o.nc.isClosed() || this.o.nc.isDraining()) return;
    this.o.nc.publish(
      subjects.replicationHeartbeat(this.o.vmId),
      encodeMessage(Heartbeat, {
        vmId: this.o.vmId,
        sender: this.o.instance,
        role: 'primary',
        streamId: p.kind === 'syncing' || p.kind === 'protected' ? p.streamId : '',
        leaseRevision: this.leaseRevision,
        epoch: this.stream.ackedEpoch,
        sequence: ++this.heartbeatSeq,
      }),
    );
    if ((p.kind === 'syncing' || p.kind === 'protected') && this.detector?.suspects(now)) {
      void this.dropBackup(
        `no word from backup ${p.backup} for ${Math.round(this.detector.silentFor(now))} ms`,
      );
    }
    if (p.kind === 'claiming') void this.claimLease();
    if (this.heartbeatSeq % 5 === 0) void this.checkLease();
    if (this.heartbeatSeq % 10 === 0) this.announceVip();
  }

  /**
   * The backup is gone (or diverged). Before running unprotected, win the lease by CAS from our own revision:
   * if the backup took over meanwhile, we lose and are fenced instead. While the store cannot be reached the
   * outcome is unknown: output stays held and the claim is retried every heartbeat.
   */
  private async dropBackup(why: string): Promise<void> {
    const p = this.protection;
    if (p.kind !== 'syncing' && p.kind !== 'protected') return;
    this.protection = { kind: 'claiming', why };
    this.failWaiters(new Error(why));
    this.abandonEpochSpans(why);
    this.o.logger.warn('backup lost: claiming the lease', { backup: p.backup, why });
    await this.claimLease();
  }

  private async claimLease(): Promise<void> {
    if (this.protection.kind !== 'claiming' || this.claimInFlight) return;
    this.claimInFlight = true;
    try {
      const expected = this.o.lease.revision;
      if (expected === undefined) {
        this.fence('no lease held while claiming it');
        return;
      }
      const askedAt = performance.now();
      const cas = await this.o.lease.compareAndSwap(expected, 'unprotected');
      if ((this.protection as Protection).kind !== 'claiming') return;
      if (!cas.won) {
        if (cas.outcome === 'conflict') this.fence(`lost the lease while claiming it: ${cas.reason}`);
        else
          this.o.logger.warn('lease store unreachable: output held, claim retried', { reason: cas.reason });
        return;
      }
      // A win answered before a freeze and read after it (the reply sat in the socket while this process was
      // stopped) vouches for nothing now: the backup may have taken the lease over since. Nothing is released on
      // it; a fresh read decides (fenced, or the lease confirmed and the claim made again).
      if (this.frozenSince() !== undefined && askedAt <= this.stalledAt) {
        this.o.logger.warn('the lease claim was answered across a freeze: confirming it before any output');
        void this.checkLease();
        return;
      }
      this.protection = { kind: 'unprotected' };
      this.stats.wonUnprotected++;
      this.stalled = false; // the CAS just proved the lease ours
      this.lastTickAt = performance.now();
      // The lease is ours alone: held output may leave, and output flows unprotected from here.
      this.release(Number.MAX_SAFE_INTEGER);
      this.holding = false;
      this.stream.reset(this.stream.ackedEpoch);
      this.capturedAt.clear();
      this.machine.stopPageTracking();
      this.sealPending = false;
      this.sealEpoch = undefined;
      if (this.o.onBackupLoss === 'pause') this.runner.pause();
      else this.runner.resume(); // (paused by a handover that failed)
      this.announceVip();
      this.o.logger.info('running unprotected', { leaseRevision: cas.revision });
    } finally {
      this.claimInFlight = false;
    }
  }

  private async checkLease(): Promise<void> {
    if (this.leaseCheckInFlight || this.protection.kind === 'fenced') return;
    this.leaseCheckInFlight = true;
    const askedAt = performance.now();
    let askAgain = false;
    try {
      if (await this.o.lease.confirm()) {
        // (The protection may have changed while the lease was read.) A read asked before the freeze was noticed
        // may have been answered before the backup took over and sat in the socket while this process was
        // stopped: it vouches for nothing now, so ask again.
        if (this.stalled && askedAt <= this.stalledAt) askAgain = true;
        else if (this.stalled && (this.protection as Protection).kind !== 'fenced') {
          this.stalled = false;
          this.lastTickAt = performance.now();
          this.attachment.flush(); // what a suspected freeze held back
          this.release(this.releasableEpoch);
        }
      } else if (this.handover !== undefined) {
        // A takeover is ordered: the backup's CAS moves the lease before its reply reaches us (its first heartbeat,
        // with the new revision, can even come first and send us here). The guest is paused and nothing is left to
        // release; the reply, or its absence, ends the handover (fenced as handed over, or by the claim's CAS).
        this.o.logger.debug('the lease moved during a handover: the takeover reply decides');
      } else this.fence('the lease is held by another VMM');
    } catch (e) {
      this.o.logger.warn('lease check failed', { err: e });
    } finally {
      this.leaseCheckInFlight = false;
    }
    if (askAgain) void this.checkLease();
  }

  /** Releases nothing more, ever: the lease is lost (or, given `handedOverTo`, passed on by a handover). */
  private fence(why: string, handedOverTo?: string): void {
    if (this.protection.kind === 'fenced') return;
    this.protection = { kind: 'fenced', why };
    this.abandonEpochSpans(why);
    if (handedOverTo === undefined) this.o.logger.error('fenced: releasing nothing more', { why });
    else this.o.logger.info('handed over: releasing nothing more', { to: handedOverTo });
    this.output.discardAll();
    this.failWaiters(new Error(why));
    this.runner.pause();
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    void this.attachment.close();
    if (handedOverTo === undefined) this.o.onFenced?.(why);
    else this.o.onHandedOver?.(handedOverTo);
  }

  private announceVip(): void {
    this.o.nc.publish(
      subjects.vipAnnounce(this.o.vmId),
      encodeMessage(VipAnnouncement, {
        vmId: this.o.vmId,
        address: this.machine.address,
        owner: this.o.instance,
        leaseRevision: this.leaseRevision,
      }),
    );
  }
}

/** `promise`, or a rejection naming `what` after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The last `capacity` samples, for percentiles. */
class RecentSamples {
  private readonly values: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  add(value: number): void {
    this.values[this.count++ % this.values.length] = value;
  }

  /** The sample added last, if any. */
  get last(): number | undefined {
    return this.count === 0 ? undefined : this.values[(this.count - 1) % this.values.length];
  }

  /** The q-quantile (0..1, nearest rank) of the samples held; 0 when there are none. */
  quantile(q: number): number {
    const n = Math.min(this.count, this.values.length);
    if (n === 0) return 0;
    const sorted = this.values.slice(0, n).sort();
    return sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  }
}

/** How often the speculation's timers (RTO, probes, pacing) are looked at. */
const SPECULATION_TICK_MS = 10;
