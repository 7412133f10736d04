/**
 * Heartbeat-based failure detection: a peer is suspected once nothing was heard from it for `timeoutMs`. Any
 * message from the peer counts (a checkpoint chunk or an ack is as good as a heartbeat). Time is injected.
 */
export class FailureDetector {
  private lastHeard: number;

  constructor(
    private readonly timeoutMs: number,
    now: number,
  ) {
    if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
    this.lastHeard = now;
  }

  heard(now: number): void {
    if (now > this.lastHeard) this.lastHeard = now;
  }

  silentFor(now: number): number {
    return Math.max(0, now - this.lastHeard);
  }

  /**
   * This process itself was frozen from `from` to `to` (SIGSTOP, a long GC, a blocked event loop): the peer's
   * messages of that time may still sit unread in the socket, so that silence is not counted against it. Only
   * suspicion is delayed, which is always safe: a takeover or a dropped backup comes later, never wrongly.
   */
  discount(from: number, to: number): void {
    if (!(to > from)) return;
    this.lastHeard = this.lastHeard >= from ? Math.max(this.lastHeard, to) : this.lastHeard + (to - from);
  }

  suspects(now: number): boolean {
    return this.silentFor(now) >= this.timeoutMs;
  }

  /** When the peer becomes suspect if nothing more is heard. */
  get deadline(): number {
    return this.lastHeard + this.timeoutMs;
  }
}
