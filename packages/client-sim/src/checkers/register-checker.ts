/**
 * "Every acknowledged write is visible later", checked per key with many concurrent clients.
 *
 * The rule (linearizability of each read taken on its own, against all writes to the key):
 *   Order events by when the client saw them: one client process sees every invocation and every reply, so its
 *   event order is a valid real-time order (an event counter, not the clock, so ties in virtual time cannot blur
 *   it). A write W is *invoked* when sent and *acknowledged* when its OK arrives. W *supersedes* V when W was
 *   invoked after V was acknowledged and W itself was acknowledged. A write whose reply never came (connection
 *   lost) or was an error has an *unknown* outcome: it may have been applied at any time, so it stays in flight
 *   forever.
 *   A read R invoked at r₀ and answered at r₁ may return
 *     - nil, only if no write to the key was acknowledged before r₀;
 *     - the value of a write W invoked before r₁, unless some write invoked after W's acknowledgement was itself
 *       acknowledged before r₀ (then W was superseded before R began).
 *   Anything else is a violation: nil or a superseded value is a `stale-read` (an acknowledged write was lost or
 *   rolled back), a value never written to the key is a `phantom-read`.
 * What it does not check: consistency between reads (two sequential reads seeing concurrent writes in opposite
 * orders); a full linearizability search is exponential, and HA failures show up as lost writes anyway.
 * Values must be unique per key (the load generator makes them so); keys must start empty (namespace each run).
 * Memory is O(writes): every value is remembered so a late stale read is named as such.
 */
import type { ViolationLog } from './violations.ts';

interface WriteRecord {
  value: string;
  invokedAt: number;
  /** Event number of the acknowledgement; undefined while in flight or when the outcome is unknown. */
  acknowledgedAt: number | undefined;
}

interface KeyState {
  writes: Map<string, WriteRecord>;
  /** Greatest invocation event among acknowledged writes: writes acknowledged before it are superseded. */
  supersedeBefore: number;
}

export interface WriteHandle {
  readonly key: string;
  readonly record: WriteRecord;
}

export interface ReadHandle {
  readonly key: string;
  /** `supersedeBefore` of the key when the read was sent. */
  readonly supersedeBefore: number;
  readonly final: boolean;
}

export interface RegisterCheckerStats {
  writesInvoked: number;
  writesAcknowledged: number;
  writesUnknown: number;
  readsChecked: number;
}

/** How many allowed values a stale-read record lists. */
const MAX_ALLOWED_LISTED = 16;

export class RegisterChecker {
  readonly stats: RegisterCheckerStats = {
    writesInvoked: 0,
    writesAcknowledged: 0,
    writesUnknown: 0,
    readsChecked: 0,
  };
  private readonly keyStates = new Map<string, KeyState>();
  private events = 0;

  constructor(private readonly log: ViolationLog) {}

  /** A write was sent. */
  writeInvoked(key: string, value: string): WriteHandle {
    const state = this.state(key);
    if (state.writes.has(value))
      throw new Error(`value ${value} written twice to ${key}: values must be unique`);
    const record: WriteRecord = { value, invokedAt: ++this.events, acknowledgedAt: undefined };
    state.writes.set(value, record);
    this.stats.writesInvoked++;
    return { key, record };
  }

  /** The write's OK arrived. */
  writeAcknowledged(handle: WriteHandle): void {
    const record = handle.record;
    record.acknowledgedAt = ++this.events;
    const state = this.state(handle.key);
    if (record.invokedAt > state.supersedeBefore) state.supersedeBefore = record.invokedAt;
    this.stats.writesAcknowledged++;
  }

  /** No OK will come (error reply, connection lost): the write may or may not have been applied. */
  writeOutcomeUnknown(_handle: WriteHandle): void {
    this.events++;
    this.stats.writesUnknown++;
  }

  /** A read was sent. `final` marks the verification pass after the load. */
  readInvoked(key: string, final = false): ReadHandle {
    this.events++;
    return { key, supersedeBefore: this.state(key).supersedeBefore, final };
  }

  /** The read's reply arrived: `observed` is the value, or null for nil. */
  readCompleted(handle: ReadHandle, observed: string | null, connection: string): void {
    this.events++;
    this.stats.readsChecked++;
    const { key, final } = handle;
    const state = this.state(key);
    if (observed === null) {
      // supersedeBefore is 0 until some write to the key has been acknowledged.
      if (handle.supersedeBefore === 0) return;
      this.stale(handle, observed, state, connection);
      return;
    }
    const write = state.writes.get(observed);
    if (!write) {
      this.log.record(
        { kind: 'phantom-read', key, observed, final, connection },
        `${connection}: GET ${key} returned ${abbreviate(observed)}, which no client wrote to it`,
      );
      return;
    }
    if (write.acknowledgedAt !== undefined && write.acknowledgedAt < handle.supersedeBefore) {
      this.stale(handle, observed, state, connection);
    }
  }

  /** Every key a write was sent to, for the verification pass. */
  keys(): string[] {
    return [...this.keyStates.entries()].filter(([, s]) => s.writes.size > 0).map(([k]) => k);
  }

  private stale(handle: ReadHandle, observed: string | null, state: KeyState, connection: string): void {
    // Newest first, and a bounded list: a hot key with many writes of unknown outcome would make huge records.
    const allowed = [...state.writes.values()]
      .filter((w) => w.acknowledgedAt === undefined || w.acknowledgedAt >= handle.supersedeBefore)
      .map((w) => w.value)
      .reverse()
      .slice(0, MAX_ALLOWED_LISTED);
    const what = observed === null ? 'nil' : `the superseded value ${abbreviate(observed)}`;
    this.log.record(
      { kind: 'stale-read', key: handle.key, observed, allowed, final: handle.final, connection },
      `${connection}: ${handle.final ? 'verification ' : ''}GET ${handle.key} returned ${what}; an acknowledged ` +
        `write must be visible (allowed: ${allowed
          .slice(0, 4)
          .map((v) => abbreviate(v))
          .join(', ')}${allowed.length > 4 ? ', …' : ''})`,
    );
  }

  private state(key: string): KeyState {
    let s = this.keyStates.get(key);
    if (!s) this.keyStates.set(key, (s = { writes: new Map(), supersedeBefore: 0 }));
    return s;
  }
}

export function abbreviate(value: string, max = 40): string {
  return value.length <= max ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, max))}…`;
}
