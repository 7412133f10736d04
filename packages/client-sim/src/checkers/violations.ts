/**
 * What the checkers report: every way a client can be let down, as a structured record. Checkers never throw on
 * a bad server; they record, and the run goes on so one report shows everything that went wrong.
 * Counter values are decimal strings so records stay JSON-safe (RESP integers are 64-bit).
 */

interface Base {
  /** Client clock when the violation was detected. */
  atMs: number;
  /** One human-readable line. */
  message: string;
}

export type ViolationRecord =
  /** A read missed an acknowledged write: it returned nil or a value that a later acknowledged write replaced. */
  | {
      kind: 'stale-read';
      key: string;
      observed: string | null;
      /** Values it could legally have returned (acknowledged, not superseded, or in flight); newest first, ≤ 16. */
      allowed: string[];
      /** True for the verification pass after the load. */
      final: boolean;
      connection: string;
    }
  /** A read returned a value no client ever wrote to that key. */
  | { kind: 'phantom-read'; key: string; observed: string; final: boolean; connection: string }
  /** An INCR reply not greater than an INCR reply on the same key that completed before it was sent. */
  | { kind: 'counter-regressed'; key: string; value: string; mustExceed: string; connection: string }
  /** Two INCRs on one key got the same value: one increment was lost. */
  | { kind: 'counter-duplicate'; key: string; value: string; connection: string }
  /** A counter above the number of INCRs ever sent to it: an increment was applied twice. */
  | { kind: 'counter-overshoot'; key: string; value: string; increments: number; connection: string }
  /** A GET of a counter below an INCR reply acknowledged before the GET was sent. */
  | {
      kind: 'counter-read-behind';
      key: string;
      value: string;
      acknowledged: string;
      final: boolean;
      connection: string;
    }
  /** The peer reset an established connection (or one being opened). */
  | { kind: 'connection-reset'; connection: string }
  /** A connection ended with another error: refused, or timed out. */
  | { kind: 'connection-error'; connection: string; code: string }
  /** The peer ended the connection (FIN) while the client still expected data. */
  | { kind: 'unexpected-close'; connection: string }
  /** Bytes that are not valid protocol (the stream is unusable after them). */
  | { kind: 'protocol-error'; connection: string; reason: string }
  /** A well-formed reply of the wrong kind for the command. */
  | { kind: 'unexpected-reply'; connection: string; command: string; reply: string }
  /** A bulk-stream byte differs from the expected stream; `offset` is the first such byte. */
  | { kind: 'bulk-corrupt'; connection: string; offset: number }
  /** The bulk stream was shorter or longer than requested. */
  | { kind: 'bulk-length'; connection: string; expected: number; received: number }
  /** The SHA-256 of the received stream is not the expected digest. */
  | { kind: 'bulk-digest'; connection: string; expected: string; actual: string }
  /** The sink's count differs from what was uploaded (or could not be read). */
  | { kind: 'upload-count'; connection: string; expected: number; reported: string }
  /** Keys the verification pass could not read (no connection left to read them on). */
  | { kind: 'verification-incomplete'; unverifiedKeys: number };

export type Violation = ViolationRecord & Base;
export type ViolationKind = Violation['kind'];

/** Collects violations, stamping each with the client clock. Keeps the first `limit` in full and counts the rest. */
export class ViolationLog {
  readonly list: Violation[] = [];
  private readonly counts = new Map<ViolationKind, number>();
  private total = 0;

  constructor(
    private readonly now: () => number,
    private readonly limit = 10_000,
  ) {}

  record(record: ViolationRecord, message: string): void {
    this.total++;
    this.counts.set(record.kind, (this.counts.get(record.kind) ?? 0) + 1);
    if (this.list.length < this.limit) this.list.push({ ...record, atMs: this.now(), message });
  }

  /** All violations seen, including any beyond the kept list. */
  get count(): number {
    return this.total;
  }

  /** Violations seen beyond the kept list. */
  get omitted(): number {
    return this.total - this.list.length;
  }

  byKind(): Partial<Record<ViolationKind, number>> {
    return Object.fromEntries(this.counts) as Partial<Record<ViolationKind, number>>;
  }
}
