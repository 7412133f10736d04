import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VcpuRunner, type RunnableMachine } from './vcpu-runner.ts';

/** A machine that records slices and echoes each delivered packet back when its slice runs. */
class RecordingMachine implements RunnableMachine {
  now = 0;
  rx: Uint8Array[] = [];
  tx: Uint8Array[] = [];
  slices: number[] = [];
  timerAt: number | undefined;
  ringSlots = 4;
  deliver(p: Uint8Array): boolean {
    if (this.rx.length >= this.ringSlots) return false;
    this.rx.push(p);
    return true;
  }
  runSlice(until: number): void {
    this.now = until;
    this.slices.push(until);
    this.tx.push(...this.rx.splice(0));
    if (this.timerAt !== undefined && this.timerAt <= until) this.timerAt = undefined;
  }
  takeTransmitted(): Uint8Array[] {
    return this.tx.splice(0);
  }
  nextTimerAt(): number | undefined {
    return this.timerAt;
  }
  virtualNow(): number {
    return this.now;
  }
  runState: { kind: 'running' | 'paused' } = { kind: 'running' };
  pause(): void {
    this.runState = { kind: 'paused' };
  }
  resume(): void {
    this.runState = { kind: 'running' };
  }
}

describe('vCPU runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs one slice for a burst of packets and hands their output to the network', () => {
    const m = new RecordingMachine();
    const out: Uint8Array[] = [];
    const r = new VcpuRunner(
      m,
      (p) => out.push(p),
      () => Date.now(),
    );
    r.start();
    vi.advanceTimersByTime(0);
    const before = m.slices.length;
    for (let i = 0; i < 3; i++) r.deliver(Uint8Array.of(i));
    vi.advanceTimersByTime(0);
    expect(m.slices.length).toBe(before + 1);
    expect(out.map((p) => p[0])).toEqual([0, 1, 2]);
  });

  it('counts packets the RX ring could not take', () => {
    const m = new RecordingMachine();
    const r = new VcpuRunner(
      m,
      () => {},
      () => Date.now(),
    );
    for (let i = 0; i < 6; i++) r.deliver(Uint8Array.of(i));
    expect(r.counters.rxRingDrops).toBe(2);
  });

  it('fires a slice when a guest timer falls due', () => {
    const m = new RecordingMachine();
    const r = new VcpuRunner(
      m,
      () => {},
      () => Date.now(),
    );
    m.timerAt = 50; // virtual time: the guest clock starts at 0
    r.start();
    vi.advanceTimersByTime(0);
    const n = m.slices.length;
    vi.advanceTimersByTime(49);
    expect(m.slices.length).toBe(n);
    vi.advanceTimersByTime(1);
    expect(m.slices.length).toBe(n + 1);
  });

  it('stops the guest clock while paused and resumes it without a jump', () => {
    const m = new RecordingMachine();
    const out: Uint8Array[] = [];
    const r = new VcpuRunner(
      m,
      (p) => out.push(p),
      () => Date.now(),
    );
    r.start();
    vi.advanceTimersByTime(100);
    r.pause();
    const atPause = m.now;
    vi.advanceTimersByTime(1000);
    r.deliver(Uint8Array.of(1)); // queued in the ring, not processed while paused
    vi.advanceTimersByTime(0);
    expect(m.now).toBe(atPause);
    expect(out).toHaveLength(0);
    r.resume();
    vi.advanceTimersByTime(0);
    expect(m.now - atPause).toBeLessThan(5); // the 1000 ms pause is not guest time
    expect(out).toHaveLength(1); // the packet queued during the pause was processed on resume
  });

  it('measures how long a due slice waited for the CPU, but not a pause', () => {
    const m = new RecordingMachine();
    let host = 0;
    const r = new VcpuRunner(
      m,
      () => {},
      () => host,
    );
    r.start();
    vi.advanceTimersByTime(0);
    r.deliver(Uint8Array.of(1));
    host += 30; // other work holds the event loop before the queued slice runs
    vi.advanceTimersByTime(0);
    expect(r.takeMaxStall()).toBe(30);
    expect(r.takeMaxStall()).toBe(0); // taken: a new high-water mark starts
    m.timerAt = m.now + 10;
    r.deliver(Uint8Array.of(2)); // arms the timer for host + 10 after its slice
    vi.advanceTimersByTime(0);
    host += 25; // the timer fires 15 ms late
    vi.advanceTimersByTime(10);
    expect(r.takeMaxStall()).toBe(15);
    r.pause();
    host += 500;
    r.resume();
    vi.advanceTimersByTime(0);
    expect(r.takeMaxStall()).toBe(0);
  });
});
