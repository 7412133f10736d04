/**
 * Runs a guest machine in real time. The guest's virtual clock follows the host's monotonic clock while the
 * guest runs and stands still while it is paused (a checkpoint's stop-and-copy, later). A slice runs whenever a
 * packet arrives (coalesced: one slice serves every packet that arrived since the last) or a guest timer falls
 * due; after each slice the packets the guest transmitted are handed to the network.
 */

/** The machine operations the runner needs (a subset of @vmha/machine's Machine). */
export interface RunnableMachine {
  deliver(packet: Uint8Array): boolean;
  runSlice(untilMs: number): void;
  takeTransmitted(): Uint8Array[];
  nextTimerAt(): number | undefined;
  virtualNow(): number;
  /** The vCPU itself: stopped while the runner is paused, so a checkpoint can be captured consistently. */
  pause(): void;
  resume(): void;
  readonly runState: { readonly kind: string };
}

export interface RunnerCounters {
  slices: number;
  packetsIn: number;
  packetsOut: number;
  rxRingDrops: number;
  /**
   * The longest a slice the guest was due (a packet arrived, a timer fell due) waited to run, in host ms, since
   * `takeMaxStall()`: how long this single-threaded VMM's other work (encoding a sync batch, a GC) kept the
   * running guest from the CPU. Explicit pauses (checkpoint captures) are not counted.
   */
  maxStallMs: number;
}

export type RunnerState = { kind: 'running' } | { kind: 'paused'; sinceHostMs: number } | { kind: 'stopped' };

export class VcpuRunner {
  readonly counters: RunnerCounters = {
    slices: 0,
    packetsIn: 0,
    packetsOut: 0,
    rxRingDrops: 0,
    maxStallMs: 0,
  };
  private state: RunnerState = { kind: 'stopped' };
  /** Host time minus guest virtual time: grows by each pause's length. */
  private offsetMs = 0;
  private sliceQueued = false;
  /** When the queued slice was asked for. */
  private queuedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(
    private readonly machine: RunnableMachine,
    private readonly transmit: (packet: Uint8Array) => void,
    private readonly hostNow: () => number = () => performance.now(),
  ) {}

  get runState(): RunnerState {
    return this.state;
  }

  start(): void {
    if (this.state.kind !== 'stopped') return;
    if (this.machine.runState.kind === 'paused') this.machine.resume(); // e.g. a replica just activated
    this.offsetMs = this.hostNow() - this.machine.virtualNow();
    this.state = { kind: 'running' };
    this.queueSlice();
  }

  pause(): void {
    if (this.state.kind !== 'running') return;
    this.runSliceNow(); // bring the guest up to the pause instant
    this.machine.pause();
    this.state = { kind: 'paused', sinceHostMs: this.hostNow() };
    this.clearTimer();
  }

  resume(): void {
    if (this.state.kind !== 'paused') return;
    this.machine.resume();
    this.offsetMs += this.hostNow() - this.state.sinceHostMs;
    this.state = { kind: 'running' };
    this.queueSlice();
  }

  stop(): void {
    this.state = { kind: 'stopped' };
    this.clearTimer();
  }

  /** A packet from the network for the guest: into the RX ring now, processed by the next slice. */
  deliver(packet: Uint8Array): void {
    this.counters.packetsIn++;
    if (!this.machine.deliver(packet)) this.counters.rxRingDrops++;
    if (this.state.kind === 'running') this.queueSlice();
  }

  /** The stall high-water mark since the last call, which starts a new one. */
  takeMaxStall(): number {
    const max = this.counters.maxStallMs;
    this.counters.maxStallMs = 0;
    return max;
  }

  private queueSlice(): void {
    if (this.sliceQueued) return;
    this.sliceQueued = true;
    this.queuedAt = this.hostNow();
    setImmediate(() => {
      this.sliceQueued = false;
      if (this.state.kind !== 'running') return;
      this.noteStall(this.queuedAt);
      this.runSliceNow();
    });
  }

  private noteStall(dueAt: number): void {
    const late = this.hostNow() - dueAt;
    if (late > this.counters.maxStallMs) this.counters.maxStallMs = late;
  }

  private runSliceNow(): void {
    const until = Math.max(this.machine.virtualNow(), this.hostNow() - this.offsetMs);
    this.machine.runSlice(until);
    this.counters.slices++;
    for (const p of this.machine.takeTransmitted()) {
      this.counters.packetsOut++;
      this.transmit(p);
    }
    this.armTimer();
  }

  private armTimer(): void {
    const due = this.machine.nextTimerAt();
    if (due === undefined) {
      this.clearTimer();
      return;
    }
    const hostDue = due + this.offsetMs;
    if (this.timer && hostDue >= this.timerAt) return;
    this.clearTimer();
    this.timerAt = hostDue;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        if (this.state.kind !== 'running') return;
        this.noteStall(hostDue);
        this.runSliceNow();
      },
      Math.max(0, hostDue - this.hostNow()),
    );
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}
