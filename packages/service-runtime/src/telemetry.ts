/**
 * OpenTelemetry for a service: NodeSDK with OTLP/HTTP trace and metric exporters when an endpoint is configured
 * (Jaeger listens on :4318), W3C trace context as the propagator, and nothing exported otherwise. The SDK
 * registers process-wide globals, so there is one telemetry per process: `startTelemetry` once,
 * `shutdownTelemetry` at exit (it flushes what is buffered).
 */
import { context, metrics, propagation, trace, type Meter, type Tracer } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface TelemetryOptions {
  serviceName: string;
  instance: string;
  /**
   * OTLP/HTTP base URL (e.g. http://127.0.0.1:4318; `/v1/traces` and `/v1/metrics` are appended).
   * Default: OTEL_EXPORTER_OTLP_ENDPOINT; when neither is set nothing is exported.
   */
  otlpEndpoint?: string;
  /** Extra span processors (tests pass a SimpleSpanProcessor over an InMemorySpanExporter). */
  spanProcessors?: SpanProcessor[];
  /** Extra metric readers. */
  metricReaders?: IMetricReader[];
  /** How often metrics are pushed to the OTLP endpoint. Default 10 s. */
  metricExportIntervalMs?: number;
  /** Added to the resource (service.name and service.instance.id are set already). */
  resourceAttributes?: Record<string, string | number | boolean>;
}

export interface Telemetry {
  readonly tracer: Tracer;
  readonly meter: Meter;
  /** Where spans and metrics go, or undefined when nothing is exported over OTLP. */
  readonly otlpEndpoint: string | undefined;
  /** Exports everything buffered now. */
  flush(): Promise<void>;
}

let active: { sdk: NodeSDK; processors: SpanProcessor[]; readers: IMetricReader[] } | undefined;

export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (active) throw new Error('telemetry is already started in this process; call shutdownTelemetry() first');
  const endpoint = (options.otlpEndpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '')
    .trim()
    .replace(/\/+$/, '');
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  const readers: IMetricReader[] = [...(options.metricReaders ?? [])];
  if (endpoint !== '') {
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` })));
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
        exportIntervalMillis: options.metricExportIntervalMs ?? 10_000,
      }),
    );
  }
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      ...options.resourceAttributes,
      'service.name': options.serviceName,
      'service.instance.id': options.instance,
    }),
    // Explicit (possibly empty) lists: otherwise NodeSDK falls back to OTEL_* variables and exports logs,
    // metrics and traces to localhost:4318 by default.
    spanProcessors: processors,
    metricReaders: readers,
    logRecordProcessors: [],
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  });
  sdk.start();
  active = { sdk, processors, readers };
  return {
    tracer: trace.getTracer(options.serviceName),
    meter: metrics.getMeter(options.serviceName),
    otlpEndpoint: endpoint === '' ? undefined : endpoint,
    flush: async () => {
      await Promise.all([
        ...processors.map((processor) => processor.forceFlush()),
        ...readers.map((reader) => reader.forceFlush()),
      ]);
    },
  };
}

/** Flushes and stops the SDK, then clears the globals so telemetry can be started again (tests do). */
export async function shutdownTelemetry(): Promise<void> {
  const current = active;
  if (!current) return;
  active = undefined;
  try {
    await current.sdk.shutdown();
  } finally {
    trace.disable();
    metrics.disable();
    propagation.disable();
    context.disable();
  }
}
