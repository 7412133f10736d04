/**
 * Application timers for a simulated host, ordered by due time and then by creation so runs are deterministic.
 * Workloads keep only a handful armed at once, so a sorted array beats a heap in simplicity at no real cost.
 */
interface Timer {
  at: number;
  order: number;
  fire: () => void;
  cancelled: boolean;
}

export class TimerList {
  private timers: Timer[] = [];
  private counter = 0;

  add(at: number, fire: () => void): () => void {
    const timer: Timer = { at, order: this.counter++, fire, cancelled: false };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > at) i--;
    this.timers.splice(i, 0, timer);
    return () => {
      if (timer.cancelled) return;
      timer.cancelled = true;
      const index = this.timers.indexOf(timer);
      if (index >= 0) this.timers.splice(index, 1);
    };
  }

  /** The earliest due time, or undefined when nothing is armed. */
  nextDue(): number | undefined {
    return this.timers.length ? this.timers[0].at : undefined;
  }

  /** Removes and returns the earliest timer due at or before `now`. */
  takeDue(now: number): (() => void) | undefined {
    const first = this.timers[0];
    if (!first || first.at > now) return undefined;
    this.timers.shift();
    first.cancelled = true;
    return first.fire;
  }

  clear(): void {
    for (const t of this.timers) t.cancelled = true;
    this.timers = [];
  }
}
