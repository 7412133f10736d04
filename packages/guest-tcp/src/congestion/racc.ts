/**
 * Replication-aware congestion control (Gerofi & Ishikawa, VEE 2012, §4): a guest whose VMM speculates its TCP
 * segments reads the VMM's replication buffer through a paravirtual interface (capacity per connection, what is
 * held, the epoch and commit timing) and fills that buffer each epoch instead of probing for it: the VMM, not the
 * guest, meets the real path, with its own congestion control. Its window is the buffer's capacity: no slow start
 * from an initial window, no reduction when the speculative ACKs pause for an epoch (they are not the path's
 * signal). Unreplicated, or replicated without speculation, it is CUBIC: the guest is then an ordinary endpoint.
 */
import { CubicController } from './cubic.ts';
import type { AckEvent, CongestionControlOptions, CongestionController, LossEvent } from './types.ts';

export class RaccController implements CongestionController {
  readonly name = 'racc';
  private readonly cubic: CubicController;

  constructor(private readonly options: CongestionControlOptions) {
    this.cubic = new CubicController(options);
  }

  /** The paravirtual buffer's capacity while the VMM speculates, else undefined. */
  private get capacity(): number | undefined {
    const s = this.options.replicationStatus?.();
    return s && s.capacityBytes > 0 ? s.capacityBytes : undefined;
  }

  get cwnd(): number {
    return this.capacity ?? this.cubic.cwnd;
  }

  get ssthresh(): number {
    return this.capacity ?? this.cubic.ssthresh;
  }

  // Growth and reductions are CUBIC's; they govern the window whenever the VMM does not speculate (and the window
  // the guest falls back to if it stops).
  onAck(e: AckEvent): void {
    if (this.capacity === undefined) this.cubic.onAck(e);
  }

  onCongestionEvent(e: LossEvent): void {
    if (this.capacity === undefined) this.cubic.onCongestionEvent(e);
  }

  onRecoveryEnd(e: LossEvent): void {
    if (this.capacity === undefined) this.cubic.onRecoveryEnd(e);
  }

  onRetransmitTimeout(e: LossEvent): void {
    // A timeout while speculating means the VMM's buffer refused data (or the VMM changed): the guest's window
    // stays the buffer's; CUBIC still learns it, for when speculation stops.
    this.cubic.onRetransmitTimeout(e);
  }

  setCwnd(bytes: number): void {
    this.cubic.setCwnd(bytes);
  }

  save(): Record<string, number> {
    return this.cubic.save();
  }

  restore(state: Record<string, number>): void {
    this.cubic.restore(state);
  }
}
