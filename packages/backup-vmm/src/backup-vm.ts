/**
 * The backup role (Remus): joins the VM's primary, receives its live initial sync and then every epoch's
 * checkpoint, applies each atomically to a replica that never runs, and acks it with the replica's digest. When
 * the primary falls silent it takes the lease by CAS from the revision the primary held (the fencing token);
 * winning, it activates the guest from the last applied checkpoint and runs it as the new primary, unprotected
 * until a new backup joins it. Losing, it stays a backup and joins again.
 */
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  context as otelContext,
  trace,
  type Context,
  type Meter,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { Machine, MachineReplica, type GuestProgram } from '@vmha/machine';
import {
  ReplicatedVm,
  ReplicationMetrics,
  type FailoverPhase,
  type ReplicationTiming,
} from '@vmha/primary-vmm';
import {
  CheckpointApplier,
  FailureDetector,
  receivedChunk,
  type ApplierOutcome,
  type VmLease,
} from '@vmha/replication';
import { extractContext, subscribeMessages, type CounterSet, type Logger } from '@vmha/service-runtime';
import {
  CheckpointAck,
  CheckpointChunk,
  EpochEvent,
  EpochReport,
  Heartbeat,
  JoinReply,
  JoinRequest,
  TakeoverOrder,
  TakeoverReply,
  decodeMessage,
  encodeMessage,
  subjects,
} from '@vmha/shared-proto';
import type { LinkImpairments } from '@vmha/vnet';

export interface BackupVmOptions extends ReplicationTiming {
  vmId: string;
  instance: string;
  nc: NatsConnection;
  lease: VmLease;
  logger: Logger;
  counters: CounterSet;
  /** The guest's programs (code): matched to the replica's regions at activation. */
  programs: () => GuestProgram[];
  memoryBytes: number;
  egress?: LinkImpairments;
  ingress?: LinkImpairments;
  /** Called when this VMM has become the primary. */
  onPromoted?: (vm: ReplicatedVm) => void;
  /** Called if, as the primary, this VMM is later fenced. */
  onFenced?: (why: string) => void;
  /** Called if, as the primary, this VMM later hands the guest over to its own backup (planned failover). */
  onHandedOver?: (to: string) => void;
  /** Applies join the primary's epoch traces; a failover is one trace of its own. */
  tracer?: Tracer;
  /** Failover phase durations here; epoch and output metrics once promoted (default: none recorded). */
  meter?: Meter;
}

/** The longest a promoted VMM's activation digest waits for the first output before it starts anyway. */
const ACTIVATION_DIGEST_DELAY_MS = 500;
/** Pages the activation digest reads between two turns of the event loop (4 MiB). */
const ACTIVATION_DIGEST_SLICE_PAGES = 1024;

export type BackupState =
  | { kind: 'joining' }
  | { kind: 'following'; primary: string; streamId: string; primaryRevision: number }
  | { kind: 'taking-over'; primary: string; streamId: string; primaryRevision: number; why: string }
  | { kind: 'primary'; vm: ReplicatedVm }
  | { kind: 'stopped' };

export class BackupVm {
  private stateValue: BackupState = { kind: 'joining' };
  private replica: MachineReplica;
  private applier: CheckpointApplier;
  private detector: FailureDetector | undefined;
  private readonly subs: Subscription[] = [];
  private chunkSub: Subscription | undefined;
  private timers: NodeJS.Timeout[] = [];
  /** Fires at the failure detector's deadline while following. */
  private detectionTimer: NodeJS.Timeout | undefined;
  private heartbeatSeq = 0;
  /** When the tick last ran: a gap much longer than its interval means this process was frozen. */
  private lastTickAt = performance.now();
  private joinInFlight = false;
  /** The failover trace in progress (root span and its context). */
  private failover: { root: Span; ctx: Context } | undefined;
  private takeoverInFlight = false;
  /** Rejections already reported, by epoch and reason. */
  private readonly rejectionsReported = new Set<string>();
  /** When the takeover in progress began (failure detected or handover ordered), and whether it was planned. */
  private takeoverSince: { at: number; planned: boolean } | undefined;
  private readonly metrics: ReplicationMetrics;
  /** The newest lease revision seen from the primary (what a takeover CAS expects). */
  private seenRevision = 0;
  readonly stats = {
    applied: 0,
    rejected: 0,
    lastAppliedEpoch: 0,
    lastDigest: '',
    takeoverMs: 0,
    /** How long the activated machine's fresh digest took (O(memory), in the background while the guest runs). */
    activationDigestMs: 0,
  };

  constructor(private readonly o: BackupVmOptions) {
    this.replica = new MachineReplica(o.memoryBytes);
    this.applier = new CheckpointApplier(this.replica);
    this.metrics = new ReplicationMetrics(o.meter, o.vmId);
  }

  get state(): BackupState {
    return this.stateValue;
  }

  start(): void {
    this.subs.push(
      subscribeMessages(
        this.o.nc,
        subjects.replicationHeartbeat(this.o.vmId),
        Heartbeat,
        (hb) => this.onHeartbeat(hb),
        { counters: this.o.counters, logger: this.o.logger },
      ),
      subscribeMessages(
        this.o.nc,
        subjects.replicationTakeover(this.o.vmId, this.o.instance),
        TakeoverOrder,
        (order, msg) => void this.onTakeoverOrder(order, msg),
        { counters: this.o.counters, logger: this.o.logger },
      ),
    );
    this.timers.push(setInterval(() => this.tick(), this.o.heartbeatMs));
    this.tick();
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    clearTimeout(this.detectionTimer);
    this.detectionTimer = undefined;
    for (const s of this.subs) s.unsubscribe();
    this.chunkSub?.unsubscribe();
    const s = this.stateValue;
    this.stateValue = { kind: 'stopped' };
    if (s.kind === 'primary') await s.vm.stop();
  }

  counters(): Record<string, number> {
    const s = this.stateValue;
    if (s.kind === 'primary') return s.vm.counters();
    return {
      'backup.applied': this.stats.applied,
      'backup.rejected': this.stats.rejected,
      'backup.applied_epoch': this.stats.lastAppliedEpoch,
      'backup.following': s.kind === 'following' ? 1 : 0,
      ...Object.fromEntries(Object.entries(this.applier.counters).map(([k, v]) => [`backup.chunks.${k}`, v])),
    };
  }

  private tick(): void {
    const now = performance.now();
    this.noticeFreeze(now);
    const s = this.stateValue;
    if (s.kind === 'joining') {
      void this.join();
      return;
    }
    if (s.kind === 'taking-over') {
      void this.takeOver(s.why); // the lease store was unreachable: ask again
      return;
    }
    if (s.kind !== 'following') return;
    this.o.nc.publish(
      subjects.replicationHeartbeat(this.o.vmId),
      encodeMessage(Heartbeat, {
        vmId: this.o.vmId,
        sender: this.o.instance,
        role: 'backup',
        streamId: s.streamId,
        leaseRevision: this.seenRevision,
        epoch: this.applier.appliedEpoch,
        sequence: ++this.heartbeatSeq,
      }),
    );
    this.checkPrimary(now);
  }

  /**
   * A gap since the last tick far longer than its interval: this process was frozen (SIGSTOP, a long GC, a
   * blocked event loop), and the primary's heartbeats of that time may sit unread in the socket. Its silence is
   * ours, not its own, and does not count towards a takeover.
   */
  private noticeFreeze(now: number): void {
    if (now - this.lastTickAt >= this.o.failureTimeoutMs / 2) {
      this.detector?.discount(this.lastTickAt, now);
      this.o.logger.warn("the process was frozen: not counting it as the primary's silence", {
        frozenMs: Math.round(now - this.lastTickAt),
      });
    }
    this.lastTickAt = now;
  }

  /** Takes over (or, before the sync completed, rejoins) once the primary has been silent for the timeout. */
  private checkPrimary(now: number): void {
    const s = this.stateValue;
    if (s.kind !== 'following' || !this.detector?.suspects(now)) return;
    const silent = Math.round(this.detector.silentFor(now));
    if (this.replica.ready) void this.takeOver(`no word from primary ${s.primary} for ${silent} ms`);
    else this.rejoin(`primary ${s.primary} silent for ${silent} ms before the sync completed`);
  }

  /**
   * Detection on time: a timer at the detector's deadline, so a failure is acted on when the timeout expires, not
   * at the next heartbeat tick (up to an interval later, all of it client-visible stall). Re-armed for the new
   * deadline whenever the primary was heard meanwhile.
   */
  private armDetection(): void {
    if (this.detectionTimer !== undefined || this.stateValue.kind !== 'following' || !this.detector) return;
    const wait = Math.max(1, this.detector.deadline - performance.now());
    this.detectionTimer = setTimeout(() => {
      this.detectionTimer = undefined;
      const now = performance.now();
      this.noticeFreeze(now);
      this.checkPrimary(now);
      this.armDetection();
    }, wait);
  }

  private async join(): Promise<void> {
    if (this.joinInFlight) return;
    this.joinInFlight = true;
    try {
      const msg = await this.o.nc.request(
        subjects.replicationJoin(this.o.vmId),
        encodeMessage(JoinRequest, {
          vmId: this.o.vmId,
          backup: this.o.instance,
          leaseRevision: this.seenRevision,
        }),
        { timeout: Math.max(500, this.o.heartbeatMs * 5) },
      );
      const reply = decodeMessage(JoinReply, msg.data);
      if (!reply.ok || !reply.message.accepted || this.stateValue.kind !== 'joining') {
        if (reply.ok && !reply.message.accepted)
          this.o.logger.debug('join refused', { reason: reply.message.reason });
        return;
      }
      const r = reply.message;
      this.seenRevision = Math.max(this.seenRevision, r.leaseRevision);
      this.replica = new MachineReplica(this.o.memoryBytes);
      this.applier = new CheckpointApplier(this.replica);
      this.detector = new FailureDetector(this.o.failureTimeoutMs, performance.now());
      this.chunkSub?.unsubscribe();
      this.chunkSub = subscribeMessages(
        this.o.nc,
        subjects.replicationChunks(this.o.vmId, this.o.instance),
        CheckpointChunk,
        (c, msg) => this.onChunk(c, msg),
        { counters: this.o.counters, logger: this.o.logger },
      );
      this.stateValue = {
        kind: 'following',
        primary: r.primary,
        streamId: r.streamId,
        primaryRevision: r.leaseRevision,
      };
      this.armDetection();
      this.o.logger.info('joined: receiving initial sync', { primary: r.primary, streamId: r.streamId });
    } catch {
      // No primary answered yet: the next tick asks again.
    } finally {
      this.joinInFlight = false;
    }
  }

  private rejoin(why: string): void {
    this.o.logger.warn('rejoining', { why });
    this.chunkSub?.unsubscribe();
    this.chunkSub = undefined;
    this.stateValue = { kind: 'joining' };
  }

  private onHeartbeat(hb: Heartbeat): void {
    const s = this.stateValue;
    if (s.kind !== 'following' || hb.sender !== s.primary) return;
    if (hb.leaseRevision < s.primaryRevision) return; // a stale primary
    this.seenRevision = Math.max(this.seenRevision, hb.leaseRevision);
    s.primaryRevision = hb.leaseRevision;
    if (hb.role === 'primary' && hb.streamId !== s.streamId) {
      // The primary runs on without our stream (it dropped us, e.g. after a failed handover): join again.
      this.rejoin(`primary ${s.primary} dropped stream ${s.streamId}`);
      return;
    }
    this.detector?.heard(performance.now());
  }

  /**
   * Planned failover: the primary has paused the guest and had its final checkpoint acked. Take over if that is
   * exactly the epoch applied here; answer once the guest runs here (or why not).
   */
  private async onTakeoverOrder(order: TakeoverOrder, msg: Msg): Promise<void> {
    const answer = (accepted: boolean, reason: string, leaseRevision: number): void => {
      msg.respond(encodeMessage(TakeoverReply, { vmId: this.o.vmId, accepted, reason, leaseRevision }));
    };
    const s = this.stateValue;
    if (s.kind !== 'following' || s.streamId !== order.streamId || s.primary !== order.primary)
      return answer(false, `not following stream ${order.streamId} of ${order.primary}`, this.seenRevision);
    if (this.applier.appliedEpoch !== order.epoch)
      return answer(
        false,
        `applied epoch ${this.applier.appliedEpoch}, not ${order.epoch}`,
        this.seenRevision,
      );
    if (order.leaseRevision < s.primaryRevision)
      return answer(false, `stale lease revision ${order.leaseRevision}`, this.seenRevision);
    s.primaryRevision = order.leaseRevision; // the revision to take the lease from, straight from its holder
    this.seenRevision = Math.max(this.seenRevision, order.leaseRevision);
    await this.takeOver(`planned handover from ${order.primary}`);
    const now = this.stateValue;
    if (now.kind === 'primary') answer(true, '', now.vm.leaseRevision);
    else answer(false, `the takeover did not complete (${now.kind})`, this.seenRevision);
  }

  private onChunk(c: CheckpointChunk, msg?: Msg): void {
    const s = this.stateValue;
    if (s.kind !== 'following' || c.streamId !== s.streamId) return;
    if (c.leaseRevision < s.primaryRevision) {
      // From a fenced primary (or a replay): never applied, and no sign of the current primary's life either.
      this.reportRejection(
        c.epoch,
        'stale-revision',
        `chunk ${c.chunkIndex + 1}/${c.chunkCount} at lease revision ${c.leaseRevision}, below ${s.primaryRevision}`,
        s.streamId,
      );
      return;
    }
    this.detector?.heard(performance.now());
    const chunk = receivedChunk(c);
    const t0 = performance.now();
    for (const outcome of this.applier.accept(chunk)) {
      if (outcome.kind === 'applied' && this.o.tracer) {
        // The chunk that completed the checkpoint carries the primary's epoch span: the apply joins its trace.
        const span = this.o.tracer.startSpan(
          'epoch.apply',
          { attributes: { 'epoch.number': outcome.epoch, 'epoch.pages': outcome.pages } },
          extractContext(msg?.headers),
        );
        span.setAttribute('apply.ms', performance.now() - t0);
        span.end();
      }
      this.answer(outcome, s);
    }
  }

  private answer(o: ApplierOutcome, s: { streamId: string }): void {
    if (o.kind === 'dropped') {
      this.reportRejection(o.epoch, o.reason, `chunk dropped: ${o.reason}`, s.streamId);
      return;
    }
    if (o.kind === 'rejected') this.reportRejection(o.epoch, 'body', o.error, s.streamId);
    const applied = o.kind !== 'rejected';
    if (o.kind === 'applied') {
      this.stats.applied++;
      this.stats.lastAppliedEpoch = o.epoch;
      this.stats.lastDigest = o.digest;
    } else if (o.kind === 'rejected') this.stats.rejected++;
    this.o.nc.publish(
      subjects.replicationAcks(this.o.vmId),
      encodeMessage(CheckpointAck, {
        vmId: this.o.vmId,
        streamId: s.streamId,
        backup: this.o.instance,
        epoch: o.epoch,
        applied,
        error: o.kind === 'rejected' ? o.error : '',
        stateDigest: o.kind === 'applied' ? o.digest : '',
        leaseRevision: this.seenRevision,
      }),
    );
  }

  /**
   * A checkpoint message rejected (a chunk dropped by the assembler, a body that did not decode or apply, a chunk
   * from a stale lease revision): nothing of it was applied. Counted every time; logged and reported as an
   * EPOCH_EVENT_REJECTED on the VM's epoch subject once per epoch and reason (a lossy link or a replaying sender
   * must not turn into a flood).
   */
  private reportRejection(epoch: number, reason: string, detail: string, streamId: string): void {
    this.o.counters.increment(`backup.rejections.${reason}`);
    const key = `${epoch}/${reason}`;
    if (this.rejectionsReported.has(key)) return;
    if (this.rejectionsReported.size >= 1024) this.rejectionsReported.clear();
    this.rejectionsReported.add(key);
    this.o.logger.warn('checkpoint message rejected', { epoch, reason, detail });
    this.o.nc.publish(
      subjects.replicationEpochs(this.o.vmId),
      encodeMessage(EpochReport, {
        vmId: this.o.vmId,
        sender: this.o.instance,
        streamId,
        epoch,
        event: EpochEvent.EPOCH_EVENT_REJECTED,
        leaseRevision: this.seenRevision,
        detail,
      }),
    );
  }

  /** Failover: CAS the lease from the primary's revision, activate the replica, run as the primary. */
  private async takeOver(why: string): Promise<void> {
    const s = this.stateValue;
    if (this.takeoverInFlight || (s.kind !== 'following' && s.kind !== 'taking-over')) return;
    this.takeoverInFlight = true;
    try {
      await this.tryTakeOver(s, why);
    } finally {
      this.takeoverInFlight = false;
    }
  }

  private async tryTakeOver(
    s: { primary: string; streamId: string; primaryRevision: number; kind: 'following' | 'taking-over' },
    why: string,
  ): Promise<void> {
    const t0 = performance.now();
    if (!this.failover && this.o.tracer) {
      const root = this.o.tracer.startSpan('failover', {
        root: true,
        attributes: { 'vm.id': this.o.vmId, 'failover.old_primary': s.primary, 'failover.why': why },
      });
      root.addEvent('failure detected', { why });
      this.failover = { root, ctx: trace.setSpan(otelContext.active(), root) };
    }
    if (s.kind === 'following') {
      this.takeoverSince = { at: t0, planned: why.startsWith('planned') };
      if (this.detector) this.o.counters.set('failover.silence_ms', Math.round(this.detector.silentFor(t0)));
      this.chunkSub?.unsubscribe(); // nothing more is applied or acked: the old primary can release nothing new
      this.chunkSub = undefined;
      this.o.logger.warn('primary failed: taking over', {
        why,
        primary: s.primary,
        revision: s.primaryRevision,
      });
    }
    this.stateValue = {
      kind: 'taking-over',
      primary: s.primary,
      streamId: s.streamId,
      primaryRevision: s.primaryRevision,
      why,
    };
    const leaseSpan = this.o.tracer?.startSpan('failover.lease', {}, this.failover?.ctx);
    const cas = await this.o.lease.compareAndSwap(s.primaryRevision, 'unprotected');
    leaseSpan?.setAttributes(
      cas.won ? { 'lease.revision': cas.revision, won: true } : { won: false, outcome: cas.outcome },
    );
    leaseSpan?.end();
    if (this.stateValue.kind !== 'taking-over') return;
    if (!cas.won) {
      if (cas.outcome === 'unavailable') {
        this.o.logger.warn('lease store unreachable: takeover retried', { reason: cas.reason });
        return; // still taking over: the next tick asks again (nothing is applied or acked meanwhile)
      }
      this.o.logger.warn('lost the lease race: staying a backup', { reason: cas.reason });
      this.failover?.root.addEvent('lease lost');
      this.failover?.root.end();
      this.failover = undefined;
      this.rejoin('lost the lease race');
      return;
    }
    this.failover?.root.addEvent('lease won', { revision: cas.revision });
    const since = this.takeoverSince ?? { at: t0, planned: false };
    const phase = (name: FailoverPhase): void => {
      const ms = performance.now() - since.at;
      this.metrics.failoverPhase(name, ms, since.planned);
      this.o.counters.set(`failover.${name}_ms`, Math.round(ms * 10) / 10); // (the last failover's, for tools)
    };
    phase('lease');
    const activateSpan = this.o.tracer?.startSpan('failover.activate', {}, this.failover?.ctx);
    const speculationRecord = this.applier.vmmRecord('vmm.speculation');
    const activatedRecords = this.replica.records;
    const machine = Machine.activate(this.replica, this.o.programs());
    // The proof that the activated machine is the state the primary captured: its memory digested afresh, while
    // the guest already runs (copy-on-write), so the clients do not wait for an O(memory) pass.
    const activatedEpoch = this.stats.lastAppliedEpoch;
    const appliedDigest = this.stats.lastDigest;
    const t1 = performance.now();
    // It starts reading once the new primary's first output has left (or after a while, for a silent guest):
    // a macrotask after the release, so the publish and the socket write (microtasks) come before the first
    // slice. Slices of 4 MiB keep what the guest says next from waiting behind more than a few ms of reading.
    let firstOutputLeft!: () => void;
    const started = new Promise<void>((r) => {
      firstOutputLeft = () => setImmediate(r);
      setTimeout(r, ACTIVATION_DIGEST_DELAY_MS).unref();
    });
    let slices = 0;
    const pause = () => (slices++ === 0 ? started : new Promise<void>((r) => setImmediate(r)));
    void machine
      .freshStateDigestInBackground({
        pause,
        records: activatedRecords,
        slicePages: ACTIVATION_DIGEST_SLICE_PAGES,
      })
      .then((digest) => {
        this.stats.activationDigestMs = performance.now() - t1;
        this.reportActivation(digest, appliedDigest, activatedEpoch, s.streamId, cas.revision);
      })
      .catch((e: unknown) =>
        this.o.logger.error('could not digest the activated machine', { error: String(e) }),
      );
    machine.promptPeers(); // clients hear from the new primary now, not at their next retransmission timeout
    activateSpan?.setAttributes({ 'epoch.number': this.stats.lastAppliedEpoch });
    activateSpan?.end();
    phase('activate');
    const failover = this.failover;
    const firstOutputSpan = this.o.tracer?.startSpan('failover.first-output', {}, failover?.ctx);
    const vm = new ReplicatedVm({
      vmId: this.o.vmId,
      instance: this.o.instance,
      machine,
      nc: this.o.nc,
      lease: this.o.lease,
      logger: this.o.logger,
      counters: this.o.counters,
      epochMs: this.o.epochMs,
      heartbeatMs: this.o.heartbeatMs,
      failureTimeoutMs: this.o.failureTimeoutMs,
      egress: this.o.egress,
      ingress: this.o.ingress,
      onFenced: this.o.onFenced,
      onHandedOver: this.o.onHandedOver,
      tracer: this.o.tracer,
      metrics: this.metrics,
      // A speculative primary's flow table came with the checkpoint: delivery of what the guest believes acked
      // goes on from here.
      speculation: speculationRecord
        ? { state: { bytes: speculationRecord, epoch: this.stats.lastAppliedEpoch } }
        : undefined,
      onFirstOutput: () => {
        phase('first_output');
        firstOutputLeft();
        firstOutputSpan?.end();
        failover?.root.addEvent('first output released');
        failover?.root.end();
        this.failover = undefined;
      },
    });
    const vipSpan = this.o.tracer?.startSpan('failover.vip', {}, failover?.ctx);
    vm.start(); // subscribes to the VIP and announces it
    vipSpan?.end();
    phase('vip');
    this.stats.takeoverMs = performance.now() - t0;
    this.stateValue = { kind: 'primary', vm };
    this.o.logger.info('promoted: running the guest', {
      epoch: this.stats.lastAppliedEpoch,
      digest: this.stats.lastDigest,
      revision: cas.revision,
      takeoverMs: Math.round(this.stats.takeoverMs),
    });
    this.o.onPromoted?.(vm);
  }

  /**
   * Reports the activated machine's digest (computed afresh from all of memory, as of the activation) with the
   * epoch it resumed from: equal to the digest the primary reported for that epoch, it shows the guest resumed
   * exactly where the primary captured it. A mismatch cannot be undone here (the lease is won, the old primary
   * gone): it is logged as the bug it would be.
   */
  private reportActivation(
    digest: string,
    applied: string,
    epoch: number,
    streamId: string,
    leaseRevision: number,
  ): void {
    this.o.counters.set('failover.activation_digest_ms', Math.round(this.stats.activationDigestMs * 10) / 10);
    if (digest !== applied)
      this.o.logger.error('the activated machine differs from the last applied checkpoint', {
        epoch,
        applied,
        activated: digest,
      });
    this.o.nc.publish(
      subjects.replicationEpochs(this.o.vmId),
      encodeMessage(EpochReport, {
        vmId: this.o.vmId,
        sender: this.o.instance,
        streamId,
        epoch,
        event: EpochEvent.EPOCH_EVENT_ACTIVATED,
        stateDigest: digest,
        leaseRevision,
      }),
    );
  }
}
