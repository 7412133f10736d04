import { describe, expect, it } from 'vitest';
import { MemoryLeaseStore, VmLease, type LeaseStore } from './lease.ts';

/** A store whose reads can be held: the value is read when asked, the answer delivered when released. */
class SlowReadStore implements LeaseStore {
  readonly inner = new MemoryLeaseStore();
  private held: (() => void)[] = [];
  holdReads = false;

  async get(key: string) {
    const value = await this.inner.get(key);
    if (this.holdReads) await new Promise<void>((resolve) => this.held.push(resolve));
    return value;
  }
  create(key: string, value: string) {
    return this.inner.create(key, value);
  }
  update(key: string, value: string, revision: number) {
    return this.inner.update(key, value, revision);
  }
  releaseReads(): void {
    this.holdReads = false;
    for (const r of this.held.splice(0)) r();
  }
}

describe('VmLease', () => {
  it('of two VMMs racing by CAS from the same revision, exactly one wins; the loser learns it lost', async () => {
    const store = new MemoryLeaseStore();
    const primary = new VmLease(store, 'vm', 'a');
    const backup = new VmLease(store, 'vm', 'b');
    const rev = await primary.acquireFresh('protected');
    const [p, b] = await Promise.all([
      primary.compareAndSwap(rev, 'unprotected'),
      backup.compareAndSwap(rev, 'unprotected'),
    ]);
    expect([p.won, b.won].filter(Boolean)).toHaveLength(1);
    const loser = p.won ? b : p;
    expect(loser).toMatchObject({ won: false, outcome: 'conflict' });
    expect(await (p.won ? primary : backup).confirm()).toBe(true);
    expect(await (p.won ? backup : primary).confirm()).toBe(false);
    expect((await primary.read())?.holder).toBe(p.won ? 'a' : 'b');
  });

  it('a holder whose lease was taken is told so, and holds no revision after', async () => {
    const store = new MemoryLeaseStore();
    const primary = new VmLease(store, 'vm', 'a');
    const rev = await primary.acquireFresh('protected');
    expect(await new VmLease(store, 'vm', 'b').compareAndSwap(rev, 'unprotected')).toMatchObject({
      won: true,
    });
    expect(await primary.confirm()).toBe(false);
    expect(primary.revision).toBeUndefined();
  });

  it('a read overtaken by its own CAS is asked again, not taken for a lost lease', async () => {
    // The race CI found: a primary's lease check and its claim to run unprotected were in flight together; the
    // read answered with the revision the claim had just replaced, and the primary fenced itself while it held
    // the lease.
    const store = new SlowReadStore();
    const primary = new VmLease(store, 'vm', 'a');
    const rev = await primary.acquireFresh('protected');
    store.holdReads = true;
    const confirmed = primary.confirm(); // reads revision `rev`, answer held
    await new Promise((r) => setTimeout(r, 0));
    expect(await primary.compareAndSwap(rev, 'unprotected')).toMatchObject({ won: true });
    store.releaseReads();
    expect(await confirmed).toBe(true);
    expect(primary.revision).toBe(rev + 1);
  });

  it('an unreachable store is "unavailable", never a win or a loss', async () => {
    const store: LeaseStore = {
      get: () => Promise.reject(new Error('timeout')),
      create: () => Promise.reject(new Error('timeout')),
      update: () => Promise.reject(new Error('timeout')),
    };
    expect(await new VmLease(store, 'vm', 'b').compareAndSwap(3, 'unprotected')).toMatchObject({
      won: false,
      outcome: 'unavailable',
    });
  });

  it('a CAS whose answer was lost but which was applied is recognised as won on reading back', async () => {
    const inner = new MemoryLeaseStore();
    const store: LeaseStore = {
      get: (k) => inner.get(k),
      create: (k, v) => inner.create(k, v),
      update: async (k, v, r) => {
        await inner.update(k, v, r);
        throw new Error('timeout'); // applied, but the reply never came
      },
    };
    const a = new VmLease(inner, 'vm', 'a');
    const rev = await a.acquireFresh('protected');
    const b = new VmLease(store, 'vm', 'b');
    expect(await b.compareAndSwap(rev, 'unprotected')).toEqual({ won: true, revision: rev + 1 });
    expect(await b.confirm()).toBe(true);
  });
});
