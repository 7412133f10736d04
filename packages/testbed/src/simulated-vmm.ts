/**
 * A VMM running one guest machine on a guest-tcp SimNetwork, in any replication mode: the same machine, output
 * commit buffer, speculation engine and checkpoint path as the primary VMM, driven by virtual time instead of
 * timers and NATS. The guest's own CPU is free (its clock is the network's), so what limits a mode is the link,
 * the epochs and the checkpoint path: the papers' testbed, where `native` runs at link speed.
 */
import { toIpv4Address, type SimNetwork, type SimNode } from '@vmha/guest-tcp';
import { GUEST_SOCKETS_RECORD, type Machine } from '@vmha/machine';
import { OutputCommitBuffer, type VmmRecord } from '@vmha/replication';
import { RACC_FLOW_BUFFER_BYTES, Speculation } from '@vmha/speculation';
import {
  CheckpointPipeline,
  type CheckpointCosts,
  type EpochCheckpoint,
  type ReplicationLinkOptions,
} from './checkpoint-pipeline.ts';
import { isReplicated, isSpeculative, type ReplicationMode } from './replication-mode.ts';

export interface SimulatedVmmOptions {
  net: SimNetwork;
  machine: Machine;
  mode: ReplicationMode;
  /** Checkpoint interval (replicated modes); default 25 ms. */
  epochMs?: number;
  replicationLink?: ReplicationLinkOptions;
  /** Default `{ kind: 'measured' }`. */
  costs?: CheckpointCosts;
  /** Checkpoints sent but not acked before the next epoch is stretched (as the primary VMM); default 4. */
  maxInFlight?: number;
  /** Bytes each speculated flow may hold (default: Speculation's 4 MiB; `speculative+racc`: RACC_FLOW_BUFFER_BYTES). */
  speculationBufferBytes?: number;
}

export interface SimulatedVmmStats {
  epochs: number;
  /** Epoch boundaries that found `maxInFlight` checkpoints unacked and waited. */
  stretchedEpochs: number;
  pauseMsTotal: number;
  pausesMs: number[];
  /** From each epoch's boundary to its ack. */
  commitMs: number[];
  capturedBytes: number;
  checkpointBytes: number;
  /** Guest packets dropped because the output commit buffer was full. */
  outputDropped: number;
}

export class SimulatedVmm implements SimNode {
  readonly address: number;
  readonly addressText: string;
  readonly mode: ReplicationMode;
  readonly machine: Machine;
  readonly speculation: Speculation | undefined;
  readonly stats: SimulatedVmmStats = {
    epochs: 0,
    stretchedEpochs: 0,
    pauseMsTotal: 0,
    pausesMs: [],
    commitMs: [],
    capturedBytes: 0,
    checkpointBytes: 0,
    outputDropped: 0,
  };
  private readonly net: SimNetwork;
  private readonly epochMs: number;
  private readonly maxInFlight: number;
  private readonly pipeline: CheckpointPipeline | undefined;
  private readonly output: OutputCommitBuffer | undefined;
  private readonly inFlight: Array<EpochCheckpoint & { boundary: number }> = [];
  private nextEpochAt: number;
  /** While the guest is paused for a capture: when it resumes. */
  private resumeAt: number | undefined;
  /** Packets the VMM put into the guest's RX ring since the last slice (speculative ACKs, translated ACKs). */
  private delivered = false;

  constructor(o: SimulatedVmmOptions) {
    this.net = o.net;
    this.machine = o.machine;
    this.mode = o.mode;
    this.addressText = o.machine.address;
    this.address = toIpv4Address(this.addressText);
    this.epochMs = o.epochMs ?? 25;
    if (!(this.epochMs > 0)) throw new RangeError('epochMs must be positive');
    this.maxInFlight = o.maxInFlight ?? 4;
    this.nextEpochAt = o.net.clock.now() + this.epochMs;
    if (isSpeculative(o.mode))
      this.speculation = new Speculation({
        guestAddress: this.address,
        now: () => this.net.clock.now(),
        toGuest: (p) => this.toGuest(p),
        toNetwork: (p) => this.net.send(this.address, p),
        bufferBytes:
          o.speculationBufferBytes ?? (o.mode === 'speculative+racc' ? RACC_FLOW_BUFFER_BYTES : undefined),
      });
    else if (o.mode === 'remus') this.output = new OutputCommitBuffer();
    if (isReplicated(o.mode)) {
      this.pipeline = new CheckpointPipeline(
        o.machine.memory.size,
        o.replicationLink ?? {},
        o.costs ?? { kind: 'measured' },
      );
      this.pipeline.initialSync(o.machine, () => this.vmmRecords());
    }
    this.announce();
    o.net.attach(this);
  }

  /** From the network (a client). */
  input(packet: Uint8Array): void {
    if (this.speculation) this.speculation.fromNetwork(packet);
    else this.toGuest(packet);
    this.slice();
  }

  tick(): void {
    const now = this.net.clock.now();
    if (this.resumeAt !== undefined && now >= this.resumeAt) {
      this.resumeAt = undefined;
      this.machine.resume();
    }
    while (this.inFlight.length > 0 && this.inFlight[0].ackAt <= now) this.commit(this.inFlight.shift()!);
    const spec = this.speculation?.nextDeadline();
    if (spec !== undefined && spec <= now) this.speculation!.tick();
    if (this.pipeline && now >= this.nextEpochAt && this.resumeAt === undefined) {
      if (this.inFlight.length < this.maxInFlight) this.checkpoint();
      else if (this.nextEpochAt !== Infinity) {
        this.stats.stretchedEpochs++;
        this.nextEpochAt = Infinity; // taken when the oldest checkpoint is acked
      }
    }
    this.slice();
  }

  nextDeadline(): number | undefined {
    let next = Infinity;
    if (this.resumeAt !== undefined) next = this.resumeAt;
    else {
      if (this.delivered) next = this.net.clock.now();
      const timer = this.machine.nextTimerAt();
      if (timer !== undefined) next = Math.min(next, timer);
      if (this.pipeline) next = Math.min(next, this.nextEpochAt);
    }
    if (this.inFlight.length > 0) next = Math.min(next, this.inFlight[0].ackAt);
    const spec = this.speculation?.nextDeadline();
    if (spec !== undefined) next = Math.min(next, spec);
    return next === Infinity ? undefined : Math.max(next, this.net.clock.now());
  }

  private toGuest(packet: Uint8Array): void {
    this.machine.deliver(packet);
    this.delivered = true;
  }

  /**
   * Runs the guest to now and routes what it sent. Speculative ACKs answer the guest from inside the routing, so
   * it runs again at once until it has nothing more to say (its send window or buffer is full).
   */
  private slice(): void {
    if (this.resumeAt !== undefined || this.machine.runState.kind !== 'running') return;
    const now = this.net.clock.now();
    for (let round = 0; round < 10_000; round++) {
      this.delivered = false;
      this.machine.runSlice(now);
      const sent = this.machine.takeTransmitted();
      for (const p of sent) this.route(p);
      if (!this.delivered && sent.length === 0) return;
    }
    throw new Error('the guest and its VMM kept exchanging packets at one instant (10,000 rounds)');
  }

  private route(packet: Uint8Array): void {
    if (this.speculation) this.speculation.fromGuest(packet, this.pipeline!.currentEpoch);
    else if (this.output) {
      if (!this.output.hold(this.pipeline!.currentEpoch, packet)) this.stats.outputDropped++;
    } else this.net.send(this.address, packet);
  }

  /** The epoch boundary: the guest pauses for the capture; its checkpoint commits at its ack. */
  private checkpoint(): void {
    const boundary = this.net.clock.now();
    const cp = this.pipeline!.checkpoint(this.machine, boundary, () => this.vmmRecords());
    this.resumeAt = boundary + cp.pauseMs;
    this.inFlight.push({ ...cp, boundary });
    // Epochs start every epochMs whatever the pauses (as the primary's epoch timer); a stretched epoch restarts
    // the count from its late boundary.
    this.nextEpochAt = boundary + this.epochMs;
    this.announce();
    this.stats.epochs++;
    this.stats.pauseMsTotal += cp.pauseMs;
    this.stats.pausesMs.push(cp.pauseMs);
    this.stats.capturedBytes += cp.capturedBytes;
    this.stats.checkpointBytes += cp.bodyBytes;
  }

  private commit(cp: EpochCheckpoint & { boundary: number }): void {
    this.stats.commitMs.push(cp.ackAt - cp.boundary);
    if (this.speculation) this.speculation.commit(cp.epoch);
    else for (const p of this.output!.release(cp.epoch)) this.net.send(this.address, p);
    if (this.nextEpochAt === Infinity) this.nextEpochAt = this.net.clock.now(); // a stretched epoch ends now
  }

  /**
   * `speculative+racc`: the NIC's paravirtual registers tell the guest the buffer it may fill, how full it is and
   * the epoch timing (written at each epoch boundary, so each capture carries what the guest saw).
   */
  private announce(): void {
    if (this.mode !== 'speculative+racc') return;
    this.machine.setReplicationStatus(
      this.speculation!.replicationStatus({
        epochMs: this.epochMs,
        commitLatencyMs: this.stats.commitMs.at(-1) ?? this.epochMs,
      }),
    );
  }

  private vmmRecords(): ReadonlyMap<string, VmmRecord> | undefined {
    return this.speculation
      ? new Map([
          ['vmm.speculation', { bytes: this.speculation.saveStateParts(), sources: [GUEST_SOCKETS_RECORD] }],
        ])
      : undefined;
  }
}
