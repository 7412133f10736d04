import { describe, expect, it } from 'vitest';
import { GuestFault, MachineStateError, SnapshotFormatError } from './errors.ts';
import { Vcpu, type VcpuWork } from './vcpu.ts';

/** Guest work with scripted timers; records what ran at which virtual time. */
class ScriptedWork implements VcpuWork {
  readonly log: string[] = [];
  rxWaiting = 0;
  constructor(
    private readonly vcpu: () => Vcpu,
    public timers: number[] = [],
  ) {}
  sliceStart(): number {
    const n = this.rxWaiting;
    if (n) this.log.push(`rx ${n} @${this.vcpu().now}`);
    this.rxWaiting = 0;
    return n;
  }
  nextTimerAt(): number | undefined {
    return this.timers.length ? Math.min(...this.timers) : undefined;
  }
  fireTimers(): void {
    const now = this.vcpu().now;
    const due = this.timers.filter((t) => t <= now);
    this.timers = this.timers.filter((t) => t > now);
    for (const t of due) this.log.push(`timer ${t} @${now}`);
  }
}

function setup(timers: number[] = [], startMs = 0): { vcpu: Vcpu; work: ScriptedWork } {
  const vcpu = Vcpu.boot(startMs);
  return { vcpu, work: new ScriptedWork(() => vcpu, timers) };
}

describe('vCPU slices', () => {
  it('handles RX at the slice start, then fires each timer at its own deadline in order, then reaches the slice end', () => {
    const { vcpu, work } = setup([30, 10, 20, 99]);
    work.rxWaiting = 2;
    const report = vcpu.runSlice(50, work);
    expect(work.log).toEqual(['rx 2 @0', 'timer 10 @10', 'timer 20 @20', 'timer 30 @30']);
    expect(report).toEqual({ startMs: 0, endMs: 50, rxPackets: 2, timerExpiries: 3 });
    expect(vcpu.now).toBe(50);
    expect(work.nextTimerAt()).toBe(99);
  });

  it('fires a timer due exactly at the slice end inside that slice', () => {
    const { vcpu, work } = setup([50]);
    vcpu.runSlice(50, work);
    expect(work.log).toEqual(['timer 50 @50']);
  });

  it('fires timers a guest arms during the slice when they fall inside it', () => {
    const { vcpu, work } = setup([10]);
    const fire = work.fireTimers.bind(work);
    work.fireTimers = () => {
      fire();
      if (vcpu.now === 10) work.timers.push(15);
    };
    vcpu.runSlice(20, work);
    expect(work.log).toEqual(['timer 10 @10', 'timer 15 @15']);
  });

  it('counts slices and timer expiries', () => {
    const { vcpu, work } = setup([1, 2, 3]);
    vcpu.runSlice(2, work);
    vcpu.runSlice(2, work);
    vcpu.runSlice(10, work);
    expect(vcpu.sliceCount).toBe(3);
    expect(vcpu.timerExpiryCount).toBe(3);
  });

  it('refuses a slice that ends before the clock or at a non-finite time', () => {
    const { vcpu, work } = setup([], 100);
    expect(() => vcpu.runSlice(99, work)).toThrow(/before the virtual clock \(100 ms\)/);
    expect(() => vcpu.runSlice(Number.NaN, work)).toThrow(RangeError);
    expect(() => vcpu.runSlice(Infinity, work)).toThrow(RangeError);
    expect(vcpu.now).toBe(100);
    expect(vcpu.runSlice(100, work).endMs).toBe(100); // a zero-length slice is fine
  });
});

describe('vCPU pause and resume', () => {
  it('a paused vCPU refuses to run and its clock stands still', () => {
    const { vcpu, work } = setup([10]);
    vcpu.runSlice(5, work);
    vcpu.pause();
    expect(vcpu.runState).toEqual({ kind: 'paused' });
    expect(() => vcpu.runSlice(50, work)).toThrow(MachineStateError);
    expect(() => vcpu.runSlice(50, work)).toThrow(/the vCPU is paused/);
    expect(vcpu.now).toBe(5);
    expect(work.log).toEqual([]);
    vcpu.resume();
    vcpu.runSlice(50, work);
    expect(work.log).toEqual(['timer 10 @10']);
    expect(vcpu.now).toBe(50);
  });

  it('rejects transitions the state machine does not have', () => {
    const { vcpu } = setup();
    expect(() => vcpu.resume()).toThrow(/cannot resume: the vCPU is running/);
    vcpu.pause();
    expect(() => vcpu.pause()).toThrow(/cannot pause: the vCPU is paused/);
  });

  it('guest code that throws halts the vCPU for good, with the cause kept', () => {
    const { vcpu, work } = setup([10]);
    const bug = new Error('null dereference');
    work.fireTimers = () => {
      throw bug;
    };
    let caught: unknown;
    try {
      vcpu.runSlice(20, work);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GuestFault);
    expect((caught as GuestFault).cause).toBe(bug);
    expect(vcpu.runState).toEqual({ kind: 'halted', reason: 'guest fault at 10 ms: null dereference' });
    expect(() => vcpu.runSlice(30, work)).toThrow(/halted \(guest fault at 10 ms/);
    expect(() => vcpu.resume()).toThrow(MachineStateError);
    expect(() => vcpu.pause()).toThrow(MachineStateError);
  });

  it('halts instead of spinning when a timer stays due after firing', () => {
    const { vcpu, work } = setup([10]);
    work.fireTimers = () => {}; // never clears the timer
    expect(() => vcpu.runSlice(20, work)).toThrow(/stays due after firing/);
    expect(vcpu.runState.kind).toBe('halted');
  });
});

describe('vCPU record', () => {
  it('round-trips every field, including a halt reason', () => {
    const { vcpu, work } = setup([3, 7]);
    vcpu.runSlice(12.5, work);
    vcpu.pause();
    const copy = Vcpu.fromState(Vcpu.decodeRecord(vcpu.saveRecord()));
    expect(copy.now).toBe(12.5);
    expect(copy.sliceCount).toBe(1);
    expect(copy.timerExpiryCount).toBe(2);
    expect(copy.runState).toEqual({ kind: 'paused' });
    expect(Buffer.compare(copy.saveRecord(), vcpu.saveRecord())).toBe(0);
    vcpu.halt('triple fault');
    expect(Vcpu.decodeRecord(vcpu.saveRecord()).runState).toEqual({ kind: 'halted', reason: 'triple fault' });
  });

  it('rejects a future version, a bad magic, truncation, trailing bytes and an unknown run state', () => {
    const good = Vcpu.boot(0).saveRecord();
    const future = new Uint8Array(good);
    future[4] = 2;
    expect(() => Vcpu.decodeRecord(future)).toThrow(
      /vCPU record version 2 is not supported \(this build reads version 1\)/,
    );
    expect(() => Vcpu.decodeRecord(new Uint8Array(good.length))).toThrow(/not a vCPU record/);
    for (let cut = 0; cut < good.length; cut++) {
      expect(() => Vcpu.decodeRecord(good.subarray(0, cut))).toThrow(SnapshotFormatError);
    }
    expect(() => Vcpu.decodeRecord(Uint8Array.from([...good, 0]))).toThrow(/trailing bytes/);
    const badState = new Uint8Array(good);
    badState[8 + 24] = 9; // after magic, version, time, slices, expiries
    expect(() => Vcpu.decodeRecord(badState)).toThrow(/run state 9 is unknown/);
    const nanTime = new Uint8Array(good);
    new DataView(nanTime.buffer).setFloat64(8, Number.NaN, true);
    expect(() => Vcpu.decodeRecord(nanTime)).toThrow(/not a finite number/);
  });
});
