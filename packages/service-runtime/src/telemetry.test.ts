import { afterEach, describe, expect, it } from 'vitest';
import { shutdownTelemetry, startOtlpReceiver, startTelemetry } from './index.ts';

afterEach(() => shutdownTelemetry());

describe('startTelemetry', () => {
  it('exports spans and metrics over OTLP/HTTP to the configured endpoint, flushing at shutdown', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const telemetry = startTelemetry({
        serviceName: 'otlp-test',
        instance: 'i-1',
        otlpEndpoint: receiver.url + '/',
      });
      expect(telemetry.otlpEndpoint).toBe(receiver.url);
      const span = telemetry.tracer.startSpan('epoch 1');
      span.setAttribute('epoch', 1);
      span.end();
      telemetry.meter.createCounter('checkpoint.bytes').add(4096);
      await shutdownTelemetry();

      const traces = receiver.requests.filter((request) => request.path === '/v1/traces');
      const metricsRequests = receiver.requests.filter((request) => request.path === '/v1/metrics');
      expect(traces).toHaveLength(1);
      expect(metricsRequests.length).toBeGreaterThan(0);
      expect(traces[0].contentType).toMatch(/json/);
      const exported = JSON.parse(traces[0].body.toString()) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: { name: string; traceId: string }[] }[];
        }[];
      };
      const resource = Object.fromEntries(
        exported.resourceSpans[0].resource.attributes.map((a) => [a.key, a.value.stringValue]),
      );
      expect(resource).toMatchObject({ 'service.name': 'otlp-test', 'service.instance.id': 'i-1' });
      const spans = exported.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
      expect(spans.map((s) => s.name)).toEqual(['epoch 1']);
      expect(spans[0].traceId).toBe(span.spanContext().traceId);
      expect(metricsRequests.map((request) => request.body.toString()).join('')).toContain(
        'checkpoint.bytes',
      );
    } finally {
      await receiver.close();
    }
  });

  it('exports nothing without an endpoint, and can be started again after shutdown', async () => {
    const receiver = await startOtlpReceiver();
    const saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    try {
      const first = startTelemetry({ serviceName: 'quiet', instance: 'a' });
      expect(first.otlpEndpoint).toBeUndefined();
      expect(() => startTelemetry({ serviceName: 'twice', instance: 'a' })).toThrow(/already started/);
      first.tracer.startSpan('unexported').end();
      await shutdownTelemetry();
      // The OTEL variable is the default endpoint.
      process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
      const second = startTelemetry({ serviceName: 'again', instance: 'a' });
      expect(second.otlpEndpoint).toBe(receiver.url);
      second.tracer.startSpan('exported').end();
      await shutdownTelemetry();
      const names = receiver.requests
        .filter((request) => request.path === '/v1/traces')
        .map((request) => request.body.toString());
      expect(names.join('')).toContain('exported');
      expect(names.join('')).not.toContain('unexported');
    } finally {
      if (saved === undefined) delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      else process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved;
      await receiver.close();
    }
  });
});
