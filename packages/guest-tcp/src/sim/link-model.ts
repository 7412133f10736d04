/**
 * One direction of an impaired link, as a pure model on a given clock: serialisation at a bandwidth behind a
 * drop-tail queue, then random loss, reordering (a packet held back so later ones overtake it) and duplication.
 * The simulator drives it on virtual time and vnet's link emulator on the host's clock; both draw from a seeded
 * generator in the same order, so a seed gives the same packet history.
 */
import type { SeededRandom } from '../internal/rng.ts';

export interface LinkOptions {
  /** One-way propagation delay. */
  delayMs?: number;
  /** Serialisation rate; unlimited when omitted or 0. */
  bandwidthMbps?: number;
  /** Drop-tail queue limit in bytes (only with a bandwidth). */
  queueBytes?: number;
  /** Probability a packet is lost. */
  loss?: number;
  /** Probability a packet is held back by `reorderDelayMs` so later ones overtake it. */
  reorder?: number;
  reorderDelayMs?: number;
  /** Probability a packet is delivered twice. */
  duplicate?: number;
}

export type ResolvedLinkOptions = Required<Omit<LinkOptions, 'bandwidthMbps'>> & {
  bandwidthMbps: number | undefined;
};

export interface LinkImpairmentCounts {
  lost: number;
  queueDrops: number;
  reordered: number;
  duplicated: number;
}

/** Fills in defaults and validates; a bad value is an error naming the setting. */
export function resolveLinkOptions(o: LinkOptions, defaults: { queueBytes: number }): ResolvedLinkOptions {
  const prob = (name: keyof LinkOptions, v: number | undefined): number => {
    const x = v ?? 0;
    if (!Number.isFinite(x) || x < 0 || x >= 1) {
      throw new Error(`invalid link setting ${name}=${v}: expected a probability in [0, 1)`);
    }
    return x;
  };
  const nonNeg = (name: keyof LinkOptions, v: number | undefined, dflt: number): number => {
    const x = v ?? dflt;
    if (!Number.isFinite(x) || x < 0)
      throw new Error(`invalid link setting ${name}=${v}: expected a non-negative number`);
    return x;
  };
  const bw = o.bandwidthMbps;
  if (bw !== undefined && (!Number.isFinite(bw) || bw < 0)) {
    throw new Error(
      `invalid link setting bandwidthMbps=${bw}: expected a non-negative number (0 = unlimited)`,
    );
  }
  return {
    delayMs: nonNeg('delayMs', o.delayMs, 0),
    bandwidthMbps: bw === undefined || bw === 0 ? undefined : bw,
    queueBytes: nonNeg('queueBytes', o.queueBytes, defaults.queueBytes),
    loss: prob('loss', o.loss),
    reorder: prob('reorder', o.reorder),
    reorderDelayMs: nonNeg('reorderDelayMs', o.reorderDelayMs, Math.max(1, o.delayMs ?? 0)),
    duplicate: prob('duplicate', o.duplicate),
  };
}

export class LinkModel {
  /** When the serialiser is free again. */
  private busyUntil = 0;
  /** Set by admit(): arrival time of the duplicate copy, or NaN when the packet was not duplicated. */
  duplicateAt = Number.NaN;

  constructor(
    readonly options: ResolvedLinkOptions,
    private readonly rng: SeededRandom,
    private readonly counts: LinkImpairmentCounts,
  ) {}

  /** True when nothing is impaired: packets can pass straight through. */
  get transparent(): boolean {
    const o = this.options;
    return (
      o.delayMs === 0 && o.bandwidthMbps === undefined && o.loss === 0 && o.reorder === 0 && o.duplicate === 0
    );
  }

  /**
   * Offers a packet of `bytes` at time `now`. Returns its arrival time, or -1 when the link drops it (counted);
   * `duplicateAt` then says whether a copy arrives too. No allocation: it runs once per packet.
   */
  admit(now: number, bytes: number): number {
    const o = this.options;
    this.duplicateAt = Number.NaN;
    let departure = now;
    if (o.bandwidthMbps !== undefined) {
      const start = Math.max(now, this.busyUntil);
      const backlogBytes = ((start - now) * o.bandwidthMbps * 1000) / 8;
      if (backlogBytes + bytes > o.queueBytes) {
        this.counts.queueDrops++;
        return -1;
      }
      departure = start + (bytes * 8) / (o.bandwidthMbps * 1000);
      this.busyUntil = departure;
    }
    if (o.loss > 0 && this.rng.next() < o.loss) {
      this.counts.lost++;
      return -1;
    }
    let arrival = departure + o.delayMs;
    if (o.reorder > 0 && this.rng.next() < o.reorder) {
      this.counts.reordered++;
      arrival += o.reorderDelayMs;
    }
    if (o.duplicate > 0 && this.rng.next() < o.duplicate) {
      this.counts.duplicated++;
      this.duplicateAt = arrival + o.reorderDelayMs * this.rng.next();
    }
    return arrival;
  }
}
