/**
 * The service's status in a file, rewritten every couple of seconds: what a container's health check reads
 * (Docker's HEALTHCHECK runs a command in the container; asking over NATS would need a client process per check).
 * A file that goes stale means a process that stopped turning its event loop, as unhealthy as one that says so.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { HealthStatus } from '@vmha/shared-proto';

export interface HealthFile {
  /** Writes the status now (also done on every tick). */
  write(): void;
  stop(): void;
}

export function startHealthFile(
  path: string,
  status: () => HealthStatus,
  options: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): HealthFile {
  const tmp = `${path}.tmp`;
  const write = (): void => {
    try {
      // Written aside and renamed: a reader never sees half a line.
      writeFileSync(tmp, `${status()}\n`);
      renameSync(tmp, path);
    } catch (err) {
      options.onError?.(err);
    }
  };
  write();
  const timer = setInterval(write, options.intervalMs ?? 2_000);
  timer.unref();
  return {
    write,
    stop: () => clearInterval(timer),
  };
}
