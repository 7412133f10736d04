/**
 * OpenTelemetry for a service: a tracer provider and a meter provider with OTLP/HTTP exporters when an endpoint
 * is configured (Jaeger listens on :4318), W3C trace context as the propagator, and nothing exported otherwise.
 * The providers register process-wide globals, so there is one telemetry per process: `startTelemetry` once,
 * `shutdownTelemetry` at exit (it flushes what is buffered).
 *
 * The two providers are set up directly rather than through NodeSDK: NodeSDK loads every exporter and
 * configuration reader it might use (gRPC, Zipkin, Prometheus, logs, YAML), a third of a service's start-up
 * (~0.4 s of CPU), and a service starts at every failover, re-protection and test.
 */
import { context, metrics, propagation, trace, type Meter, type Tracer } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  detectResources,
  envDetector,
  hostDetector,
  processDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createRequire } from 'node:module';

// The OTLP exporters (and the protobuf code under them, ~0.25 s of CPU to load) are loaded only when there is
// somewhere to export to; `require` keeps startTelemetry synchronous.
const require = createRequire(import.meta.url);
type TraceExporterModule = typeof import('@opentelemetry/exporter-trace-otlp-http');
type MetricExporterModule = typeof import('@opentelemetry/exporter-metrics-otlp-http');

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

let active: { tracing?: NodeTracerProvider; metering?: MeterProvider } | undefined;

export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (active) throw new Error('telemetry is already started in this process; call shutdownTelemetry() first');
  const endpoint = (options.otlpEndpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '')
    .trim()
    .replace(/\/+$/, '');
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  const readers: IMetricReader[] = [...(options.metricReaders ?? [])];
  if (endpoint !== '') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as TraceExporterModule;
    const { OTLPMetricExporter } =
      require('@opentelemetry/exporter-metrics-otlp-http') as MetricExporterModule;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` })));
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
        exportIntervalMillis: options.metricExportIntervalMs ?? 10_000,
      }),
    );
  }
  // Host and process attributes (and OTEL_RESOURCE_ATTRIBUTES) tell Jaeger which container a span came from;
  // service.name and service.instance.id are ours.
  const resource = detectResources({ detectors: [envDetector, hostDetector, processDetector] }).merge(
    resourceFromAttributes({
      ...options.resourceAttributes,
      'service.name': options.serviceName,
      'service.instance.id': options.instance,
    }),
  );
  const propagator = new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
  });
  // Providers only where something collects what they record (as NodeSDK did): without a span processor the
  // API's no-op tracer records nothing and injects no trace context, and the 25 ms epochs cost no spans. The
  // context manager and the propagator are registered either way, so contexts that arrive still carry through.
  const tracing =
    processors.length > 0 ? new NodeTracerProvider({ resource, spanProcessors: processors }) : undefined;
  if (tracing) {
    tracing.register({ propagator }); // the global tracer provider, the AsyncLocalStorage context manager, the propagator
  } else {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(propagator);
  }
  const metering = readers.length > 0 ? new MeterProvider({ resource, readers }) : undefined;
  if (metering) metrics.setGlobalMeterProvider(metering);
  active = { tracing, metering };
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

/** Flushes and stops the providers, then clears the globals so telemetry can be started again (tests do). */
export async function shutdownTelemetry(): Promise<void> {
  const current = active;
  if (!current) return;
  active = undefined;
  try {
    await Promise.allSettled([current.tracing?.shutdown(), current.metering?.shutdown()]);
  } finally {
    trace.disable();
    metrics.disable();
    propagation.disable();
    context.disable();
  }
}
