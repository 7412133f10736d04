/** The settings every service has, added by `runService` to the service's own. */
import { hostname } from 'node:os';
import { isSubjectToken } from '@vmha/shared-proto';
import { defineSettings } from './config.ts';

/** `<short host name>-<pid>`: unique per process, so several instances of a service can share a host. */
function defaultInstance(): string {
  const host =
    hostname()
      .split('.')[0]
      .replace(/[^A-Za-z0-9_-]/g, '-') || 'host';
  return `${host}-${process.pid}`;
}

export const runtimeSettings = defineSettings({
  natsUrl: {
    type: 'string',
    default: 'nats://127.0.0.1:4222',
    description: 'NATS server URL(s), comma-separated',
  },
  instance: {
    type: 'string',
    default: defaultInstance(),
    description: "This instance's name, unique within the service (a NATS subject token)",
    validate: (value) =>
      isSubjectToken(value) ? undefined : 'a name without dots, spaces, "*", ">" or control characters',
  },
  logLevel: {
    type: 'enum',
    values: ['debug', 'info', 'warn', 'error'],
    default: 'info',
    description: 'Lowest level of log lines written to stderr',
  },
  otlpEndpoint: {
    type: 'string',
    optional: true,
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    description: 'OTLP/HTTP endpoint for traces and metrics, e.g. http://127.0.0.1:4318; unset: no export',
  },
  healthFile: {
    type: 'string',
    optional: true,
    description:
      "A file this service keeps its health status in, rewritten every 2 s (for a container's health check)",
  },
  shutdownTimeoutMs: {
    type: 'duration-ms',
    default: 10_000,
    min: 0,
    description: 'How long shutdown hooks may take before the service exits anyway',
  },
});
