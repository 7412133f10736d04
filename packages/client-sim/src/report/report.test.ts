import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { ViolationLog } from '../checkers/violations.ts';
import { LatencyHistogram } from './latency-histogram.ts';
import { formatViolations, reportToJson } from './report.ts';
import { renderTable } from './table.ts';

describe('the latency histogram', () => {
  it('is exact below 2 ms', () => {
    const h = new LatencyHistogram();
    for (let us = 1; us <= 1000; us++) h.record(us / 1000);
    expect(h.summary()).toEqual({
      count: 1000,
      minMs: 0.001,
      meanMs: 0.5005,
      p50Ms: 0.5,
      p90Ms: 0.9,
      p99Ms: 0.99,
      p999Ms: 0.999,
      maxMs: 1,
    });
  });

  it('keeps percentiles within 0.1% of sorted samples over six orders of magnitude', () => {
    const rng = new SeededRandom(3);
    const h = new LatencyHistogram();
    const samples: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const ms = Math.round(10 ** (rng.next() * 6 - 2) * 1000) / 1000; // 10 µs .. 10 s, whole microseconds
      samples.push(ms);
      h.record(ms);
    }
    samples.sort((a, b) => a - b);
    for (const p of [50, 90, 99, 99.9, 100]) {
      const exact = samples[Math.ceil((p / 100) * samples.length) - 1];
      const got = h.percentileMs(p);
      expect(got).toBeGreaterThanOrEqual(exact);
      expect(got).toBeLessThanOrEqual(exact * 1.001 + 0.001);
    }
    expect(h.summary().maxMs).toBe(samples[samples.length - 1]);
  });

  it('merges into the same percentiles as recording everything in one', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const all = new LatencyHistogram();
    for (let i = 0; i < 5000; i++) {
      const ms = (i * 7.3) % 900;
      (i % 2 ? a : b).record(ms);
      all.record(ms);
    }
    a.merge(b);
    expect(a.summary()).toEqual(all.summary());
  });
});

describe('reports', () => {
  it('renders tables with numbers right-aligned', () => {
    expect(
      renderTable(
        ['op', 'count', 'p50 ms'],
        [
          ['set', 12, 0.5],
          ['incr', 3456, 12.25],
        ],
      ),
    ).toBe(
      ['op    count  p50 ms', '----  -----  ------', 'set      12   0.500', 'incr   3456   12.25'].join('\n'),
    );
  });

  it('summarises violations by kind and writes bigint-safe JSON', () => {
    const log = new ViolationLog(() => 12.5);
    log.record({ kind: 'connection-reset', connection: 'c1' }, 'c1: connection reset by the server');
    log.record({ kind: 'connection-reset', connection: 'c2' }, 'c2: connection reset by the server');
    const text = formatViolations(log.list);
    expect(text).toContain('violations: 2');
    expect(text).toMatch(/connection-reset\s+2/);
    expect(text).toContain('[12.5 ms] connection-reset: c1: connection reset by the server');
    expect(JSON.parse(reportToJson({ n: 5n, list: log.list }))).toEqual({ n: '5', list: log.list });
  });

  it('keeps the first violations and counts the rest', () => {
    const log = new ViolationLog(() => 0, 2);
    for (let i = 0; i < 5; i++) log.record({ kind: 'unexpected-close', connection: `c${i}` }, 'closed');
    expect(log.list).toHaveLength(2);
    expect(log.count).toBe(5);
    expect(log.omitted).toBe(3);
    expect(log.byKind()).toEqual({ 'unexpected-close': 5 });
  });
});
