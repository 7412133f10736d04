/**
 * The VM's lease: who may release the guest's output. One key per VM in a store with compare-and-swap (NATS
 * JetStream KV); the key's revision is the fencing token, carried in chunks, acks, heartbeats and VIP
 * announcements. Leases change hands only by CAS (nats-server 2.9 has no per-key TTL), so of two VMMs racing
 * from the same revision (a backup taking over, a primary going unprotected) exactly one wins.
 */

/** The compare-and-swap store a lease lives in. */
export interface LeaseStore {
  get(key: string): Promise<{ value: string; revision: number } | undefined>;
  /** Creates the key; throws if it exists. Returns the new revision. */
  create(key: string, value: string): Promise<number>;
  /** Replaces the key if its revision is still `revision`; throws otherwise. Returns the new revision. */
  update(key: string, value: string, revision: number): Promise<number>;
}

export type LeaseMode = 'protected' | 'unprotected' | 'syncing';

export interface LeaseValue {
  holder: string;
  mode: LeaseMode;
}

/**
 * A CAS either won, lost to another writer (`conflict`: someone else holds the lease now), or could not reach
 * the store (`unavailable`: the outcome is unknown, so neither side may act as if it won; ask again).
 */
export type CasResult =
  { won: true; revision: number } | { won: false; outcome: 'conflict' | 'unavailable'; reason: string };

export class VmLease {
  /** The revision this VMM holds, if it holds the lease. */
  private held: number | undefined;

  constructor(
    private readonly store: LeaseStore,
    readonly vmId: string,
    readonly holder: string,
  ) {}

  get revision(): number | undefined {
    return this.held;
  }

  /** A VMM starting the VM afresh takes the lease whatever its state (creating it, or CAS over the last). */
  async acquireFresh(mode: LeaseMode): Promise<number> {
    const value = encode({ holder: this.holder, mode });
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.store.get(this.vmId);
      try {
        this.held = current
          ? await this.store.update(this.vmId, value, current.revision)
          : await this.store.create(this.vmId, value);
        return this.held;
      } catch {
        // Someone else wrote in between: read again.
      }
    }
    throw new Error(`could not take the lease of ${this.vmId}: it keeps changing`);
  }

  /**
   * Takes the lease if it is still at `expected` (the revision this VMM last saw its peer hold): a backup taking
   * over, or a primary (expected = its own revision) moving to `unprotected`.
   */
  async compareAndSwap(expected: number, mode: LeaseMode): Promise<CasResult> {
    try {
      this.held = await this.store.update(this.vmId, encode({ holder: this.holder, mode }), expected);
      return { won: true, revision: this.held };
    } catch (e) {
      const reason = (e as Error).message;
      // A request that failed may still have been applied: read back to learn whether it was ours.
      try {
        const now = await this.store.get(this.vmId);
        if (now && now.revision !== expected) {
          const v = JSON.parse(now.value) as Partial<LeaseValue>;
          if (v.holder === this.holder && v.mode === mode) {
            this.held = now.revision;
            return { won: true, revision: now.revision };
          }
          return { won: false, outcome: 'conflict', reason };
        }
        if (now && now.revision === expected && isConflict(reason))
          return { won: false, outcome: 'conflict', reason };
      } catch {
        // The store is unreachable: the outcome stays unknown.
      }
      return { won: false, outcome: isConflict(reason) ? 'conflict' : 'unavailable', reason };
    }
  }

  /**
   * Whether this VMM still holds the lease (the store's revision is the one it took). A read that this VMM's own
   * CAS overtook (asked before the CAS, answered after it won) shows the revision the CAS replaced: it says
   * nothing about the lease now, so it is asked again rather than taken for a loss.
   */
  async confirm(): Promise<boolean> {
    for (;;) {
      const asked = this.held;
      const current = await this.store.get(this.vmId);
      if (this.held !== asked && this.held !== undefined) continue;
      const mine = current !== undefined && asked !== undefined && current.revision === asked;
      if (!mine) this.held = undefined;
      return mine;
    }
  }

  /** The current holder and revision, as the store has them. */
  async read(): Promise<(LeaseValue & { revision: number }) | undefined> {
    const current = await this.store.get(this.vmId);
    if (!current) return undefined;
    try {
      const v = JSON.parse(current.value) as LeaseValue;
      return { holder: String(v.holder), mode: v.mode, revision: current.revision };
    } catch {
      return { holder: '?', mode: 'protected', revision: current.revision };
    }
  }
}

/** JetStream KV ("wrong last sequence") and MemoryLeaseStore ("wrong last revision") conflicts. */
function isConflict(message: string): boolean {
  return /wrong last (sequence|revision)|key exists/i.test(message);
}

function encode(v: LeaseValue): string {
  return JSON.stringify(v);
}

/** An in-process LeaseStore with real CAS semantics, for tests. */
export class MemoryLeaseStore implements LeaseStore {
  private readonly keys = new Map<string, { value: string; revision: number }>();
  private revision = 0;

  async get(key: string) {
    const v = this.keys.get(key);
    return v && { ...v };
  }

  async create(key: string, value: string): Promise<number> {
    if (this.keys.has(key)) throw new Error(`key ${key} exists`);
    this.keys.set(key, { value, revision: ++this.revision });
    return this.revision;
  }

  async update(key: string, value: string, revision: number): Promise<number> {
    const v = this.keys.get(key);
    if (!v || v.revision !== revision) throw new Error(`wrong last revision for ${key}`);
    this.keys.set(key, { value, revision: ++this.revision });
    return this.revision;
  }
}
