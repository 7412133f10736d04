/**
 * A ClientHost inside a guest-tcp SimNetwork: virtual time, and application timers merged into the node's
 * deadlines so the simulator fires them in order with the stack's own timers.
 */
import type { SimNetwork, SimNode, TcpStack, TcpStackOptions } from '@vmha/guest-tcp';
import type { WorkloadRun } from '../workloads/workload-run.ts';
import type { ClientHost } from './client-host.ts';
import { TimerList } from './timer-list.ts';

export type SimClientHostOptions = Omit<TcpStackOptions, 'clock' | 'output'>;

export class SimClientHost implements ClientHost, SimNode {
  readonly stack: TcpStack;
  private readonly timers = new TimerList();

  constructor(
    private readonly net: SimNetwork,
    options: SimClientHostOptions,
  ) {
    this.stack = net.addStack(options);
    // Replace the plain stack node with this wrapper so the simulator also sees our timers.
    net.attach(this);
  }

  get address(): number {
    return this.stack.address;
  }

  get addressText(): string {
    return this.stack.addressText;
  }

  now(): number {
    return this.net.clock.now();
  }

  setTimer(atMs: number, fire: () => void): () => void {
    return this.timers.add(atMs, fire);
  }

  run<T>(action: () => T): T {
    return this.stack.run(action);
  }

  input(packet: Uint8Array): void {
    this.stack.input(packet);
  }

  tick(): void {
    const now = this.now();
    this.stack.tick();
    // A timer may arm another one due now; fire those too, or the simulator would see a deadline stuck in the past.
    let fire: (() => void) | undefined;
    while ((fire = this.timers.takeDue(now)) !== undefined) this.stack.run(fire);
  }

  nextDeadline(): number | undefined {
    const a = this.stack.nextDeadline();
    const b = this.timers.nextDue();
    if (a === undefined) return b;
    if (b === undefined) return a;
    return Math.min(a, b);
  }
}

/** Steps the simulation until the workload finishes; throws if virtual time passes `limitMs` first. */
export function runInSim<R>(net: SimNetwork, run: WorkloadRun<R>, limitMs?: number): R {
  net.runUntil(() => run.finished, limitMs);
  return run.result as R;
}
