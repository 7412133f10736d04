/**
 * Reno/NewReno window management: slow start and congestion avoidance (RFC 5681 §3.1, counting bytes acked as
 * RFC 3465 does, stretch ACKs included, see `slowStart`), multiplicative decrease on loss
 * (ssthresh = max(FlightSize/2, 2*SMSS)).
 */
import { slowStart } from './slow-start.ts';
import type { AckEvent, CongestionControlOptions, CongestionController, LossEvent } from './types.ts';

export class NewRenoController implements CongestionController {
  readonly name: string = 'newreno';
  cwnd: number;
  ssthresh = Number.MAX_SAFE_INTEGER;
  /** Bytes acked toward the next congestion-avoidance increment. */
  protected caAcked = 0;

  constructor(protected readonly options: CongestionControlOptions) {
    this.cwnd = options.initialWindowSegments * options.mss;
  }

  onAck(e: AckEvent): void {
    let acked = e.ackedBytes;
    if (this.cwnd < this.ssthresh) {
      const grown = slowStart(this.cwnd, this.ssthresh, acked);
      acked -= grown - this.cwnd;
      this.cwnd = grown;
      if (acked <= 0) return;
    }
    // Congestion avoidance: one SMSS per cwnd of bytes acked; a stretch ACK may earn several (Linux
    // tcp_cong_avoid_ai).
    this.caAcked += acked;
    while (this.caAcked >= this.cwnd) {
      this.caAcked -= this.cwnd;
      this.cwnd += e.mss;
    }
  }

  onCongestionEvent(e: LossEvent): void {
    this.ssthresh = Math.max(e.flightBytes / 2, 2 * e.mss);
    this.cwnd = this.ssthresh + 3 * e.mss; // RFC 6582 §3.2 step 2 (inflated by the three dupacks)
    this.caAcked = 0;
  }

  onRecoveryEnd(e: LossEvent): void {
    this.cwnd = Math.min(this.ssthresh, Math.max(e.flightBytes, e.mss) + e.mss); // RFC 6582 §3.2 step 3
  }

  onRetransmitTimeout(e: LossEvent): void {
    this.ssthresh = Math.max(e.flightBytes / 2, 2 * e.mss); // RFC 5681 eq. (4)
    this.cwnd = e.mss; // loss window
    this.caAcked = 0;
  }

  setCwnd(bytes: number): void {
    this.cwnd = Math.max(bytes, this.options.mss);
  }

  save(): Record<string, number> {
    return { cwnd: this.cwnd, ssthresh: this.ssthresh, caAcked: this.caAcked };
  }

  restore(state: Record<string, number>): void {
    this.cwnd = requireNumber(state, 'cwnd');
    this.ssthresh = requireNumber(state, 'ssthresh');
    this.caAcked = requireNumber(state, 'caAcked');
  }
}

export function requireNumber(state: Record<string, number>, key: string): number {
  const v = state[key];
  if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`congestion state lacks numeric "${key}"`);
  return v;
}
