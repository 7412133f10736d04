/**
 * A real-time link emulator for the edge of the virtual network (the kernel here has no netem). The impairments
 * are guest-tcp's LinkModel (the same model the simulator uses) on the host's clock; one host timer serves the
 * whole queue, so the emulator keeps up with >100k packets/s.
 */
import {
  EventQueue,
  LinkModel,
  SeededRandom,
  resolveLinkOptions,
  type LinkOptions,
  type ResolvedLinkOptions,
} from '@vmha/guest-tcp';

export interface LinkImpairments extends LinkOptions {
  /** Seeds this link's loss, reordering and duplication draws. */
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

/** Validates impairments (default queue 4 MiB); a bad value is an error naming the setting. */
export function validateImpairments(o: LinkImpairments): ResolvedLinkOptions {
  return resolveLinkOptions(o, { queueBytes: 4 << 20 });
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
  private readonly model: LinkModel;
  private readonly queue = new EventQueue<Uint8Array>();
  private cancelTimer: (() => void) | undefined;
  private timerAt = Infinity;
  /** True when nothing is impaired: packets pass straight through with no timer. */
  readonly transparent: boolean;

  constructor(
    impairments: LinkImpairments,
    private readonly deliver: (packet: Uint8Array) => void,
    private readonly host: TimerHost = realTimeHost,
  ) {
    this.model = new LinkModel(
      validateImpairments(impairments),
      new SeededRandom(impairments.seed ?? 1),
      this.counters,
    );
    this.transparent = this.model.transparent;
  }

  send(packet: Uint8Array): void {
    this.counters.offered++;
    if (this.transparent) {
      this.counters.delivered++;
      this.deliver(packet);
      return;
    }
    const arrival = this.model.admit(this.host.now(), packet.length);
    if (arrival < 0) return;
    this.queue.push(arrival, packet);
    if (!Number.isNaN(this.model.duplicateAt)) this.queue.push(this.model.duplicateAt, packet);
    this.schedule();
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
