/** Contracts shared by every service: logging, counters, health and the service lifecycle. */
import type { Meter, Tracer } from '@opentelemetry/api';
import type { NatsConnection } from '@nats-io/transport-node';
import type { HealthStatus } from '@vmha/shared-proto';
import type { ConfigValues, Settings } from './config.ts';
import type { runtimeSettings } from './runtime-settings.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Extra structured fields of a log line (Errors are written as {name, message, stack}). */
export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Whether a line at `level` would be written (to skip building costly fields). */
  enabled(level: LogLevel): boolean;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

/** Named numbers a service reports in its health replies and metrics. */
export interface CounterSet {
  increment(name: string, by?: number): void;
  /** Sets a gauge-like value (e.g. queue depth). */
  set(name: string, value: number): void;
  get(name: string): number;
  snapshot(): Record<string, number>;
}

export interface HealthResponder {
  readonly status: HealthStatus;
  setStatus(status: HealthStatus): void;
  /** Stops answering (drains the two subscriptions). */
  stop(): Promise<void>;
}

/** Runs at shutdown; hooks run in reverse order of registration, like deferred cleanups. */
export type ShutdownHook = (reason: string) => void | Promise<void>;

/** What `runService` hands the service's `main`. */
export interface ServiceContext<S extends Settings> {
  readonly service: string;
  readonly instance: string;
  /** The service's own settings plus the runtime's (natsUrl, instance, logLevel, otlpEndpoint, ...). */
  readonly config: ConfigValues<S> & ConfigValues<RuntimeSettings>;
  readonly logger: Logger;
  readonly nc: NatsConnection;
  readonly counters: CounterSet;
  readonly health: HealthResponder;
  readonly tracer: Tracer;
  readonly meter: Meter;
  /** Aborted when shutdown begins. */
  readonly signal: AbortSignal;
  onShutdown(name: string, hook: ShutdownHook): void;
  /**
   * Starts a graceful shutdown, as SIGTERM does; resolves when the process is about to exit. One-shot services
   * pass an exit code to report their outcome (e.g. 3 when a checker found violations).
   */
  shutdown(reason: string, exitCode?: number): Promise<void>;
}

/** Settings every service has; `runService` adds them to the service's own. */
export type RuntimeSettings = typeof runtimeSettings;
