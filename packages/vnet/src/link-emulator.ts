/**
 * A real-time link emulator for the edge of the virtual network (the kernel here has no netem): propagation
 * delay, serialisation at a bandwidth behind a drop-tail queue, random loss, reordering and duplication, all
 * drawn from a seeded generator so a run's impairments are reproducible. One host timer serves the whole
 * queue, so the emulator keeps up with >100k packets/s.
 */
import { EventQueue, SeededRandom } from '@vmha/guest-tcp';

export interface LinkImpairments {
  /** One-way delay added to every packet. */
  delayMs?: number;
  /** Serialisation rate; unlimited when omitted or 0. */
  bandwidthMbps?: number;
  /** Drop-tail queue in bytes in front of the bandwidth limit (default 4 MiB). */
  queueBytes?: number;
  /** Probability [0, 1) that a packet is lost. */
  loss?: number;
  /** Probability that a packet is held back by `reorderDelayMs` so later ones overtake it. */
  reorder?: number;
  reorderDelayMs?: number;
  /** Probability that a packet is delivered twice. */
  duplicate?: number;
  seed?: number;
}

export interface LinkCounters {
  offered: number;
  delivered: number;
  lost: number;
  queueDrops: number;
  reordered: number;
  duplicated: number;
}

/** Validates impairments; a bad value is an error naming the setting. */
export function validateImpairments(o: LinkImpairments): Required<Omit<LinkImpairments, 'bandwidthMbps'>> & {
  bandwidthMbps: number | undefined;
} {
  const prob = (name: keyof LinkImpairments, v: number | undefined): number => {
    const x = v ?? 0;
    if (!Number.isFinite(x) || x < 0 || x >= 1)
      throw new Error(`invalid link setting ${name}=${v}: expected a probability in [0, 1)`);
    return x;
  };
  const nonNeg = (name: keyof LinkImpairments, v: number | undefined, dflt: number): number => {
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
    queueBytes: nonNeg('queueBytes', o.queueBytes, 4 << 20),
    loss: prob('loss', o.loss),
    reorder: prob('reorder', o.reorder),
    reorderDelayMs: nonNeg('reorderDelayMs', o.reorderDelayMs, Math.max(1, o.delayMs ?? 0)),
    duplicate: prob('duplicate', o.duplicate),
    seed: o.seed ?? 1,
  };
}

/** Host time source and one-shot timer, injectable so tests can run the emulator on virtual time. */
export interface TimerHost {
  now(): number;
  setTimer(atMs: number, fire: () => void): () => void;
}

export const realTimeHost: TimerHost = {
  now: () => performance.now(),
  setTimer(atMs, fire) {
    const t = setTimeout(fire, Math.max(0, atMs - performance.now()));
    return () => clearTimeout(t);
  },
};

export class LinkEmulator {
  readonly counters: LinkCounters = {
    offered: 0,
    delivered: 0,
    lost: 0,
    queueDrops: 0,
    reordered: 0,
    duplicated: 0,
  };
  private readonly o: ReturnType<typeof validateImpairments>;
  private readonly rng: SeededRandom;
  private readonly queue = new EventQueue<Uint8Array>();
  private busyUntil = 0;
  private cancelTimer: (() => void) | undefined;
  private timerAt = Infinity;
  /** True when nothing is impaired: packets pass straight through with no timer. */
  readonly transparent: boolean;

  constructor(
    impairments: LinkImpairments,
    private readonly deliver: (packet: Uint8Array) => void,
    private readonly host: TimerHost = realTimeHost,
  ) {
    this.o = validateImpairments(impairments);
    this.rng = new SeededRandom(this.o.seed);
    const o = this.o;
    this.transparent =
      o.delayMs === 0 &&
      o.bandwidthMbps === undefined &&
      o.loss === 0 &&
      o.reorder === 0 &&
      o.duplicate === 0;
  }

  send(packet: Uint8Array): void {
    this.counters.offered++;
    if (this.transparent) {
      this.counters.delivered++;
      this.deliver(packet);
      return;
    }
    const o = this.o;
    const now = this.host.now();
    let departure = now;
    if (o.bandwidthMbps !== undefined) {
      const start = Math.max(now, this.busyUntil);
      const backlogBytes = ((start - now) * o.bandwidthMbps * 1000) / 8;
      if (backlogBytes + packet.length > o.queueBytes) {
        this.counters.queueDrops++;
        return;
      }
      departure = start + (packet.length * 8) / (o.bandwidthMbps * 1000);
      this.busyUntil = departure;
    }
    if (o.loss > 0 && this.rng.next() < o.loss) {
      this.counters.lost++;
      return;
    }
    let arrival = departure + o.delayMs;
    if (o.reorder > 0 && this.rng.next() < o.reorder) {
      this.counters.reordered++;
      arrival += o.reorderDelayMs;
    }
    this.queue.push(arrival, packet);
    if (o.duplicate > 0 && this.rng.next() < o.duplicate) {
      this.counters.duplicated++;
      this.queue.push(arrival + o.reorderDelayMs * this.rng.next(), packet);
    }
    this.schedule();
  }

  /** Packets waiting in the emulated link. */
  get inFlight(): number {
    return this.queue.size;
  }

  /** Drops everything in flight and stops the timer (for shutdown). */
  close(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    while (this.queue.pop());
  }

  private schedule(): void {
    const next = this.queue.peekTime();
    if (next === undefined || next >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = next;
    this.cancelTimer = this.host.setTimer(next, () => this.drain());
  }

  private drain(): void {
    this.cancelTimer = undefined;
    this.timerAt = Infinity;
    const now = this.host.now();
    // Deliver everything due, allowing for timer lateness (the host may fire a little after `next`).
    while (true) {
      const t = this.queue.peekTime();
      if (t === undefined || t > now) break;
      const ev = this.queue.pop();
      if (!ev) break;
      this.counters.delivered++;
      this.deliver(ev.item);
    }
    this.schedule();
  }
}
