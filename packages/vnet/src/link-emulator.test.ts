import { describe, expect, it } from 'vitest';
import { LinkEmulator, validateImpairments, type TimerHost } from './link-emulator.ts';

/** A virtual-time host: timers fire when the test advances the clock. */
function virtualHost() {
  let t = 0;
  let timers: Array<{ at: number; fire: () => void }> = [];
  const host: TimerHost = {
    now: () => t,
    setTimer(at, fire) {
      const entry = { at, fire };
      timers.push(entry);
      return () => {
        timers = timers.filter((x) => x !== entry);
      };
    },
  };
  const advance = (ms: number) => {
    const end = t + ms;
    while (true) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      t = Math.max(t, next.at);
      next.fire();
    }
    t = end;
  };
  return { host, advance, now: () => t };
}

const pkt = (n: number, size = 1500) => {
  const p = new Uint8Array(size);
  p[0] = n & 0xff;
  p[1] = n >> 8;
  return p;
};
const id = (p: Uint8Array) => p[0] | (p[1] << 8);

describe('link emulator', () => {
  it('passes packets straight through when nothing is impaired', () => {
    const got: number[] = [];
    const link = new LinkEmulator({}, (p) => got.push(id(p)));
    for (let i = 0; i < 5; i++) link.send(pkt(i));
    expect(got).toEqual([0, 1, 2, 3, 4]);
    expect(link.transparent).toBe(true);
  });

  it('delays every packet by the propagation delay', () => {
    const v = virtualHost();
    const arrivals: number[] = [];
    const link = new LinkEmulator({ delayMs: 10 }, () => arrivals.push(v.now()), v.host);
    link.send(pkt(1));
    v.advance(9);
    expect(arrivals).toEqual([]);
    v.advance(1);
    expect(arrivals).toEqual([10]);
  });

  it('serialises at the bandwidth and drops what overflows the queue', () => {
    const v = virtualHost();
    const arrivals: number[] = [];
    // 12 Mbit/s: a 1500-byte packet takes 1 ms; a 3000-byte queue holds two packets' worth.
    const link = new LinkEmulator(
      { bandwidthMbps: 12, queueBytes: 3000 },
      () => arrivals.push(v.now()),
      v.host,
    );
    for (let i = 0; i < 4; i++) link.send(pkt(i));
    v.advance(100);
    expect(arrivals).toEqual([1, 2]);
    expect(link.counters.queueDrops).toBe(2);
  });

  it('loses, reorders and duplicates at the configured rates, reproducibly for a seed', () => {
    const run = (seed: number) => {
      const v = virtualHost();
      const got: number[] = [];
      const link = new LinkEmulator(
        { delayMs: 1, loss: 0.1, reorder: 0.1, reorderDelayMs: 5, duplicate: 0.05, seed },
        (p) => got.push(id(p)),
        v.host,
      );
      for (let i = 0; i < 20_000; i++) {
        link.send(pkt(i));
        v.advance(0.01);
      }
      v.advance(100);
      return { got, c: link.counters };
    };
    const a = run(7);
    const b = run(7);
    expect(a.got).toEqual(b.got);
    expect(a.c.lost / 20_000).toBeGreaterThan(0.08);
    expect(a.c.lost / 20_000).toBeLessThan(0.12);
    expect(a.c.duplicated).toBeGreaterThan(500);
    const outOfOrder = a.got.filter((x, i) => i > 0 && x < a.got[i - 1]).length;
    expect(outOfOrder).toBeGreaterThan(500);
    expect(a.c.delivered).toBe(a.got.length);
    expect(run(8).got).not.toEqual(a.got);
  });

  it('rejects impossible settings with an error naming the setting', () => {
    expect(() => validateImpairments({ loss: 1.5 })).toThrow(/loss=1.5/);
    expect(() => validateImpairments({ delayMs: -1 })).toThrow(/delayMs=-1/);
    expect(() => validateImpairments({ bandwidthMbps: Number.NaN })).toThrow(/bandwidthMbps/);
  });
});
