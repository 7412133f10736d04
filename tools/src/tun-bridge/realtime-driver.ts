/**
 * Runs a guest-tcp stack in real time: the clock is performance.now(), inbound datagrams from a PacketPort go to
 * input(), output goes back to the port, and one timer is kept armed at the stack's next deadline.
 */
import { TcpStack, type TcpStackOptions } from '@vmha/guest-tcp';
import type { PacketPort } from './packet-port.ts';

export type RealtimeStackOptions = Omit<TcpStackOptions, 'clock' | 'output'>;

export class RealtimeDriver {
  readonly stack: TcpStack;
  private timer: NodeJS.Timeout | undefined;
  /** When the armed timer fires (ms, performance.now() clock); Infinity when none is armed. */
  private timerDue = Infinity;
  private stopped = false;

  constructor(options: RealtimeStackOptions, port: PacketPort) {
    this.stack = new TcpStack({
      ...options,
      clock: { now: () => performance.now() },
      output: (p) => port.send(p),
    });
    port.onPacket((packet) => {
      if (this.stopped) return;
      this.stack.input(packet);
      this.schedule();
    });
  }

  /**
   * Runs socket calls made outside the stack's own event handlers (from promises, timers, tests): dispatches the
   * events they cause and re-arms the timer, since a write or close may have started one.
   */
  run<T>(action: () => T): T {
    const result = this.stack.run(action);
    this.schedule();
    return result;
  }

  /** Stops feeding the stack and disarms the timer; the stack keeps its state. */
  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** Keeps one timer at the earliest deadline. Re-arming on every packet would cost more than the stack. */
  private schedule(): void {
    if (this.stopped) return;
    const due = this.stack.nextDeadline();
    if (due === undefined) {
      this.disarm();
      return;
    }
    // An earlier timer already armed fires first and re-schedules from there.
    if (this.timer !== undefined && this.timerDue <= due) return;
    this.disarm();
    this.timerDue = due;
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - performance.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    if (this.stopped) return;
    this.stack.tick();
    this.schedule();
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }
}
