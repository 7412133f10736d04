/** A logger for tests: keeps every line as a parsed object and lets a test wait for a line to appear. */
import { createLogger } from '../logger.ts';
import type { LogLevel, Logger } from '../types.ts';

export interface LogLine {
  time: string;
  level: LogLevel;
  service: string;
  instance: string;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLogs {
  logger: Logger;
  lines: LogLine[];
  /** Resolves with the first line (already written or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

export function captureLogger(
  options: { service?: string; instance?: string; level?: LogLevel } = {},
): CapturedLogs {
  const lines: LogLine[] = [];
  const waiters = new Set<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  const logger = createLogger({
    service: options.service ?? 'test',
    instance: options.instance ?? 'test',
    level: options.level ?? 'debug',
    write: (text) => {
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const waiter of waiters) {
        if (waiter.match(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    },
  });
  return {
    logger,
    lines,
    waitFor(match, timeoutMs = 20_000) {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (line: LogLine) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no matching log line in ${timeoutMs} ms; lines so far:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}
