/**
 * Failover in process, on a real nats-server with JetStream: a primary syncs a backup live and protects the
 * guest epoch by epoch while a client downloads a verified bulk stream and runs checked RESP INCR/SET load; the
 * primary then dies abruptly (its held output is lost, as a kill -9 would lose it). The backup wins the lease,
 * activates the guest from the last acked epoch (whose digest the old primary reported), takes the VIP, and the
 * client's connections carry on: no reset, the stream's hash right, no acknowledged write lost.
 */
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type HistogramMetricData,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { shutdownTelemetry, startTelemetry } from '@vmha/service-runtime';
import { describe, expect, it } from 'vitest';
import { protectedVmUnderLoad, until, useNatsServer } from './test-cluster.ts';

describe('failover', () => {
  const nc = useNatsServer();

  it('the backup takes over a killed primary mid-transfer and the client loses nothing', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({
      serviceName: 'failover-test',
      instance: 'a',
      otlpEndpoint: '',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = telemetry.tracer;
    const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const metricReader = new PeriodicExportingMetricReader({
      exporter: metricExporter,
      exportIntervalMillis: 3_600_000, // collected by forceFlush below
    });
    const meter = new MeterProvider({ readers: [metricReader] }).getMeter('failover-test');
    const { primary, backup, bulk, resp, clientsWhole, close, explain } = await protectedVmUnderLoad(nc, {
      vmId: 'vm1',
      tracer,
      meter,
    });
    // Enough protected epochs before the kill for the metrics below, however slowly this machine runs them.
    await until(
      () => primary.stats.epochs > 10 && primary.stats.releasedEpochs > 3,
      'ten epochs, four of them releasing output',
      20_000,
      explain,
    );

    // kill -9: nothing more leaves the primary, held output included.
    const lastAcked = { epoch: primary.stats.lastAckedEpoch, digest: primary.stats.lastAckedDigest };
    expect(bulk.finished || resp.finished).toBe(false); // both span the failover
    expect(primary.state.kind, explain()).toBe('protected'); // a backup to fail over to
    await primary.crashForTest();
    await until(() => backup.state.kind === 'primary', 'the backup to take over', 10_000, explain);
    // The backup resumed from the last epoch it applied: at or after the last the primary saw acked, and with
    // exactly the state digest the primary captured for it.
    expect(backup.stats.lastAppliedEpoch).toBeGreaterThanOrEqual(lastAcked.epoch);
    expect(backup.stats.lastDigest).toBe(primary.recentDigests.get(backup.stats.lastAppliedEpoch));
    expect(lastAcked.digest).toBe(primary.recentDigests.get(lastAcked.epoch));

    await clientsWhole();

    // Tracing: epochs are spans the backup's applies join (same trace, child of the epoch); the failover is one
    // trace: the root, then lease won, guest activated, VIP taken, first output released.
    await telemetry.flush();
    const spans = exporter.getFinishedSpans();
    const epochs = spans.filter((x) => x.name === 'epoch');
    const applies = spans.filter((x) => x.name === 'epoch.apply');
    expect(epochs.length, `epochs`).toBeGreaterThan(5);
    const epochIds = new Set(epochs.map((x) => x.spanContext().spanId));
    const joined = applies.filter((a) => a.parentSpanContext && epochIds.has(a.parentSpanContext.spanId));
    expect(joined.length, `applies joined of ${applies.length}`).toBeGreaterThan(3);
    const [root] = spans.filter((x) => x.name === 'failover');
    expect(root).toBeDefined();
    const children = spans
      .filter((x) => x.spanContext().traceId === root.spanContext().traceId && x !== root)
      .map((x) => x.name)
      .sort();
    expect(children).toEqual([
      'failover.activate',
      'failover.first-output',
      'failover.lease',
      'failover.vip',
    ]);
    expect(root.events.map((e) => e.name)).toEqual([
      'failure detected',
      'lease won',
      'first output released',
    ]);
    await shutdownTelemetry();

    // Metrics: every epoch's duration, pause and sizes; commit and release latencies; the output buffer; and the
    // failover's phases, in order.
    await metricReader.forceFlush();
    const metrics = new Map<string, MetricData>();
    for (const rm of metricExporter.getMetrics())
      for (const sm of rm.scopeMetrics) for (const m of sm.metrics) metrics.set(m.descriptor.name, m);
    const histogram = (name: string, attrs: Record<string, unknown> = {}) => {
      const m = metrics.get(name) as HistogramMetricData | undefined;
      const points = (m?.dataPoints ?? []).filter((d) =>
        Object.entries(attrs).every(([k, v]) => d.attributes[k] === v),
      );
      return {
        count: points.reduce((n, d) => n + d.value.count, 0),
        max: Math.max(0, ...points.map((d) => d.value.max ?? 0)),
      };
    };
    // (More than 10 epochs were captured before the kill, up to 4 of them unacked.)
    expect(histogram('vmha.epoch.duration').count).toBeGreaterThanOrEqual(10);
    expect(histogram('vmha.epoch.pause').count).toBeGreaterThan(10);
    expect(histogram('vmha.epoch.commit_latency').count).toBeGreaterThan(5);
    // (Once per epoch that held output; the guest is not sending in every epoch.)
    const released = histogram('vmha.output.release_latency');
    expect(released.count).toBeGreaterThan(3);
    expect(released.count).toBeLessThanOrEqual(histogram('vmha.epoch.commit_latency').count);
    expect(released.max).toBeGreaterThan(0);
    const raw = histogram('vmha.checkpoint.size', { encoding: 'raw' });
    const encoded = histogram('vmha.checkpoint.size', { encoding: 'encoded' });
    expect(raw.count).toBeGreaterThan(10);
    expect(encoded.count).toBe(raw.count); // both sizes of every epoch
    expect(raw.max).toBeGreaterThan(4096);
    const phases = ['lease', 'activate', 'vip', 'first_output'].map(
      (phase) => histogram('vmha.failover.duration', { phase, planned: false }).max,
    );
    expect(phases[0]).toBeGreaterThan(0);
    expect(phases[1]).toBeGreaterThanOrEqual(phases[0]);
    expect(phases[2]).toBeGreaterThanOrEqual(phases[1]);
    expect(phases[3]).toBeGreaterThanOrEqual(phases[2]);
    const buffer = metrics.get('vmha.output.buffer');
    expect(buffer?.dataPoints.map((d) => d.attributes.unit).sort()).toEqual(['bytes', 'packets']);

    await close();
  }, 60_000);
});
