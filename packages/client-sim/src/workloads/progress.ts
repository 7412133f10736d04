/** Periodic progress for byte-stream workloads, paced by the host clock (no timers: it rides on data events). */

export interface TransferProgress {
  /** Bytes transferred so far. */
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
  /** Rate since the previous report, in bytes per second. */
  bytesPerSecond: number;
}

export class ProgressReporter {
  private lastAt: number;
  private lastBytes = 0;

  constructor(
    private readonly startedAt: number,
    private readonly totalBytes: number,
    private readonly intervalMs: number,
    private readonly callback: ((p: TransferProgress) => void) | undefined,
  ) {
    this.lastAt = startedAt;
  }

  update(now: number, bytes: number, force = false): void {
    if (!this.callback) return;
    const since = now - this.lastAt;
    if (!force && since < this.intervalMs) return;
    const rate = since > 0 ? ((bytes - this.lastBytes) * 1000) / since : 0;
    this.lastAt = now;
    this.lastBytes = bytes;
    this.callback({
      bytes,
      totalBytes: this.totalBytes,
      elapsedMs: now - this.startedAt,
      bytesPerSecond: rate,
    });
  }
}
