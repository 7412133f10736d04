/**
 * A ClientHost on the host's monotonic clock: inbound datagrams from a PacketPort go to the stack (those of one
 * synchronous run as one burst), its output goes back to the port, and one timer is kept armed at the stack's
 * next deadline. Adapted from the TUN bridge's
 * RealtimeDriver, with application timers for workloads.
 */
import { TcpStack, type TcpStackOptions } from '@vmha/guest-tcp';
import type { ClientHost, PacketPort } from './client-host.ts';

export interface RealtimeClientHostOptions extends Omit<TcpStackOptions, 'clock' | 'output'> {
  port: PacketPort;
}

export class RealtimeClientHost implements ClientHost {
  readonly stack: TcpStack;
  private timer: NodeJS.Timeout | undefined;
  /** When the armed stack timer fires; Infinity when none is armed. */
  private timerDue = Infinity;
  private readonly appTimers = new Set<NodeJS.Timeout>();
  private stopped = false;
  /** Datagrams received in the current synchronous run, fed to the stack as one burst when it ends. */
  private arrived: Uint8Array[] = [];

  constructor(options: RealtimeClientHostOptions) {
    const { port, ...stackOptions } = options;
    this.stack = new TcpStack({
      ...stackOptions,
      clock: { now: () => performance.now() },
      output: (p) => port.send(p),
    });
    port.onPacket((packet) => {
      if (this.stopped) return;
      // A message of the virtual network carries a burst, delivered datagram by datagram in one synchronous run:
      // the stack gets them together (as GRO would) and ACKs the burst's in-order data once.
      if (this.arrived.length === 0) queueMicrotask(this.feedBurst);
      this.arrived.push(packet);
    });
  }

  private readonly feedBurst = (): void => {
    const burst = this.arrived;
    this.arrived = [];
    if (this.stopped || burst.length === 0) return;
    this.stack.inputBurst(burst);
    this.schedule();
  };

  now(): number {
    return performance.now();
  }

  setTimer(atMs: number, fire: () => void): () => void {
    const t = setTimeout(
      () => {
        this.appTimers.delete(t);
        if (!this.stopped) this.run(fire);
      },
      Math.max(0, atMs - performance.now()),
    );
    this.appTimers.add(t);
    return () => {
      clearTimeout(t);
      this.appTimers.delete(t);
    };
  }

  run<T>(action: () => T): T {
    const result = this.stack.run(action);
    this.schedule();
    return result;
  }

  /** Stops feeding the stack and disarms every timer; the stack keeps its state. */
  stop(): void {
    this.stopped = true;
    this.disarm();
    for (const t of this.appTimers) clearTimeout(t);
    this.appTimers.clear();
  }

  /** Keeps one timer at the earliest deadline: re-arming on every packet would cost more than the stack. */
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
