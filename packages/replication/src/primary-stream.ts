/**
 * The primary's bookkeeping of the checkpoint stream (Remus §3.2–3.3): which checkpoints are in flight, what an
 * ack allows (release output up to its epoch), when to resend (a rejection, or no ack in time: from the oldest
 * unacked, in order, because each applies on top of the one before), when the backup has diverged (its digest
 * is not ours), and when to stop capturing (too many in flight: the epoch stretches instead of memory growing).
 */
import type { EncodedCheckpoint } from './checkpoint-encoder.ts';

export interface InFlight {
  readonly checkpoint: EncodedCheckpoint;
  /** The primary's state digest at the capture (the backup must report the same). */
  readonly digest: string | undefined;
  sentAt: number;
  sends: number;
}

export type AckVerdict =
  | { kind: 'release'; epoch: number }
  | { kind: 'resend'; checkpoints: InFlight[] }
  | { kind: 'diverged'; epoch: number; ours: string | undefined; theirs: string }
  | { kind: 'ignored'; why: string };

export interface PrimaryStreamOptions {
  /** Resend when the oldest checkpoint has had no ack for this long. */
  ackTimeoutMs: number;
  /** Most checkpoints in flight before capturing waits. */
  maxInFlight: number;
}

export class PrimaryStream {
  private readonly inFlight: InFlight[] = [];
  private acked = 0;

  constructor(private readonly options: PrimaryStreamOptions) {}

  /** The newest epoch the backup acked (its output may be released). */
  get ackedEpoch(): number {
    return this.acked;
  }

  get pending(): readonly InFlight[] {
    return this.inFlight;
  }

  /** Whether another checkpoint may be captured now. */
  canCapture(): boolean {
    return this.inFlight.length < this.options.maxInFlight;
  }

  /** A checkpoint was encoded and sent now. Epochs must follow each other. */
  sent(checkpoint: EncodedCheckpoint, digest: string | undefined, now: number): InFlight {
    const last = this.inFlight.at(-1)?.checkpoint.epoch ?? this.acked;
    if (checkpoint.epoch !== last + 1)
      throw new RangeError(`checkpoint ${checkpoint.epoch} does not follow ${last}`);
    const entry: InFlight = { checkpoint, digest, sentAt: now, sends: 1 };
    this.inFlight.push(entry);
    return entry;
  }

  /** What the backup's answer for `epoch` means. */
  onAck(ack: { epoch: number; applied: boolean; digest: string }, now: number): AckVerdict {
    const index = this.inFlight.findIndex((f) => f.checkpoint.epoch === ack.epoch);
    if (index < 0) return { kind: 'ignored', why: `epoch ${ack.epoch} is not in flight` };
    if (!ack.applied) return { kind: 'resend', checkpoints: this.resendAll(now) };
    const entry = this.inFlight[index];
    if (entry.digest !== undefined && entry.digest !== ack.digest)
      return { kind: 'diverged', epoch: ack.epoch, ours: entry.digest, theirs: ack.digest };
    // Acks are cumulative: the backup applies in order, so every earlier checkpoint is applied too.
    this.inFlight.splice(0, index + 1);
    this.acked = ack.epoch;
    return { kind: 'release', epoch: ack.epoch };
  }

  /** Checkpoints to resend because the oldest has waited past the ack timeout (empty when none). */
  due(now: number): InFlight[] {
    const oldest = this.inFlight[0];
    if (!oldest || now - oldest.sentAt < this.options.ackTimeoutMs) return [];
    return this.resendAll(now);
  }

  /** Forgets everything in flight (the backup is gone or resynchronising). */
  reset(ackedEpoch: number): void {
    this.inFlight.length = 0;
    this.acked = ackedEpoch;
  }

  /** Everything in flight, oldest first, marked sent again now. */
  private resendAll(now: number): InFlight[] {
    const out = [...this.inFlight];
    for (const f of out) {
      f.sentAt = now;
      f.sends++;
    }
    return out;
  }
}
