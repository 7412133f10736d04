/**
 * Test harness: attaches machines to guest-tcp's SimNetwork (seeded, virtual time). A machine runs a slice
 * whenever a packet arrives or its next timer is due, so inputs reach it at exact virtual times. TwinNode drives
 * an original and its restored copy in lockstep with identical inputs and records every divergence.
 */
import { toIpv4Address, type SimNetwork, type SimNode, type TcpSocket, type TcpStack } from '@vmha/guest-tcp';
import type { Machine } from '../machine.ts';

export class MachineNode implements SimNode {
  readonly address: number;
  readonly addressText: string;

  constructor(
    private readonly net: SimNetwork,
    readonly machine: Machine,
  ) {
    this.addressText = machine.address;
    this.address = toIpv4Address(machine.address);
  }

  input(packet: Uint8Array): void {
    this.machine.deliver(packet);
    this.slice();
  }

  tick(): void {
    this.slice();
  }

  nextDeadline(): number | undefined {
    return this.machine.runState.kind === 'running' ? this.machine.nextTimerAt() : undefined;
  }

  /** Runs a slice to the network's current time and sends what the guest transmitted (no-op unless running). */
  slice(): void {
    if (this.machine.runState.kind !== 'running') return;
    this.machine.runSlice(this.net.clock.t);
    for (const p of this.machine.takeTransmitted()) this.net.send(this.address, p);
  }
}

/** Feeds A and B the same packets at the same times; only A's output goes onto the network. */
export class TwinNode implements SimNode {
  readonly address: number;
  readonly addressText: string;
  comparedPackets = 0;
  slices = 0;
  readonly divergences: string[] = [];

  constructor(
    private readonly net: SimNetwork,
    readonly a: Machine,
    readonly b: Machine,
  ) {
    this.addressText = a.address;
    this.address = toIpv4Address(a.address);
  }

  input(packet: Uint8Array): void {
    const okA = this.a.deliver(packet);
    const okB = this.b.deliver(new Uint8Array(packet));
    if (okA !== okB) this.diverged(`deliver at ${this.net.clock.t} ms: ${okA} vs ${okB}`);
    this.slice();
  }

  tick(): void {
    this.slice();
  }

  nextDeadline(): number | undefined {
    const a = this.a.nextTimerAt();
    const b = this.b.nextTimerAt();
    if (a !== b) this.diverged(`next timer ${a} vs ${b}`);
    return a;
  }

  private slice(): void {
    const t = this.net.clock.t;
    this.a.runSlice(t);
    this.b.runSlice(t);
    this.slices++;
    const outA = this.a.takeTransmitted();
    const outB = this.b.takeTransmitted();
    if (outA.length !== outB.length)
      this.diverged(`slice at ${t} ms: ${outA.length} vs ${outB.length} packets`);
    for (let i = 0; i < Math.min(outA.length, outB.length); i++) {
      this.comparedPackets++;
      if (Buffer.compare(outA[i], outB[i]) !== 0) this.diverged(`slice at ${t} ms: packet ${i} differs`);
    }
    for (const p of outA) this.net.send(this.address, p);
  }

  private diverged(what: string): void {
    if (this.divergences.length < 10) this.divergences.push(what);
  }
}

/** Byte i of a client's seeded stream: position-dependent, so loss or reordering bugs show as mismatches. */
export function streamByte(seed: number, i: number): number {
  let x = (i ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 13)) & 0xff;
}

export function streamChunk(seed: number, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = streamByte(seed, offset + i);
  return out;
}

/** A client of the echo server: sends its seeded stream in chunks and checks every echoed byte. */
export class EchoClient {
  sent = 0;
  received = 0;
  mismatches = 0;
  ended = false;
  readonly socket: TcpSocket;

  constructor(
    stack: TcpStack,
    server: string,
    port: number,
    private readonly seed: number,
  ) {
    this.socket = stack.connect(server, port);
    this.socket.on('readable', () => {
      let d: Uint8Array | null;
      while ((d = this.socket.read()) !== null) {
        for (let i = 0; i < d.length; i++)
          if (d[i] !== streamByte(this.seed, this.received + i)) this.mismatches++;
        this.received += d.length;
      }
    });
    this.socket.on('end', () => {
      this.ended = true;
    });
  }

  send(length: number): void {
    const n = this.socket.write(streamChunk(this.seed, this.sent, length));
    this.sent += n;
  }
}

/** A client of the counting server: records the running totals it is told. */
export class CountClient {
  sent = 0;
  readonly totals: number[] = [];
  readonly socket: TcpSocket;
  private partial = '';

  constructor(stack: TcpStack, server: string, port: number) {
    this.socket = stack.connect(server, port);
    this.socket.on('readable', () => {
      let d: Uint8Array | null;
      while ((d = this.socket.read()) !== null) {
        const lines = (this.partial + new TextDecoder().decode(d)).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines) this.totals.push(Number(line));
      }
    });
  }

  send(length: number): void {
    this.sent += this.socket.write(new Uint8Array(length).fill(0x2a));
  }
}
