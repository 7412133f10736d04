import { context, trace, type Span } from '@opentelemetry/api';
import { headers } from '@nats-io/transport-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { VipAnnouncement, encodeMessage } from '@vmha/shared-proto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Counters,
  closeNats,
  connectNats,
  extractContext,
  injectContext,
  shutdownTelemetry,
  startMessageSpan,
  startNatsServer,
  startTelemetry,
  subscribeMessages,
  withMessageSpan,
  type NatsServerHandle,
} from './index.ts';
import { captureLogger } from './testing/capture-logger.ts';

let server: NatsServerHandle;
beforeAll(async () => {
  server = await startNatsServer();
});
afterAll(() => server?.stop());
afterEach(() => shutdownTelemetry());

function telemetryWithMemory() {
  const exporter = new InMemorySpanExporter();
  const telemetry = startTelemetry({
    serviceName: 'trace-test',
    instance: 'a',
    otlpEndpoint: '',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  // SimpleSpanProcessor may export once the resource's detected attributes settle: flush before looking.
  const finished = async () => {
    await telemetry.flush();
    return exporter.getFinishedSpans();
  };
  return { finished, tracer: telemetry.tracer };
}

describe('trace context in NATS headers', () => {
  it('makes a span started from a received message a child of the sender span, in the same trace', async () => {
    const { finished, tracer } = telemetryWithMemory();
    // Two "services": separate connections, the receiver knows only what the message carries.
    const sender = await connectNats({ servers: server.url, name: 'primary' });
    const receiver = await connectNats({ servers: server.url, name: 'backup' });
    const logs = captureLogger();
    try {
      let handled!: () => void;
      const done = new Promise<void>((resolve) => (handled = resolve));
      subscribeMessages(
        receiver,
        'test.trace',
        VipAnnouncement,
        async (_announcement, msg) => {
          await withMessageSpan(tracer, 'apply announcement', msg, () => {
            logs.logger.info('applying');
            tracer.startSpan('nested').end(); // current context is the message span
          });
          handled();
        },
        { counters: new Counters(), logger: logs.logger },
      );
      await receiver.flush();

      const send: Span = tracer.startSpan('announce vip');
      context.with(trace.setSpan(context.active(), send), () => {
        sender.publish('test.trace', encodeMessage(VipAnnouncement, { vmId: 'vm1' }), {
          headers: injectContext(),
        });
      });
      send.end();
      await done;

      const spans = await finished();
      const sent = spans.find((span) => span.name === 'announce vip')!;
      const applied = spans.find((span) => span.name === 'apply announcement')!;
      const nested = spans.find((span) => span.name === 'nested')!;
      expect(applied.spanContext().traceId).toBe(sent.spanContext().traceId);
      expect(applied.parentSpanContext?.spanId).toBe(sent.spanContext().spanId);
      expect(applied.parentSpanContext?.isRemote).toBe(true);
      expect(applied.attributes).toMatchObject({
        'messaging.system': 'nats',
        'messaging.destination.name': 'test.trace',
      });
      expect(nested.parentSpanContext?.spanId).toBe(applied.spanContext().spanId);
      expect(logs.lines.find((line) => line.msg === 'applying')).toMatchObject({
        trace_id: sent.spanContext().traceId,
        span_id: applied.spanContext().spanId,
      });
    } finally {
      await closeNats(sender);
      await closeNats(receiver);
    }
  });

  it('writes traceparent (and tracestate) as W3C headers, and reads them whatever their case', () => {
    const { tracer } = telemetryWithMemory();
    const span = tracer.startSpan('s');
    const injected = injectContext(undefined, trace.setSpan(context.active(), span));
    const { traceId, spanId } = span.spanContext();
    expect(injected.get('traceparent')).toBe(`00-${traceId}-${spanId}-01`);

    const canonical = headers();
    canonical.set('Traceparent', `00-${traceId}-${spanId}-01`);
    expect(trace.getSpanContext(extractContext(canonical))).toMatchObject({
      traceId,
      spanId,
      isRemote: true,
    });
    span.end();
  });

  it('starts a root span for a message without trace context, and ignores a malformed traceparent', async () => {
    const { finished, tracer } = telemetryWithMemory();
    const bogus = headers();
    bogus.set('traceparent', 'not-a-trace');
    startMessageSpan(tracer, 'plain', { subject: 'a' }).end();
    startMessageSpan(tracer, 'bogus', { subject: 'b', headers: bogus }).end();
    const spans = await finished();
    expect(spans).toHaveLength(2);
    for (const span of spans) expect(span.parentSpanContext).toBeUndefined();
    expect(extractContext(undefined)).toBe(context.active());
  });

  it('records a failing handler on its span and passes the error on', async () => {
    const { finished, tracer } = telemetryWithMemory();
    await expect(
      withMessageSpan(tracer, 'fails', { subject: 'x' }, () => {
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    const [span] = await finished();
    expect(span.status).toMatchObject({ code: 2, message: 'nope' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });
});
