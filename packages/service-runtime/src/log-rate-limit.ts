/**
 * Keeps a flood (garbage on a busy subject) from flooding the logs: per key, at most `burst` lines per
 * `intervalMs`; the next line after a quiet spell says how many were suppressed meanwhile.
 */

export interface LogRateLimitOptions {
  /** Lines allowed per key in each interval. Default 5. */
  burst?: number;
  /** Default 10 s. */
  intervalMs?: number;
  /** Monotonic milliseconds. Default: performance.now. */
  now?: () => number;
}

export class LogRateLimit {
  private readonly burst: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly windows = new Map<string, { start: number; logged: number; suppressed: number }>();

  constructor(options: LogRateLimitOptions = {}) {
    this.burst = options.burst ?? 5;
    this.intervalMs = options.intervalMs ?? 10_000;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Whether to log an event of `key` now: `undefined` to stay quiet, otherwise the number of events suppressed
   * since the last logged one (to report with it).
   */
  admit(key: string): number | undefined {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.intervalMs) {
      const suppressed = window?.suppressed ?? 0;
      window = { start: now, logged: 0, suppressed: 0 };
      this.windows.set(key, window);
      window.logged++;
      return suppressed;
    }
    if (window.logged < this.burst) {
      window.logged++;
      const suppressed = window.suppressed;
      window.suppressed = 0;
      return suppressed;
    }
    window.suppressed++;
    return undefined;
  }
}
