/**
 * W3C trace context across NATS: `traceparent`/`tracestate` travel in message headers, so a span started by the
 * receiver joins the sender's trace (one trace per failover or migration across services).
 */
import {
  context as otelContext,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanOptions,
  type TextMapGetter,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { headers as natsHeaders, Match, type MsgHdrs } from '@nats-io/transport-node';

// Used directly rather than through the global propagator, so context crosses NATS even before (or without)
// the SDK being started.
const propagator = new W3CTraceContextPropagator();

const setter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

const getter: TextMapGetter<MsgHdrs> = {
  keys: (carrier) => carrier.keys(),
  // Some clients canonicalise header names (Traceparent); W3C names are lowercase.
  get: (carrier, key) =>
    carrier.has(key, Match.IgnoreCase) ? carrier.get(key, Match.IgnoreCase) : undefined,
};

/** Writes the trace context of `ctx` (default: the active one) into `headers` (created when absent). */
export function injectContext(headers?: MsgHdrs, ctx: Context = otelContext.active()): MsgHdrs {
  const carrier = headers ?? natsHeaders();
  propagator.inject(ctx, carrier, setter);
  return carrier;
}

/** The context a message's headers carry, on top of `base` (default: the active one). */
export function extractContext(headers: MsgHdrs | undefined, base: Context = otelContext.active()): Context {
  if (!headers) return base;
  return propagator.extract(base, headers, getter);
}

/** A message as far as tracing cares (a nats.js Msg satisfies it). */
export interface TracedMessage {
  subject: string;
  headers?: MsgHdrs;
}

/**
 * Starts a consumer span for a received message, as a child of the span that sent it (when its headers carry one).
 * The caller ends it; use `trace.setSpan(context.active(), span)` or `withMessageSpan` to make it current.
 */
export function startMessageSpan(
  tracer: Tracer,
  name: string,
  msg: TracedMessage,
  options: SpanOptions = {},
): Span {
  return tracer.startSpan(
    name,
    {
      kind: SpanKind.CONSUMER,
      ...options,
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': msg.subject,
        'messaging.operation.type': 'process',
        ...options.attributes,
      },
    },
    extractContext(msg.headers),
  );
}

/**
 * Runs `fn` inside a consumer span for `msg` (current for its duration, so child spans and log lines join it),
 * records a thrown error on the span, and ends the span when `fn` settles.
 */
export async function withMessageSpan<T>(
  tracer: Tracer,
  name: string,
  msg: TracedMessage,
  fn: (span: Span) => T | Promise<T>,
  options: SpanOptions = {},
): Promise<T> {
  const span = startMessageSpan(tracer, name, msg, options);
  try {
    return await otelContext.with(trace.setSpan(otelContext.active(), span), () => fn(span));
  } catch (err) {
    span.recordException(err instanceof Error ? err : String(err));
    span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
    throw err;
  } finally {
    span.end();
  }
}
