/**
 * The pluggable congestion-control contract. The connection owns loss detection and recovery mechanics
 * (RFC 5681 §3.2, RFC 6582, RFC 6675); a controller decides how the congestion window reacts.
 * The replication-aware controller (racc.ts) implements this same interface.
 */

export interface AckEvent {
  /** Bytes newly acknowledged by this ACK (cumulatively). */
  readonly ackedBytes: number;
  /** Bytes in flight before this ACK was processed. */
  readonly flightBytes: number;
  readonly mss: number;
  readonly nowMs: number;
  /** Smoothed RTT when known. */
  readonly srttMs: number | undefined;
  /** The latest RTT sample this ACK produced, if any. */
  readonly rttSampleMs: number | undefined;
}

export interface LossEvent {
  readonly flightBytes: number;
  readonly mss: number;
  readonly nowMs: number;
}

export interface CongestionController {
  /** Registered name, stored in snapshots so restore picks the same algorithm. */
  readonly name: string;
  /** Congestion window in bytes. */
  readonly cwnd: number;
  /** Slow-start threshold in bytes. */
  readonly ssthresh: number;
  /** New data acknowledged outside loss recovery: grow the window. */
  onAck(event: AckEvent): void;
  /** Fast retransmit: loss inferred from duplicate ACKs or SACK. Sets ssthresh and cwnd for recovery. */
  onCongestionEvent(event: LossEvent): void;
  /** Recovery ended with a full ACK (RFC 6582 §3.2 step 3). */
  onRecoveryEnd(event: LossEvent): void;
  /** The retransmission timer expired (RFC 5681 §3.1: cwnd to the loss window). */
  onRetransmitTimeout(event: LossEvent): void;
  /** RFC 6582 partial-ACK window deflation and RFC 6675 are done by the connection through this setter. */
  setCwnd(bytes: number): void;
  /** Numeric state for snapshots; restore() must accept exactly what this returns. */
  save(): Record<string, number>;
  restore(state: Record<string, number>): void;
}

export interface CongestionControlOptions {
  readonly mss: number;
  /** Initial window in segments (RFC 6928 allows 10). */
  readonly initialWindowSegments: number;
  /** The VMM's replication buffer, read from the paravirtual interface (replication-aware controllers). */
  readonly replicationStatus?: () => ReplicationStatus | undefined;
}

/**
 * What a replicating VMM tells its guest through the NIC's paravirtual registers (VEE 2012's replication-aware
 * interface). `capacityBytes` 0: the VMM does not speculate the guest's connections.
 */
export interface ReplicationStatus {
  /** Bytes the VMM holds per connection, acknowledged to the guest but not yet by the client. */
  readonly capacityBytes: number;
  /** Bytes it holds now, all connections together. */
  readonly occupancyBytes: number;
  readonly epochMs: number;
  /** Its recent commit latency: from an epoch's end to the backup's ack. */
  readonly commitLatencyMs: number;
}

export type CongestionControllerFactory = (options: CongestionControlOptions) => CongestionController;
