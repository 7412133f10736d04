/**
 * CUBIC (RFC 9438). Window in segments follows W_cubic(t) = C*(t - K)^3 + W_max (§4.2) after a reduction,
 * with the Reno-friendly estimate W_est (§4.3) as a floor, beta_cubic = 0.7 (§4.6) and fast convergence
 * (§4.7). Slow start below ssthresh is standard (RFC 5681). Time is the injected clock.
 */
import { slowStart } from './slow-start.ts';
import { requireNumber } from './newreno.ts';
import type { AckEvent, CongestionControlOptions, CongestionController, LossEvent } from './types.ts';

const C = 0.4;
const BETA = 0.7;
/** §4.3: alpha_cubic = 3 * (1 - beta) / (1 + beta). */
const ALPHA = (3 * (1 - BETA)) / (1 + BETA);

export class CubicController implements CongestionController {
  readonly name = 'cubic';
  cwnd: number;
  ssthresh = Number.MAX_SAFE_INTEGER;
  /** Segments. */
  private wMax = 0;
  private wLastMax = 0;
  /** Start of the current congestion-avoidance epoch (ms), or -1 when none is running. */
  private epochStart = -1;
  private k = 0;
  /** W_est in segments (§4.3). */
  private wEst = 0;
  /** cwnd in segments at the start of the epoch. */
  private cwndEpoch = 0;
  /** cwnd in segments just before the last reduction (§4.3 cwnd_prior). */
  private cwndPrior = 0;
  /** Bytes acked in congestion avoidance not yet turned into window growth. */
  private ackedCarry = 0;

  constructor(private readonly options: CongestionControlOptions) {
    this.cwnd = options.initialWindowSegments * options.mss;
  }

  onAck(e: AckEvent): void {
    if (this.cwnd < this.ssthresh) {
      this.cwnd = slowStart(this.cwnd, this.ssthresh, e.ackedBytes);
      return;
    }
    const mss = e.mss;
    const cwndSeg = this.cwnd / mss;
    if (this.epochStart < 0) {
      this.epochStart = e.nowMs;
      if (cwndSeg < this.wMax) {
        this.k = Math.cbrt((this.wMax - cwndSeg) / C); // §4.2 eq. 2
      } else {
        this.k = 0;
        this.wMax = cwndSeg;
      }
      this.wEst = cwndSeg;
      this.cwndEpoch = cwndSeg;
    }
    const rttS = (e.srttMs ?? 100) / 1000;
    const t = (e.nowMs - this.epochStart) / 1000;
    const target = Math.min(Math.max(C * (t + rttS - this.k) ** 3 + this.wMax, cwndSeg), 1.5 * cwndSeg); // §4.2
    // §4.3: W_est grows by alpha_cubic segments per window of acked data; once it reaches cwnd_prior (the
    // window before the last reduction) alpha becomes 1, as for Reno.
    const alpha = this.wEst >= this.cwndPrior ? 1 : ALPHA;
    this.wEst += (alpha * e.ackedBytes) / mss / Math.max(cwndSeg, 1);
    let grow: number;
    if (this.wEst > target) {
      grow = ((this.wEst - cwndSeg) / cwndSeg) * e.ackedBytes; // Reno-friendly region
    } else {
      grow = ((target - cwndSeg) / cwndSeg) * e.ackedBytes; // concave / convex region (§4.4, §4.5)
    }
    this.ackedCarry += Math.max(grow, 0);
    if (this.ackedCarry >= 1) {
      const whole = Math.floor(this.ackedCarry);
      this.cwnd += whole;
      this.ackedCarry -= whole;
    }
  }

  private reduce(e: LossEvent): void {
    const cwndSeg = this.cwnd / e.mss;
    this.cwndPrior = cwndSeg;
    // §4.7 fast convergence: release bandwidth when the new maximum is below the last one.
    if (cwndSeg < this.wLastMax) {
      this.wLastMax = cwndSeg;
      this.wMax = (cwndSeg * (1 + BETA)) / 2;
    } else {
      this.wLastMax = cwndSeg;
      this.wMax = cwndSeg;
    }
    this.ssthresh = Math.max(Math.floor(Math.max(this.cwnd, e.flightBytes) * BETA), 2 * e.mss); // §4.6
    this.epochStart = -1;
    this.ackedCarry = 0;
  }

  onCongestionEvent(e: LossEvent): void {
    this.reduce(e);
    this.cwnd = this.ssthresh;
  }

  onRecoveryEnd(_e: LossEvent): void {
    this.cwnd = Math.max(this.ssthresh, this.options.mss);
  }

  onRetransmitTimeout(e: LossEvent): void {
    this.reduce(e);
    this.cwnd = e.mss; // §4.8: after RTO, slow start from one segment
  }

  setCwnd(bytes: number): void {
    this.cwnd = Math.max(bytes, this.options.mss);
  }

  save(): Record<string, number> {
    return {
      cwnd: this.cwnd,
      ssthresh: this.ssthresh,
      wMax: this.wMax,
      wLastMax: this.wLastMax,
      epochStart: this.epochStart,
      k: this.k,
      wEst: this.wEst,
      cwndEpoch: this.cwndEpoch,
      cwndPrior: this.cwndPrior,
      ackedCarry: this.ackedCarry,
    };
  }

  restore(s: Record<string, number>): void {
    this.cwnd = requireNumber(s, 'cwnd');
    this.ssthresh = requireNumber(s, 'ssthresh');
    this.wMax = requireNumber(s, 'wMax');
    this.wLastMax = requireNumber(s, 'wLastMax');
    this.epochStart = requireNumber(s, 'epochStart');
    this.k = requireNumber(s, 'k');
    this.wEst = requireNumber(s, 'wEst');
    this.cwndEpoch = requireNumber(s, 'cwndEpoch');
    this.cwndPrior = requireNumber(s, 'cwndPrior');
    this.ackedCarry = requireNumber(s, 'ackedCarry');
  }
}
