/**
 * The handle every workload returns. Simulations poll `finished` between steps (a promise cannot resolve inside a
 * synchronous simulation loop); real-time drivers await `done`. Failures are violations inside the result, so
 * `done` never rejects.
 */
export interface WorkloadRun<R> {
  readonly finished: boolean;
  /** Set once finished. */
  readonly result: R | undefined;
  /** Resolves with the result when the workload finishes. */
  readonly done: Promise<R>;
  /** Ends the workload early: connections are aborted and the result says `stopped`. */
  stop(): void;
}

/** The settable side of a WorkloadRun, kept inside the workload. */
export class Completion<R> implements WorkloadRun<R> {
  finished = false;
  result: R | undefined;
  readonly done: Promise<R>;
  private resolve!: (result: R) => void;

  constructor(private readonly onStop: () => void) {
    this.done = new Promise<R>((resolve) => (this.resolve = resolve));
  }

  finish(result: R): void {
    if (this.finished) return;
    this.finished = true;
    this.result = result;
    this.resolve(result);
  }

  stop(): void {
    if (!this.finished) this.onStop();
  }
}
