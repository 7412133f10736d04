/**
 * Retransmission timeout per RFC 6298: SRTT/RTTVAR smoothing (§2), Karn's rule is applied by the caller
 * (samples only from segments never retransmitted), exponential back-off on expiry (§5.5), clamped bounds.
 */
export interface RtoBounds {
  readonly initialMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Clock granularity G (§2). */
  readonly granularityMs: number;
}

export class RtoEstimator {
  srtt: number | undefined;
  rttvar = 0;
  /** The RTO before back-off. */
  baseRto: number;
  backoffs = 0;

  constructor(private readonly bounds: RtoBounds) {
    this.baseRto = bounds.initialMs;
  }

  /** Current timeout including back-off (§5.5 doubles it per expiry, capped at maxMs). */
  get rto(): number {
    return Math.min(this.baseRto * 2 ** this.backoffs, this.bounds.maxMs);
  }

  sample(rttMs: number): void {
    const r = Math.max(rttMs, 0);
    if (this.srtt === undefined) {
      this.srtt = r; // §2.2
      this.rttvar = r / 2;
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r); // §2.3, beta = 1/4
      this.srtt = 0.875 * this.srtt + 0.125 * r; // alpha = 1/8
    }
    const rto = this.srtt + Math.max(this.bounds.granularityMs, 4 * this.rttvar);
    this.baseRto = Math.min(Math.max(rto, this.bounds.minMs), this.bounds.maxMs);
    this.backoffs = 0;
  }

  backOff(): void {
    if (this.baseRto * 2 ** this.backoffs < this.bounds.maxMs) this.backoffs++;
  }

  /** A new ACK after back-off resets it (§5.7 keeps the backed-off value until a fresh sample; Linux resets). */
  clearBackoff(): void {
    this.backoffs = 0;
  }
}
