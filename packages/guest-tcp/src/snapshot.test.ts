/**
 * The state rule for the guest kernel: a stack saved mid-transfer and restored into a fresh stack, fed the same
 * inputs at the same times, produces byte-identical output packets, timers and final state.
 */
import { describe, expect, it } from 'vitest';
import { SimNetwork, StateFormatError, TcpStack, type SimNode, type TcpSocket } from './index.ts';
import { repeatingSource } from './testing/index.ts';

const TOTAL = 8 << 20;
const PORT = 5001;

/** The sending application: writes a seeded stream with back-pressure, then closes. Its state is `written`. */
class SenderApp {
  written = 0;
  private readonly src = repeatingSource(11);
  constructor(private readonly sock: TcpSocket) {
    sock.on('connect', () => this.pump()).on('writable', () => this.pump());
    sock.on('readable', () => {
      while (sock.read() !== null);
    });
  }
  pump(): void {
    while (this.written < TOTAL) {
      const n = this.sock.write(this.src.at(this.written, Math.min(64 * 1024, TOTAL - this.written)));
      this.written += n;
      if (n === 0) return;
    }
    this.sock.close();
  }
}

/** The receiving application: reads and checks the stream, closes on end. Its state is `received`/`bad`. */
class ReceiverApp {
  received = 0;
  bad = 0;
  private readonly src = repeatingSource(11);
  constructor(private readonly sock: TcpSocket) {
    sock.on('readable', () => this.drain());
    sock.on('end', () => sock.close());
  }
  drain(): void {
    let d: Uint8Array | null;
    while ((d = this.sock.read()) !== null) {
      const expect = this.src.at(this.received, d.length);
      for (let i = 0; i < d.length; i++) if (d[i] !== expect[i]) this.bad++;
      this.received += d.length;
    }
  }
}

/** Drives an original stack and its restored copy in lockstep and records every divergence. */
class Twin implements SimNode {
  readonly address: number;
  readonly addressText: string;
  readonly fromOriginal: Uint8Array[] = [];
  compared = 0;
  divergences: string[] = [];

  constructor(
    private readonly original: TcpStack,
    readonly copy: TcpStack,
    private readonly fromCopy: Uint8Array[],
  ) {
    this.address = original.address;
    this.addressText = original.addressText;
  }

  input(packet: Uint8Array): void {
    this.original.input(packet);
    this.copy.input(new Uint8Array(packet));
    this.compare('input');
  }

  tick(): void {
    this.original.tick();
    this.copy.tick();
    this.compare('tick');
  }

  nextDeadline(): number | undefined {
    const a = this.original.nextDeadline();
    const b = this.copy.nextDeadline();
    if (a !== b && this.divergences.length < 5) this.divergences.push(`deadline ${a} vs ${b}`);
    return a;
  }

  private compare(what: string): void {
    const a = this.fromOriginal.splice(0);
    const b = this.fromCopy.splice(0);
    if (a.length !== b.length) {
      if (this.divergences.length < 5) this.divergences.push(`${what}: ${a.length} vs ${b.length} packets`);
      return;
    }
    for (let i = 0; i < a.length; i++) {
      this.compared++;
      if (Buffer.compare(a[i], b[i]) !== 0 && this.divergences.length < 5) {
        this.divergences.push(`${what}: packet ${i} differs`);
      }
    }
  }
}

interface Scenario {
  net: SimNetwork;
  sender: TcpStack;
  receiver: TcpStack;
  senderApp: () => SenderApp | undefined;
  receiverApp: () => ReceiverApp | undefined;
}

function startTransfer(seed: number): Scenario {
  const net = new SimNetwork({
    seed,
    link: { delayMs: 2, bandwidthMbps: 500, loss: 0.02, reorder: 0.02, duplicate: 0.01 },
  });
  const sender = net.addStack({ address: '10.1.0.1', seed: seed + 1, mslMs: 500 });
  const receiver = net.addStack({
    address: '10.1.0.2',
    seed: seed + 2,
    mslMs: 500,
    receiveBufferBytes: 256 * 1024,
  });
  let rApp: ReceiverApp | undefined;
  const listener = receiver.listen(PORT);
  listener.on('connection', () => {
    const s = listener.accept();
    if (s) rApp = new ReceiverApp(s);
  });
  const sApp = new SenderApp(sender.connect('10.1.0.2', PORT));
  return { net, sender, receiver, senderApp: () => sApp, receiverApp: () => rApp };
}

/** Snapshots `side` at `atMs`, restores it, and runs original and copy in lockstep to the end of the transfer. */
function runTwin(side: 'sender' | 'receiver', atMs: number, seed: number) {
  const sc = startTransfer(seed);
  // Time the snapshot from establishment: a lost SYN waits a whole initial RTO.
  sc.net.runUntil(() => sc.receiverApp() !== undefined);
  sc.net.runFor(atMs);
  const original = side === 'sender' ? sc.sender : sc.receiver;
  const bytes = original.saveState();
  const copyOutput: Uint8Array[] = [];
  const copy = TcpStack.restore(bytes, { clock: sc.net.clock, output: (p) => copyOutput.push(p) });
  const twin = new Twin(original, copy, copyOutput);
  sc.net.observe((p, from) => {
    if (from === original.address) twin.fromOriginal.push(p);
  });
  sc.net.attach(twin);

  // Re-attach the application to the restored sockets, with the application's own state copied over.
  const sock = copy.sockets()[0];
  let copyApp: SenderApp | ReceiverApp | undefined;
  if (side === 'sender') {
    const app = new SenderApp(sock);
    app.written = sc.senderApp()!.written;
    copyApp = app;
  } else {
    const app = new ReceiverApp(sock);
    app.received = sc.receiverApp()!.received;
    app.bad = sc.receiverApp()!.bad;
    copyApp = app;
  }
  const state = sock.info();
  sc.net.runUntil(() => original.sockets().length === 0 && copy.sockets().length === 0, 600_000);
  return { twin, original, copy, copyApp, stateAtSnapshot: state, snapshotBytes: bytes.length, sc };
}

describe('snapshot and restore', () => {
  for (const side of ['sender', 'receiver'] as const) {
    for (const atMs of [15, 120, 400]) {
      it(`a ${side} restored ${atMs} ms into the connection emits byte-identical packets to the end of an 8 MiB lossy transfer`, () => {
        const r = runTwin(side, atMs, 100 + atMs);
        expect(r.twin.divergences).toEqual([]);
        expect(r.twin.compared).toBeGreaterThan(100);
        expect(r.stateAtSnapshot.state).not.toBe('CLOSED');
        // The transfer itself completed correctly through the original.
        expect(r.sc.receiverApp()!.received).toBe(TOTAL);
        expect(r.sc.receiverApp()!.bad).toBe(0);
        if (side === 'receiver') {
          const app = r.copyApp as ReceiverApp;
          expect(app.received).toBe(TOTAL);
          expect(app.bad).toBe(0);
        }
        // And both ended in the same state, down to the counters.
        expect(Buffer.compare(r.original.saveState(), r.copy.saveState())).toBe(0);
      });
    }
  }

  it('captures loss-recovery state mid-flight: out-of-order data, SACK scoreboard and armed timers', () => {
    // Find a moment when the receiver holds out-of-order data; the restored copy must hold the same.
    const sc = startTransfer(7);
    let found = false;
    for (let i = 0; i < 400 && !found; i++) {
      sc.net.runFor(5);
      const info = sc.receiver.sockets()[0]?.info();
      const sInfo = sc.sender.sockets()[0]?.info();
      if (info && sInfo && sInfo.inRecovery) {
        const copy = TcpStack.restore(sc.sender.saveState(), { clock: sc.net.clock, output: () => {} });
        expect(copy.sockets()[0].info()).toEqual(sInfo);
        expect(copy.nextDeadline()).toBe(sc.sender.nextDeadline());
        found = true;
      }
    }
    expect(found).toBe(true);
  });

  it('each save says truly which ranges it kept from the last: the queues, less what left their heads', () => {
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b)); // (not toEqual: MBs)
    const sc = startTransfer(8);
    sc.net.runUntil(() => sc.receiverApp() !== undefined);
    let checks = 0;
    let wrong = 0;
    let kept = 0;
    for (const stack of [sc.sender, sc.receiver]) {
      let previous = stack.saveState();
      for (let step = 0; step < 40; step++) {
        sc.net.runFor(5);
        const { bytes, copies } = stack.saveStateWithCopies();
        let end = 0;
        for (const c of copies) {
          if (c.to < end) wrong++;
          end = c.to + c.length;
          if (!same(bytes.subarray(c.to, end), previous.subarray(c.from, c.from + c.length))) wrong++;
          kept += c.length;
          checks++;
        }
        previous = bytes;
      }
    }
    expect(wrong).toBe(0);
    expect(checks).toBeGreaterThanOrEqual(40); // every save of the sender kept most of its send queue
    expect(kept).toBeGreaterThan(1 << 20); // the sender's queue, mostly
  });

  it('saving a restored stack reproduces the same bytes', () => {
    const sc = startTransfer(3);
    sc.net.runFor(200);
    const bytes = sc.receiver.saveState();
    const copy = TcpStack.restore(bytes, { clock: sc.net.clock, output: () => {} });
    expect(Buffer.compare(copy.saveState(), bytes)).toBe(0);
  });

  it('restores listeners and their accept queues', () => {
    const net = new SimNetwork({ seed: 1, link: { delayMs: 1 } });
    const server = net.addStack({ address: '10.2.0.1', seed: 1 });
    const client = net.addStack({ address: '10.2.0.2', seed: 2 });
    server.listen(80);
    client.connect('10.2.0.1', 80);
    client.connect('10.2.0.1', 80);
    net.runFor(20);
    const copy = TcpStack.restore(server.saveState(), { clock: net.clock, output: () => {} });
    const l = copy.listener(80);
    expect(l).toBeDefined();
    expect(l!.accept()?.state).toBe('ESTABLISHED');
    expect(l!.accept()?.state).toBe('ESTABLISHED');
    expect(l!.accept()).toBeNull();
  });

  it('rejects malformed snapshots with a StateFormatError, never a crash or a silent default', () => {
    const sc = startTransfer(5);
    sc.net.runFor(100);
    const good = sc.sender.saveState();
    const driver = { clock: sc.net.clock, output: () => {} };
    const bad: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array(0)],
      ['bad magic', Uint8Array.from([1, 2, 3, 4, ...good.subarray(4)])],
      [
        'future version',
        (() => {
          const b = new Uint8Array(good);
          b[7] = 99;
          return b;
        })(),
      ],
      ['trailing bytes', Uint8Array.from([...good, 0])],
    ];
    for (let cut = 1; cut < good.length; cut += Math.max(1, Math.floor(good.length / 97))) {
      bad.push([`truncated at ${cut}`, good.subarray(0, cut)]);
    }
    for (const [what, bytes] of bad) {
      let error: unknown;
      try {
        TcpStack.restore(bytes, driver);
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(Error);
      if (what !== 'future version') expect(error, what).toBeInstanceOf(StateFormatError);
      // checkState (a backup's check of every checkpoint) refuses exactly what restore refuses.
      expect(() => TcpStack.checkState(bytes), what).toThrow((error as Error).message);
    }
    const before = good.slice();
    expect(() => TcpStack.checkState(good)).not.toThrow();
    expect(Buffer.compare(good, before)).toBe(0); // read in place, left as it was
  });
});
