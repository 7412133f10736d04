import { describe, expect, it } from 'vitest';
import { CounterChecker } from './counter-checker.ts';
import { ViolationLog } from './violations.ts';

function setup(): { log: ViolationLog; c: CounterChecker } {
  const log = new ViolationLog(() => 0);
  return { log, c: new CounterChecker(log) };
}

describe('the counters-never-go-backwards checker', () => {
  it('accepts increasing replies, and concurrent INCRs answered in either order', () => {
    const { log, c } = setup();
    c.incrCompleted(c.incrInvoked('n'), 1n, 'a');
    const x = c.incrInvoked('n');
    const y = c.incrInvoked('n');
    c.incrCompleted(y, 2n, 'b');
    c.incrCompleted(x, 3n, 'a');
    c.readCompleted(c.readInvoked('n', true), 3n, 'a');
    expect(log.list).toEqual([]);
  });

  it('flags a reply not above one acknowledged before the INCR was sent', () => {
    const { log, c } = setup();
    c.incrCompleted(c.incrInvoked('n'), 1n, 'a');
    c.incrCompleted(c.incrInvoked('n'), 2n, 'b');
    c.incrCompleted(c.incrInvoked('n'), 2n, 'a');
    expect(log.list).toMatchObject([{ kind: 'counter-regressed', key: 'n', value: '2', mustExceed: '2' }]);
  });

  it('flags two concurrent INCRs given the same value as a lost increment', () => {
    const { log, c } = setup();
    const x = c.incrInvoked('n');
    const y = c.incrInvoked('n');
    c.incrCompleted(x, 1n, 'a');
    c.incrCompleted(y, 1n, 'b');
    expect(log.list).toMatchObject([{ kind: 'counter-duplicate', value: '1' }]);
  });

  it('flags a value above the INCRs ever sent as a double-applied increment', () => {
    const { log, c } = setup();
    c.incrCompleted(c.incrInvoked('n'), 1n, 'a');
    c.incrCompleted(c.incrInvoked('n'), 3n, 'a');
    c.readCompleted(c.readInvoked('n', true), 5n, 'a');
    expect(log.list).toMatchObject([
      { kind: 'counter-overshoot', value: '3', increments: 2 },
      { kind: 'counter-overshoot', value: '5', increments: 2 },
    ]);
  });

  it('flags a final read below the highest acknowledged INCR, and reads nil as 0', () => {
    const { log, c } = setup();
    c.incrCompleted(c.incrInvoked('n'), 1n, 'a');
    c.incrCompleted(c.incrInvoked('n'), 2n, 'a');
    c.readCompleted(c.readInvoked('n', true), 1n, 'a');
    c.readCompleted(c.readInvoked('n', true), null, 'a');
    c.readCompleted(c.readInvoked('untouched', true), null, 'a');
    expect(log.list).toMatchObject([
      { kind: 'counter-read-behind', value: '1', acknowledged: '2', final: true },
      { kind: 'counter-read-behind', value: '0', acknowledged: '2', final: true },
    ]);
  });
});
