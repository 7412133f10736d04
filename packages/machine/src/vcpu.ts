/**
 * The vCPU: runs guest work in bounded slices under a virtual clock, and is paused to freeze the guest.
 *
 * The clock moves only inside runSlice(): at the slice start the guest handles what devices delivered, then the
 * guest's timers fire in deadline order, each at its own deadline, and finally the clock reaches the slice end.
 * So the same deliveries before the same slices give the same guest behaviour, whatever the host's speed. A
 * paused vCPU refuses to run, so its clock stands still; guest code that throws halts it for good.
 */
import type { Clock } from '@vmha/guest-tcp';
import { GuestFault, MachineStateError, SnapshotFormatError } from './errors.ts';
import { ByteReader, ByteWriter, readRecordHeader, writeRecordHeader } from './snapshot/byte-codec.ts';

/** The vCPU's run state. `running` means runnable: slices may run; between slices it is idle. */
export type VcpuRunState =
  | { readonly kind: 'running' }
  | { readonly kind: 'paused' }
  | { readonly kind: 'halted'; readonly reason: string };

/** What a slice runs: the guest kernel's entry points, seen from the CPU. */
export interface VcpuWork {
  /** At the slice start: handle what devices delivered since the last slice (the RX interrupt). Returns packets. */
  sliceStart(): number;
  /** The earliest armed guest timer, or undefined. */
  nextTimerAt(): number | undefined;
  /** Runs the timers due at the current virtual time. */
  fireTimers(): void;
}

export interface SliceReport {
  readonly startMs: number;
  readonly endMs: number;
  /** Packets the guest took from the RX ring at the slice start. */
  readonly rxPackets: number;
  /** Timer expiries handled during the slice. */
  readonly timerExpiries: number;
}

/** The vCPU as a versioned record (Firecracker's vstate): everything the CPU is, apart from memory. */
export interface VcpuState {
  readonly nowMs: number;
  readonly slices: number;
  readonly timerExpiries: number;
  readonly runState: VcpuRunState;
}

export const VCPU_RECORD_VERSION = 1;
const VCPU_MAGIC = 'VCPU';
const RUN_STATE_CODES = { running: 0, paused: 1, halted: 2 } as const;

export class Vcpu {
  private nowMs: number;
  private slices: number;
  private timerExpiries: number;
  private state: VcpuRunState;
  /** The guest's clock, for the guest kernel and programs. */
  readonly clock: Clock = { now: () => this.nowMs };

  private constructor(s: VcpuState) {
    this.nowMs = s.nowMs;
    this.slices = s.slices;
    this.timerExpiries = s.timerExpiries;
    this.state = s.runState;
  }

  /** A vCPU at power-on: runnable, its clock at `startMs`. */
  static boot(startMs: number): Vcpu {
    return new Vcpu({ nowMs: startMs, slices: 0, timerExpiries: 0, runState: { kind: 'running' } });
  }

  get now(): number {
    return this.nowMs;
  }

  get runState(): VcpuRunState {
    return this.state;
  }

  get sliceCount(): number {
    return this.slices;
  }

  get timerExpiryCount(): number {
    return this.timerExpiries;
  }

  pause(): void {
    if (this.state.kind !== 'running')
      throw new MachineStateError(`cannot pause: the vCPU is ${describe(this.state)}`);
    this.state = { kind: 'paused' };
  }

  resume(): void {
    if (this.state.kind !== 'paused')
      throw new MachineStateError(`cannot resume: the vCPU is ${describe(this.state)}`);
    this.state = { kind: 'running' };
  }

  /** Stops the vCPU for good (guest failure); the state stays inspectable and saveable. */
  halt(reason: string): void {
    this.state = { kind: 'halted', reason };
  }

  /**
   * Runs guest work up to virtual time `untilMs` (inclusive: timers due exactly then fire in this slice).
   * Guest code that throws halts the vCPU and surfaces as a GuestFault carrying the original error.
   */
  runSlice(untilMs: number, work: VcpuWork): SliceReport {
    if (this.state.kind !== 'running')
      throw new MachineStateError(`cannot run a slice: the vCPU is ${describe(this.state)}`);
    if (!Number.isFinite(untilMs))
      throw new RangeError(`runSlice(untilMs=${untilMs}): the slice end must be a finite time`);
    if (untilMs < this.nowMs) {
      throw new RangeError(
        `runSlice(untilMs=${untilMs}) is before the virtual clock (${this.nowMs} ms): time does not go back`,
      );
    }
    const startMs = this.nowMs;
    const done = { rxPackets: 0, expiries: 0 };
    try {
      done.rxPackets = work.sliceStart();
      for (;;) {
        const due = work.nextTimerAt();
        if (due === undefined || due > untilMs) break;
        if (due > this.nowMs) this.nowMs = due;
        work.fireTimers();
        done.expiries++;
        const again = work.nextTimerAt();
        // A timer that stays due at the same instant after firing would spin this loop forever.
        if (again !== undefined && again === due && again <= this.nowMs) {
          throw new Error(`a guest timer due at ${due} ms stays due after firing`);
        }
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.halt(`guest fault at ${this.nowMs} ms: ${message}`);
      this.timerExpiries += done.expiries;
      throw new GuestFault(`the vCPU halted: guest fault at ${this.nowMs} ms: ${message}`, { cause: e });
    }
    this.nowMs = untilMs;
    this.slices++;
    this.timerExpiries += done.expiries;
    return { startMs, endMs: untilMs, rxPackets: done.rxPackets, timerExpiries: done.expiries };
  }

  // --- State record ------------------------------------------------------------------------------------

  saveRecord(): Uint8Array {
    const w = new ByteWriter(64);
    writeRecordHeader(w, VCPU_MAGIC, VCPU_RECORD_VERSION);
    w.f64(this.nowMs).u53(this.slices).u53(this.timerExpiries).u8(RUN_STATE_CODES[this.state.kind]);
    w.string(this.state.kind === 'halted' ? this.state.reason : '');
    return w.finish();
  }

  static decodeRecord(bytes: Uint8Array): VcpuState {
    const r = new ByteReader(bytes, 'vCPU record');
    readRecordHeader(r, VCPU_MAGIC, VCPU_RECORD_VERSION, 'vCPU record');
    const nowMs = r.finite('virtual time');
    const slices = r.u53('slice count');
    const timerExpiries = r.u53('timer expiries');
    const code = r.u8('run state');
    const reason = r.string('halt reason');
    r.end();
    let runState: VcpuRunState;
    if (code === RUN_STATE_CODES.running) runState = { kind: 'running' };
    else if (code === RUN_STATE_CODES.paused) runState = { kind: 'paused' };
    else if (code === RUN_STATE_CODES.halted) runState = { kind: 'halted', reason };
    else throw new SnapshotFormatError(`vCPU record run state ${code} is unknown`);
    return { nowMs, slices, timerExpiries, runState };
  }

  static fromState(s: VcpuState): Vcpu {
    return new Vcpu(s);
  }
}

function describe(s: VcpuRunState): string {
  return s.kind === 'halted' ? `halted (${s.reason})` : s.kind;
}
