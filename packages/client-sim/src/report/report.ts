/**
 * Reports of workload results: a text rendering for people (tables of latency percentiles, throughput and
 * violations) and JSON for machines and bench/results. Results are plain data, so JSON is the results themselves.
 */
import type { Violation } from '../checkers/violations.ts';
import type { BulkDownloadResult } from '../workloads/bulk-download.ts';
import type { RespLoadResult } from '../workloads/resp-load.ts';
import type { UploadResult } from '../workloads/upload.ts';
import type { LatencySummary } from './latency-histogram.ts';
import { renderTable } from './table.ts';

export type WorkloadResult = BulkDownloadResult | UploadResult | RespLoadResult;

/** Stable, pretty JSON; bigints (should any reach a report) become decimal strings. */
export function reportToJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

export function formatLatencyTable(rows: Record<string, LatencySummary>): string {
  return renderTable(
    ['op', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'mean ms'],
    Object.entries(rows).map(([name, s]) => [
      name,
      s.count,
      s.p50Ms,
      s.p90Ms,
      s.p99Ms,
      s.p999Ms,
      s.maxMs,
      s.meanMs,
    ]),
  );
}

/** At most `limit` violations, one line each, after a count per kind. */
export function formatViolations(violations: readonly Violation[], limit = 20): string {
  if (violations.length === 0) return 'violations: none';
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
  const lines = [
    `violations: ${violations.length}`,
    renderTable(
      ['kind', 'count'],
      [...counts].map(([k, n]) => [k, n]),
    ),
    ...violations.slice(0, limit).map((v) => `  [${v.atMs.toFixed(1)} ms] ${v.kind}: ${v.message}`),
  ];
  if (violations.length > limit) lines.push(`  … and ${violations.length - limit} more`);
  return lines.join('\n');
}

export function formatResult(result: WorkloadResult): string {
  switch (result.kind) {
    case 'bulk-download':
      return [
        `bulk download: ${result.receivedBytes}/${result.requestedBytes} bytes in ${result.durationMs.toFixed(0)} ms, ` +
          `${mbps(result.throughputBytesPerSecond)} Mbit/s, ${result.verified ? 'verified' : 'NOT verified'}` +
          (result.stopped ? ' (stopped)' : ''),
        `sha256 ${result.sha256}`,
        formatViolations(result.violations),
      ].join('\n');
    case 'upload':
      return [
        `upload: ${result.bytes} bytes in ${result.durationMs.toFixed(0)} ms, ` +
          `${mbps(result.throughputBytesPerSecond)} Mbit/s, sink counted ${result.reportedCount ?? '?'}, ` +
          `${result.verified ? 'verified' : 'NOT verified'}${result.stopped ? ' (stopped)' : ''}`,
        formatViolations(result.violations),
      ].join('\n');
    case 'resp-load': {
      const c = result.connections;
      const ops = result.operations;
      const omitted = result.violationsOmitted > 0 ? ` (+${result.violationsOmitted} not kept)` : '';
      return [
        `RESP load: ${ops.completed} replies in ${result.durationMs.toFixed(0)} ms, ` +
          `${result.opsPerSecond.toFixed(0)} ops/s${result.stopped ? ' (stopped)' : ''}`,
        `connections: ${c.established}/${c.requested} established, ${c.lost} lost, ${c.unclosed} unclosed; ` +
          `operations: ${ops.issued} sent, ${ops.failed} unanswered, ${ops.errorReplies} error replies`,
        formatLatencyTable(result.latency),
        `verification: ${result.verification.registersRead} keys and ${result.verification.countersRead} ` +
          `counters read back in ${result.verification.durationMs.toFixed(0)} ms`,
        formatViolations(result.violations) + omitted,
      ].join('\n');
    }
  }
}

function mbps(bytesPerSecond: number): string {
  return ((bytesPerSecond * 8) / 1e6).toFixed(1);
}
