/**
 * Structured logs: one JSON object per line on stderr,
 * `{time, level, service, instance, msg, ...fields, trace_id?, span_id?}`, with the trace and span of the active
 * OpenTelemetry context so a log line can be found from its trace and back.
 */
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { LogFields, LogLevel, Logger } from './types.ts';

export interface LoggerOptions {
  service: string;
  instance: string;
  /** Lines below this level are dropped. Default 'info'. */
  level?: LogLevel;
  /** Where lines go. Default: process.stderr. */
  write?: (line: string) => void;
  /** Wall-clock time for the `time` field. Default: Date.now. */
  now?: () => number;
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const reserved = new Set(['time', 'level', 'service', 'instance', 'msg', 'trace_id', 'span_id']);

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  return new JsonLogger(
    { service: options.service, instance: options.instance },
    options.level ?? 'info',
    write,
    options.now ?? Date.now,
    {},
  );
}

class JsonLogger implements Logger {
  constructor(
    private readonly identity: { service: string; instance: string },
    readonly level: LogLevel,
    private readonly write: (line: string) => void,
    private readonly now: () => number,
    private readonly bound: LogFields,
  ) {}

  enabled(level: LogLevel): boolean {
    return rank[level] >= rank[this.level];
  }

  debug(msg: string, fields?: LogFields): void {
    this.log('debug', msg, fields);
  }

  info(msg: string, fields?: LogFields): void {
    this.log('info', msg, fields);
  }

  warn(msg: string, fields?: LogFields): void {
    this.log('warn', msg, fields);
  }

  error(msg: string, fields?: LogFields): void {
    this.log('error', msg, fields);
  }

  child(fields: LogFields): Logger {
    return new JsonLogger(this.identity, this.level, this.write, this.now, { ...this.bound, ...fields });
  }

  private log(level: LogLevel, msg: string, fields: LogFields | undefined): void {
    if (!this.enabled(level)) return;
    const line: Record<string, unknown> = {
      time: new Date(this.now()).toISOString(),
      level,
      service: this.identity.service,
      instance: this.identity.instance,
      msg,
    };
    // Reserved keys stay what the logger says they are; a field cannot forge them.
    for (const source of [this.bound, fields]) {
      if (source) for (const key of Object.keys(source)) if (!reserved.has(key)) line[key] = source[key];
    }
    const span = trace.getActiveSpan()?.spanContext();
    if (span && isSpanContextValid(span)) {
      line.trace_id = span.traceId;
      line.span_id = span.spanId;
    }
    try {
      this.write(serialize(line) + '\n');
    } catch {
      // A log line must never take the service down (e.g. stderr closed under us).
    }
  }
}

/** JSON with the values logs meet in practice made readable: Errors, bigints, byte arrays, cycles. */
function serialize(line: Record<string, unknown>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(line, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) {
      const { name, message, stack } = value;
      const cause = (value as { cause?: unknown }).cause;
      return cause === undefined ? { name, message, stack } : { name, message, stack, cause };
    }
    if (value instanceof Uint8Array) return `<${value.length} bytes>`;
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[circular]';
      seen.add(value);
    }
    return value;
  });
}
