/**
 * OpenTelemetry metrics of a replicated VM: what an operator watches to see whether replication keeps up (epoch
 * length and pause, checkpoint sizes before and after encoding, how long output waits, how much is held) and how
 * long failovers take, phase by phase. Instruments are created once per VMM from the service's Meter; with no
 * Meter (tests, tools) every record is a no-op.
 */
import type { Attributes, Histogram, Meter } from '@opentelemetry/api';

/** Milliseconds histogram buckets from sub-millisecond pauses to multi-second failovers. */
const MS_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
const BYTE_BUCKETS = [1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20, 4 << 20, 16 << 20, 64 << 20];

/** A failover's phases, from the backup's view: timed from the failure's detection (or the handover order). */
export type FailoverPhase = 'lease' | 'activate' | 'vip' | 'first_output';

export interface OutputOccupancy {
  packets: number;
  bytes: number;
}

export class ReplicationMetrics {
  private readonly epochDuration: Histogram | undefined;
  private readonly epochPause: Histogram | undefined;
  private readonly commitLatency: Histogram | undefined;
  private readonly checkpointBytes: Histogram | undefined;
  private readonly releaseLatency: Histogram | undefined;
  private readonly failoverDuration: Histogram | undefined;
  private readonly attributes: Attributes;
  private occupancy: (() => OutputOccupancy) | undefined;

  constructor(meter: Meter | undefined, vmId: string) {
    this.attributes = { 'vm.id': vmId };
    if (!meter) return;
    const ms = (name: string, description: string) =>
      meter.createHistogram(name, {
        description,
        unit: 'ms',
        advice: { explicitBucketBoundaries: MS_BUCKETS },
      });
    this.epochDuration = ms('vmha.epoch.duration', 'Time the guest ran between two checkpoint captures');
    this.epochPause = ms('vmha.epoch.pause', 'Time the vCPU stood still for a capture');
    this.commitLatency = ms('vmha.epoch.commit_latency', 'From a capture to the backup acking it');
    this.releaseLatency = ms(
      'vmha.output.release_latency',
      'How long the first packet an epoch held waited until its release',
    );
    this.failoverDuration = ms(
      'vmha.failover.duration',
      'From failure detection (or a handover order) to the end of each failover phase',
    );
    this.checkpointBytes = meter.createHistogram('vmha.checkpoint.size', {
      description: 'Checkpoint size per epoch, as captured (raw) and as sent (encoded)',
      unit: 'By',
      advice: { explicitBucketBoundaries: BYTE_BUCKETS },
    });
    meter
      .createObservableGauge('vmha.output.buffer', {
        description: 'Output held until its epoch is acked (output commit)',
      })
      .addCallback((result) => {
        const o = this.occupancy?.();
        if (!o) return;
        result.observe(o.packets, { ...this.attributes, unit: 'packets' });
        result.observe(o.bytes, { ...this.attributes, unit: 'bytes' });
      });
  }

  /** What the output-buffer gauge reports (the VMM running the guest now). */
  observeOutput(occupancy: () => OutputOccupancy): void {
    this.occupancy = occupancy;
  }

  epochCaptured(e: {
    durationMs: number | undefined;
    pauseMs: number;
    rawBytes: number;
    encodedBytes: number;
  }) {
    if (e.durationMs !== undefined) this.epochDuration?.record(e.durationMs, this.attributes);
    this.epochPause?.record(e.pauseMs, this.attributes);
    this.checkpointBytes?.record(e.rawBytes, { ...this.attributes, encoding: 'raw' });
    this.checkpointBytes?.record(e.encodedBytes, { ...this.attributes, encoding: 'encoded' });
  }

  epochAcked(commitLatencyMs: number): void {
    this.commitLatency?.record(commitLatencyMs, this.attributes);
  }

  outputReleased(waitedMs: number): void {
    this.releaseLatency?.record(waitedMs, this.attributes);
  }

  failoverPhase(phase: FailoverPhase, sinceDetectionMs: number, planned: boolean): void {
    this.failoverDuration?.record(sinceDetectionMs, { ...this.attributes, phase, planned });
  }
}
