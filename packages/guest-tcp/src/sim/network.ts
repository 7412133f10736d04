/**
 * An in-process, seeded, discrete-event network for guest-tcp stacks: virtual time, per-direction links with
 * propagation delay, serialisation at a bandwidth, a drop-tail queue, random loss, reordering and duplication.
 * Runs as fast as the CPU allows; the same seed gives the same packet history.
 */
import { SeededRandom } from '../internal/rng.ts';
import { LinkModel, resolveLinkOptions, type LinkOptions } from './link-model.ts';
import { TcpStack } from '../stack.ts';
import type { Clock, TcpStackOptions } from '../types.ts';
import { toIpv4Address } from '../wire/ipv4.ts';
import { EventQueue } from './event-queue.ts';

export class SimClock implements Clock {
  t = 0;
  now(): number {
    return this.t;
  }
}

/** Anything the simulator can drive: a TcpStack, or a wrapper around one (e.g. a twin for snapshot tests). */
export interface SimNode {
  readonly address: number;
  readonly addressText: string;
  input(packet: Uint8Array): void;
  tick(): void;
  nextDeadline(): number | undefined;
}

export interface SimStats {
  sent: number;
  delivered: number;
  lost: number;
  queueDrops: number;
  duplicated: number;
  reordered: number;
  unroutable: number;
}

type PacketObserver = (packet: Uint8Array, from: number, to: number) => 'pass' | 'drop' | void;

export class SimNetwork {
  readonly clock = new SimClock();
  readonly stats: SimStats = {
    sent: 0,
    delivered: 0,
    lost: 0,
    queueDrops: 0,
    duplicated: 0,
    reordered: 0,
    unroutable: 0,
  };
  private readonly rng: SeededRandom;
  private readonly stacks = new Map<number, SimNode>();
  private readonly links = new Map<number, Map<number, LinkModel>>();
  private readonly queue = new EventQueue<{ to: number; packet: Uint8Array }>();
  private defaultLink: LinkOptions;
  private observers: PacketObserver[] = [];

  constructor(options: { seed?: number; link?: LinkOptions } = {}) {
    this.rng = new SeededRandom(options.seed ?? 42);
    this.defaultLink = options.link ?? {};
  }

  /** Adds a stack whose clock is the simulation's and whose output goes onto the simulated links. */
  addStack(options: Omit<TcpStackOptions, 'clock' | 'output'>): TcpStack {
    const address = toIpv4Address(options.address);
    const stack = new TcpStack({ ...options, clock: this.clock, output: (p) => this.send(address, p) });
    this.attach(stack);
    return stack;
  }

  /** Attaches a node built elsewhere (e.g. restored from a snapshot), replacing any at its address; its output must call `send`. */
  attach(node: SimNode): void {
    this.stacks.set(node.address, node);
  }

  /** Sets the link from one address to another (one direction). */
  setLink(from: string, to: string, options: LinkOptions): void {
    this.linkTable(toIpv4Address(from)).set(toIpv4Address(to), this.makeLink(options));
  }

  /** Sees every packet as it is sent; returning 'drop' discards it (for tests that target one segment). */
  observe(observer: PacketObserver): () => void {
    this.observers.push(observer);
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
    };
  }

  /** Injects a datagram toward `to` after `delayMs`, bypassing links (for hostile-input tests). */
  inject(to: string | number, packet: Uint8Array, delayMs = 0): void {
    this.queue.push(this.clock.t + delayMs, { to: toIpv4Address(to), packet });
  }

  send(from: number, packet: Uint8Array): void {
    this.stats.sent++;
    const to =
      packet.length >= 20
        ? ((packet[16] << 24) | (packet[17] << 16) | (packet[18] << 8) | packet[19]) >>> 0
        : 0;
    for (const o of this.observers) if (o(packet, from, to) === 'drop') return;
    const link = this.linkFor(from, to);
    const arrival = link.admit(this.clock.t, packet.length);
    if (arrival < 0) return;
    this.queue.push(arrival, { to, packet });
    if (!Number.isNaN(link.duplicateAt)) this.queue.push(link.duplicateAt, { to, packet });
  }

  /** Processes the next timer or packet. Returns false when nothing at all is scheduled. */
  step(): boolean {
    const packetAt = this.queue.peekTime();
    let timerAt = Infinity;
    let timerStack: SimNode | undefined;
    for (const s of this.stacks.values()) {
      const d = s.nextDeadline();
      if (d !== undefined && d < timerAt) {
        timerAt = d;
        timerStack = s;
      }
    }
    if (timerStack && (packetAt === undefined || timerAt <= packetAt)) {
      if (timerAt > this.clock.t) this.clock.t = timerAt;
      timerStack.tick();
      const again = timerStack.nextDeadline();
      if (again !== undefined && again <= this.clock.t && again === timerAt) {
        throw new Error(`a timer of ${timerStack.addressText} stays due at ${timerAt} ms after tick()`);
      }
      return true;
    }
    const ev = this.queue.pop();
    if (!ev) return false;
    if (ev.time > this.clock.t) this.clock.t = ev.time;
    const stack = this.stacks.get(ev.item.to);
    if (!stack) {
      this.stats.unroutable++;
      return true;
    }
    this.stats.delivered++;
    stack.input(ev.item.packet);
    return true;
  }

  /** Steps until `done()` holds; throws if virtual time passes `limitMs` or the network goes quiet first. */
  runUntil(done: () => boolean, limitMs = 3_600_000): void {
    while (!done()) {
      if (this.clock.t > limitMs)
        throw new Error(`simulation passed ${limitMs} ms of virtual time before finishing`);
      if (!this.step()) throw new Error(`simulation went quiet at ${this.clock.t} ms before finishing`);
    }
  }

  /** Steps until virtual time reaches `t` (or nothing is scheduled). */
  runFor(ms: number): void {
    const end = this.clock.t + ms;
    while (true) {
      const next = this.nextEventTime();
      if (next === undefined || next > end) break;
      this.step();
    }
    if (this.clock.t < end) this.clock.t = end;
  }

  private nextEventTime(): number | undefined {
    let t = this.queue.peekTime();
    for (const s of this.stacks.values()) {
      const d = s.nextDeadline();
      if (d !== undefined && (t === undefined || d < t)) t = d;
    }
    return t;
  }

  private linkFor(from: number, to: number): LinkModel {
    const table = this.linkTable(from);
    let link = table.get(to);
    if (!link) {
      link = this.makeLink(this.defaultLink);
      table.set(to, link);
    }
    return link;
  }

  private linkTable(from: number): Map<number, LinkModel> {
    let table = this.links.get(from);
    if (!table) this.links.set(from, (table = new Map()));
    return table;
  }

  private makeLink(o: LinkOptions): LinkModel {
    return new LinkModel(resolveLinkOptions(o, { queueBytes: 1 << 20 }), this.rng, this.stats);
  }
}
