import { describe, expect, it } from 'vitest';
import { RegisterChecker } from './register-checker.ts';
import { ViolationLog } from './violations.ts';

function setup(): { log: ViolationLog; c: RegisterChecker } {
  const log = new ViolationLog(() => 0);
  return { log, c: new RegisterChecker(log) };
}

describe('the acknowledged-writes-visible checker', () => {
  it('accepts a read of the latest acknowledged write', () => {
    const { log, c } = setup();
    c.writeAcknowledged(c.writeInvoked('k', 'a'));
    c.writeAcknowledged(c.writeInvoked('k', 'b'));
    c.readCompleted(c.readInvoked('k'), 'b', 'conn');
    expect(log.list).toEqual([]);
  });

  it('flags a read of a value superseded before the read began as stale', () => {
    const { log, c } = setup();
    c.writeAcknowledged(c.writeInvoked('k', 'a'));
    c.writeAcknowledged(c.writeInvoked('k', 'b'));
    c.readCompleted(c.readInvoked('k'), 'a', 'conn');
    expect(log.list).toMatchObject([
      { kind: 'stale-read', key: 'k', observed: 'a', allowed: ['b'], final: false },
    ]);
  });

  it('allows nil only while no write to the key has been acknowledged', () => {
    const { log, c } = setup();
    const w = c.writeInvoked('k', 'a');
    c.readCompleted(c.readInvoked('k'), null, 'conn'); // the write is still in flight
    c.writeAcknowledged(w);
    c.readCompleted(c.readInvoked('k', true), null, 'conn');
    expect(log.list).toMatchObject([{ kind: 'stale-read', observed: null, allowed: ['a'], final: true }]);
  });

  it('allows either the old or the new value while a write is in flight', () => {
    const { log, c } = setup();
    c.writeAcknowledged(c.writeInvoked('k', 'old'));
    const w = c.writeInvoked('k', 'new');
    const r1 = c.readInvoked('k');
    const r2 = c.readInvoked('k');
    c.readCompleted(r1, 'old', 'conn');
    c.readCompleted(r2, 'new', 'conn');
    c.writeAcknowledged(w);
    // A read that began before the acknowledgement may still see the old value.
    const r3 = c.readInvoked('k');
    c.readCompleted(r3, 'new', 'conn');
    expect(log.list).toEqual([]);
  });

  it('allows either of two overlapping acknowledged writes, since neither began after the other ended', () => {
    const { log, c } = setup();
    const a = c.writeInvoked('k', 'a');
    const b = c.writeInvoked('k', 'b');
    c.writeAcknowledged(b);
    c.writeAcknowledged(a);
    c.readCompleted(c.readInvoked('k'), 'b', 'conn');
    c.readCompleted(c.readInvoked('k'), 'a', 'conn');
    expect(log.list).toEqual([]);
  });

  it('keeps a write whose outcome is unknown possible forever', () => {
    const { log, c } = setup();
    c.writeAcknowledged(c.writeInvoked('k', 'a'));
    c.writeOutcomeUnknown(c.writeInvoked('k', 'lost-reply'));
    c.readCompleted(c.readInvoked('k'), 'lost-reply', 'conn');
    c.readCompleted(c.readInvoked('k'), 'a', 'conn');
    expect(log.list).toEqual([]);
  });

  it('flags a value never written to the key as a phantom read', () => {
    const { log, c } = setup();
    c.writeAcknowledged(c.writeInvoked('k', 'a'));
    c.writeAcknowledged(c.writeInvoked('other', 'x'));
    c.readCompleted(c.readInvoked('k'), 'x', 'conn-7');
    expect(log.list).toMatchObject([{ kind: 'phantom-read', key: 'k', observed: 'x', connection: 'conn-7' }]);
  });

  it('lists the written keys for the verification pass', () => {
    const { c } = setup();
    c.writeInvoked('a', '1');
    c.writeInvoked('b', '2');
    c.readInvoked('c');
    expect(c.keys().sort()).toEqual(['a', 'b']);
  });
});
