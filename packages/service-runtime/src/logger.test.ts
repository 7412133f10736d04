import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { LogRateLimit, createLogger, shutdownTelemetry, startTelemetry } from './index.ts';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger({
    service: 'vnet',
    instance: 'a',
    level,
    now: () => Date.UTC(2026, 0, 2, 3, 4, 5, 6),
    write: (line) => {
      raw.push(line);
      lines.push(JSON.parse(line));
    },
  });
  return { logger, lines, raw };
}

afterEach(() => shutdownTelemetry());

describe('createLogger', () => {
  it('writes one JSON object per line: time, level, service, instance, msg, then the fields', () => {
    const { logger, raw } = capture();
    logger.info('packet dropped', { reason: 'garbage', bytes: 3 });
    expect(raw).toEqual([
      '{"time":"2026-01-02T03:04:05.006Z","level":"info","service":"vnet","instance":"a","msg":"packet dropped",' +
        '"reason":"garbage","bytes":3}\n',
    ]);
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((line) => line.level)).toEqual(['warn', 'error']);
    expect(logger.enabled('info')).toBe(false);
    expect(logger.enabled('error')).toBe(true);
  });

  it('keeps its own keys from being forged by fields, and adds child fields to every line', () => {
    const { logger, lines } = capture();
    logger.child({ vm: 'vm1' }).info('hello', { msg: 'forged', level: 'error', service: 'x', port: 80 });
    expect(lines[0]).toEqual({
      time: '2026-01-02T03:04:05.006Z',
      level: 'info',
      service: 'vnet',
      instance: 'a',
      msg: 'hello',
      vm: 'vm1',
      port: 80,
    });
  });

  it('writes errors, bigints, byte arrays and cycles readably instead of failing', () => {
    const { logger, lines } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    logger.error('failed', { err: new TypeError('boom'), big: 2n ** 70n, data: new Uint8Array(9), cyclic });
    expect(lines[0]).toMatchObject({
      err: { name: 'TypeError', message: 'boom' },
      big: '1180591620717411303424',
      data: '<9 bytes>',
      cyclic: { name: 'loop', self: '[circular]' },
    });
    expect(typeof (lines[0].err as { stack: unknown }).stack).toBe('string');
  });

  it('adds trace_id and span_id of the active span', () => {
    const telemetry = startTelemetry({
      serviceName: 'vnet',
      instance: 'a',
      otlpEndpoint: '',
      spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())],
    });
    const { logger, lines } = capture();
    const span = telemetry.tracer.startSpan('work');
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
    span.end();
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
    expect(lines[1].trace_id).toBeUndefined();
  });
});

describe('LogRateLimit', () => {
  it('lets a burst through per key and interval, then reports how many it suppressed', () => {
    let now = 0;
    const limit = new LogRateLimit({ burst: 2, intervalMs: 1000, now: () => now });
    expect([limit.admit('a'), limit.admit('a'), limit.admit('a'), limit.admit('a')]).toEqual([
      0,
      0,
      undefined,
      undefined,
    ]);
    expect(limit.admit('b')).toBe(0);
    now = 1000;
    expect(limit.admit('a')).toBe(2);
    expect(limit.admit('a')).toBe(0);
  });
});
