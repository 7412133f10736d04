import { describe, expect, it } from 'vitest';
import { FailureDetector } from './failure-detector.ts';

describe('FailureDetector', () => {
  it('suspects a peer only after the timeout of silence, and hearing from it resets the count', () => {
    const d = new FailureDetector(500, 0);
    expect(d.suspects(499)).toBe(false);
    expect(d.suspects(500)).toBe(true);
    d.heard(400);
    expect(d.suspects(800)).toBe(false);
    expect(d.silentFor(900)).toBe(500);
    expect(d.suspects(900)).toBe(true);
  });

  it('does not count the time this process itself was frozen as the peer being silent', () => {
    const d = new FailureDetector(500, 0);
    d.heard(100);
    d.discount(200, 900); // frozen 700 ms: the peer's messages may be waiting unread
    expect(d.silentFor(900)).toBe(100);
    expect(d.suspects(1000)).toBe(false);
    expect(d.suspects(1300)).toBe(true); // 500 ms of silence while we were listening
  });

  it('ignores an empty or inverted freeze, and never moves the deadline back', () => {
    const d = new FailureDetector(500, 0);
    d.heard(300);
    d.discount(400, 400);
    d.discount(600, 500);
    expect(d.deadline).toBe(800);
    d.discount(300, 700); // heard just as the freeze began
    expect(d.deadline).toBe(1200);
  });

  it('rejects a timeout that is not positive', () => {
    expect(() => new FailureDetector(0, 0)).toThrow(RangeError);
    expect(() => new FailureDetector(Number.NaN, 0)).toThrow(RangeError);
  });
});
