/**
 * "Counters never go backwards", for keys changed only by INCR and starting absent (namespace each run).
 *
 * Events are ordered as the client saw them (see RegisterChecker). For each key:
 *   - An INCR reply must exceed every INCR reply on the key that arrived before this INCR was sent, whichever
 *     connection carried it (`counter-regressed`); concurrent INCRs may complete in either order.
 *   - No two INCRs on the key may return the same value (`counter-duplicate`: an increment was lost).
 *   - No value may exceed the number of INCRs sent to the key so far (`counter-overshoot`: an increment was
 *     applied twice, say a request replayed after a failover).
 *   - A GET must return at least the greatest INCR reply that arrived before the GET was sent
 *     (`counter-read-behind`), and at most the INCRs sent; nil reads as 0.
 */
import type { ViolationLog } from './violations.ts';

interface CounterState {
  /** Greatest INCR reply so far; -1 before any. */
  greatestAcknowledged: bigint;
  /** INCRs sent, whatever became of them. */
  increments: number;
  seen: Set<bigint>;
}

export interface IncrHandle {
  readonly key: string;
  readonly mustExceed: bigint;
}

export interface CounterReadHandle {
  readonly key: string;
  readonly mustReach: bigint;
  readonly final: boolean;
}

export interface CounterCheckerStats {
  incrementsInvoked: number;
  incrementsAcknowledged: number;
  readsChecked: number;
}

export class CounterChecker {
  readonly stats: CounterCheckerStats = { incrementsInvoked: 0, incrementsAcknowledged: 0, readsChecked: 0 };
  private readonly counters = new Map<string, CounterState>();

  constructor(private readonly log: ViolationLog) {}

  /** An INCR was sent. One never answered needs no call: it stays counted as possibly applied. */
  incrInvoked(key: string): IncrHandle {
    const c = this.state(key);
    c.increments++;
    this.stats.incrementsInvoked++;
    return { key, mustExceed: c.greatestAcknowledged };
  }

  incrCompleted(handle: IncrHandle, value: bigint, connection: string): void {
    const { key } = handle;
    const c = this.state(key);
    this.stats.incrementsAcknowledged++;
    if (value <= handle.mustExceed) {
      this.log.record(
        { kind: 'counter-regressed', key, value: `${value}`, mustExceed: `${handle.mustExceed}`, connection },
        `${connection}: INCR ${key} returned ${value}, but ${handle.mustExceed} was acknowledged before it was sent`,
      );
    } else if (c.seen.has(value)) {
      this.log.record(
        { kind: 'counter-duplicate', key, value: `${value}`, connection },
        `${connection}: INCR ${key} returned ${value} twice: an increment was lost`,
      );
    }
    this.checkOvershoot(key, value, c, connection);
    c.seen.add(value);
    if (value > c.greatestAcknowledged) c.greatestAcknowledged = value;
  }

  readInvoked(key: string, final = false): CounterReadHandle {
    return { key, mustReach: this.state(key).greatestAcknowledged, final };
  }

  /** `value` is the GET reply parsed as an integer, null for nil. */
  readCompleted(handle: CounterReadHandle, value: bigint | null, connection: string): void {
    const { key, final } = handle;
    const c = this.state(key);
    this.stats.readsChecked++;
    const v = value ?? 0n;
    if (v < handle.mustReach) {
      this.log.record(
        {
          kind: 'counter-read-behind',
          key,
          value: `${v}`,
          acknowledged: `${handle.mustReach}`,
          final,
          connection,
        },
        `${connection}: ${final ? 'verification ' : ''}GET ${key} returned ${v}, below the acknowledged INCR ` +
          `value ${handle.mustReach}`,
      );
    }
    this.checkOvershoot(key, v, c, connection);
  }

  /** Every key an INCR was sent to, for the verification pass. */
  keys(): string[] {
    return [...this.counters.keys()];
  }

  private checkOvershoot(key: string, value: bigint, c: CounterState, connection: string): void {
    if (value <= BigInt(c.increments)) return;
    this.log.record(
      { kind: 'counter-overshoot', key, value: `${value}`, increments: c.increments, connection },
      `${connection}: counter ${key} reads ${value} after only ${c.increments} INCRs: an increment was applied twice`,
    );
  }

  private state(key: string): CounterState {
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = { greatestAcknowledged: -1n, increments: 0, seen: new Set() }));
    return c;
  }
}
