/**
 * The machine as a VMM sees it: configuration, boot and memory layout, slices under the virtual clock, pause,
 * the NIC's drops, guest faults.
 */
import { ACK, SYN, SimNetwork, TcpStack, parseTcpSegment } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEMORY_BYTES,
  GuestFault,
  Machine,
  MachineConfigError,
  MachineStateError,
  PAGE_SIZE,
  type GuestEnv,
  type GuestProgram,
  type MachineConfig,
} from './index.ts';
import { EchoCounterProgram } from './testing/echo-counter-program.ts';
import { EchoClient, MachineNode } from './testing/sim-harness.ts';

const GUEST = '10.0.0.2';
const SMALL: MachineConfig = { address: GUEST, memoryBytes: 1 << 20, nic: { rxRingSize: 8, txRingSize: 8 } };

/** A client stack outside any network: we carry its packets by hand. */
function handClient(): { stack: TcpStack; out: Uint8Array[]; clock: { t: number } } {
  const clock = { t: 0 };
  const out: Uint8Array[] = [];
  const stack = new TcpStack({
    address: '10.0.0.1',
    seed: 5,
    clock: { now: () => clock.t },
    output: (p) => out.push(p),
  });
  return { stack, out, clock };
}

function segment(p: Uint8Array) {
  const r = parseTcpSegment(p);
  if (!r.ok) throw new Error(`not a TCP segment: ${r.reason}`);
  return r.segment;
}

describe('configuration', () => {
  const bad: Array<[string, MachineConfig, RegExp]> = [
    ['address', { address: '10.0.0' }, /setting address: invalid IPv4 address "10.0.0"/],
    [
      'memoryBytes',
      { address: GUEST, memoryBytes: 1000 },
      /memoryBytes=1000: expected a positive multiple of 4096/,
    ],
    ['memoryBytes above 4 GiB', { address: GUEST, memoryBytes: 2 ** 33 }, /memoryBytes=8589934592/],
    ['seed', { address: GUEST, seed: -1 }, /seed=-1: expected an integer in \[0, 2\^32\)/],
    ['startMs', { address: GUEST, startMs: Number.NaN }, /startMs=NaN/],
    ['tcp.mss', { address: GUEST, tcp: { mss: 5 } }, /tcp: invalid TCP setting mss=5/],
    ['tcp unknown', { address: GUEST, tcp: { msss: 1 } as never }, /unknown machine setting tcp\.msss/],
    ['unknown', { address: GUEST, memorySize: 1 } as never, /unknown machine setting memorySize/],
    [
      'nic.rxRingSize',
      { address: GUEST, nic: { rxRingSize: 3 } },
      /nic\.rxRingSize: rx ring size 3 must be a power of two/,
    ],
    ['nic.txRingSize', { address: GUEST, nic: { txRingSize: 65536 } }, /nic\.txRingSize: tx ring size 65536/],
    [
      'nic.bufferBytes range',
      { address: GUEST, nic: { bufferBytes: 70000 } },
      /nic\.bufferBytes: buffer size 70000/,
    ],
    [
      'nic.bufferBytes vs mss',
      { address: GUEST, nic: { bufferBytes: 1500 } },
      /nic\.bufferBytes=1500: a buffer must hold the largest segment for tcp\.mss=1460 \(at least 1540 bytes\)/,
    ],
    ['nic unknown', { address: GUEST, nic: { mtu: 9000 } as never }, /unknown machine setting nic\.mtu/],
  ];
  for (const [what, config, message] of bad) {
    it(`rejects a bad ${what} with an error naming the setting`, () => {
      expect(() => Machine.create(config, [])).toThrow(MachineConfigError);
      expect(() => Machine.create(config, [])).toThrow(message);
    });
  }

  it('rejects memory too small for the NIC and the programs, saying how much is needed', () => {
    const p = new EchoCounterProgram('big', 7, 'echo', 4 << 20);
    expect(() => Machine.create(SMALL, [p])).toThrow(/memoryBytes=1048576: too small .* needs at least \d+/);
  });

  it('rejects program lists with duplicate names, empty names or no memory', () => {
    const echo = (name: string, bytes = 4096) => new EchoCounterProgram(name, 7, 'echo', bytes);
    expect(() => Machine.create(SMALL, [echo('a'), echo('a')])).toThrow(
      /program 'a': two programs share this name/,
    );
    expect(() => Machine.create(SMALL, [echo('')])).toThrow(/name must be a non-empty string/);
    expect(() => Machine.create(SMALL, [echo('z', 0)])).toThrow(
      /program 'z': memoryBytes=0 must be a positive integer/,
    );
  });

  it('defaults to 256 MiB of memory, and its full save elides the zero pages', () => {
    const m = Machine.create({ address: GUEST }, [new EchoCounterProgram('echo', 7, 'echo')]);
    expect(m.memory.size).toBe(DEFAULT_MEMORY_BYTES);
    m.pause();
    const full = m.saveFull();
    const info = Machine.inspectSnapshot(full);
    expect(info.pages).toBe(m.memory.nonZeroPages().length);
    expect(info.pages).toBeLessThan(64); // NIC descriptors, driver area, the program's header
    expect(full.length).toBeLessThan(64 * (PAGE_SIZE + 5) + 64 * 1024);
  });
});

describe('boot', () => {
  it('lays out page-aligned program regions above the NIC region, in order, and boots each program once', () => {
    const seen: GuestEnv[] = [];
    const probe = (name: string, memoryBytes: number): GuestProgram => ({
      name,
      memoryBytes,
      boot: (env) => void seen.push(env),
      resume: () => {},
    });
    const m = Machine.create({ ...SMALL, startMs: 42 }, [probe('a', 5000), probe('b', 4096), probe('c', 1)]);
    const regions = m.regions();
    expect(regions.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(regions[0].base).toBe(m.nicLayout.end);
    expect(regions.map((r) => r.size)).toEqual([8192, 4096, 4096]);
    expect(regions[1].base).toBe(regions[0].base + 8192);
    expect(regions[2].base).toBe(regions[1].base + 4096);
    expect(m.nicLayout.end % PAGE_SIZE).toBe(0);
    expect(seen.map((e) => e.region)).toEqual(regions.map(({ base, size }) => ({ base, size })));
    expect(seen[0].now()).toBe(42);
    expect(seen[0].memory).toBe(m.memory);
    expect(m.virtualNow()).toBe(42);
    expect(m.address).toBe(GUEST);
    expect(m.runState).toEqual({ kind: 'running' });
  });

  it('reports a program that fails to boot, by name', () => {
    const broken: GuestProgram = {
      name: 'broken',
      memoryBytes: 4096,
      boot: () => {
        throw new Error('cannot find its config');
      },
      resume: () => {},
    };
    expect(() => Machine.create(SMALL, [broken])).toThrow(
      /program 'broken' failed to boot: cannot find its config/,
    );
  });
});

describe('slices and the virtual clock', () => {
  it('a paused machine refuses to run and its clock stops; packets delivered meanwhile are handled at the next slice start', () => {
    const m = Machine.create(SMALL, [new EchoCounterProgram('echo', 7, 'echo')]);
    m.runSlice(10);
    m.pause();
    expect(() => m.runSlice(20)).toThrow(MachineStateError);
    expect(m.virtualNow()).toBe(10);

    const c = handClient();
    c.stack.connect(GUEST, 7);
    expect(m.deliver(c.out.shift()!)).toBe(true); // the device still takes packets
    expect(m.takeTransmitted()).toEqual([]); // but the guest does not run
    expect(m.nextTimerAt()).toBeUndefined();
    expect(m.virtualNow()).toBe(10);

    m.resume();
    const report = m.runSlice(500);
    expect(report).toMatchObject({ startMs: 10, endMs: 500, rxPackets: 1 });
    const [synAck] = m.takeTransmitted();
    expect(segment(synAck).flags).toBe(SYN | ACK);
    // The SYN was handled at the slice start (t = 10), so the SYN-ACK's retransmission is due an initial RTO later.
    expect(m.nextTimerAt()).toBe(10 + 1000);
  });

  it('a long slice fires the guest timers at their deadlines exactly as many short slices do', () => {
    const run = (sliceMs: number): Uint8Array[] => {
      const m = Machine.create(SMALL, [new EchoCounterProgram('echo', 7, 'echo')]);
      const c = handClient();
      c.stack.connect(GUEST, 7);
      m.deliver(c.out.shift()!);
      const out: Uint8Array[] = [];
      for (let t = 0; t <= 20_000; t += sliceMs) {
        m.runSlice(t);
        out.push(...m.takeTransmitted());
      }
      expect(m.virtualNow()).toBe(20_000);
      return out;
    };
    const long = run(20_000);
    const short = run(1);
    // SYN-ACK, then its retransmissions with exponential back-off (1 s, 2 s, 4 s, 8 s).
    expect(long.length).toBe(5);
    expect(short).toEqual(long);
  });

  it('counts slices and timer expiries', () => {
    const m = Machine.create(SMALL, [new EchoCounterProgram('echo', 7, 'echo')]);
    const c = handClient();
    c.stack.connect(GUEST, 7);
    m.deliver(c.out.shift()!);
    m.runSlice(0);
    m.runSlice(3500);
    expect(m.counters().vcpu).toEqual({ slices: 2, timerExpiries: 2, virtualNowMs: 3500 });
  });
});

describe('the NIC as the VMM sees it', () => {
  it('drops and counts a delivery when the RX ring is full or the packet is too big', () => {
    const m = Machine.create(SMALL, []);
    const c = handClient();
    for (let i = 0; i < 8; i++) {
      c.stack.connect(GUEST, 80 + i);
      expect(m.deliver(c.out.shift()!)).toBe(true);
    }
    c.stack.connect(GUEST, 99);
    expect(m.deliver(c.out.shift()!)).toBe(false);
    expect(m.deliver(new Uint8Array(1541))).toBe(false);
    expect(m.counters().nic.dropped).toMatchObject({ 'rx-ring-full': 1, 'rx-too-big': 1 });
    expect(m.runSlice(1).rxPackets).toBe(8);
    expect(m.takeTransmitted()).toHaveLength(8); // RSTs: nothing listens on those ports
  });

  it('drops and counts a delivery into a corrupted RX descriptor, then carries on', () => {
    const m = Machine.create(SMALL, [new EchoCounterProgram('echo', 7, 'echo')]);
    const rx = m.nicLayout.rx;
    m.memory.writeU32(rx.descAddr + 8, 0xffffffff); // descriptor 0: a length past the DMA window
    const c = handClient();
    c.stack.connect(GUEST, 7);
    const syn = c.out.shift()!;
    expect(m.deliver(syn)).toBe(false);
    expect(m.counters().nic.dropped['rx-bad-descriptor']).toBe(1);
    m.runSlice(1); // the guest re-posts (and rewrites) the descriptor
    expect(m.deliver(syn)).toBe(true);
    m.runSlice(2);
    expect(segment(m.takeTransmitted()[0]).flags).toBe(SYN | ACK);
  });

  it('a TX ring too small for the guest bursts drops packets in the guest, and TCP still delivers every byte', () => {
    const net = new SimNetwork({ seed: 3, link: { delayMs: 1 } });
    const client = net.addStack({ address: '10.0.0.1', seed: 4 });
    const m = Machine.create({ ...SMALL, nic: { rxRingSize: 64, txRingSize: 2 } }, [
      new EchoCounterProgram('echo', 7, 'echo'),
    ]);
    const node = new MachineNode(net, m);
    net.attach(node);
    const e = new EchoClient(client, GUEST, 7, 9);
    net.runFor(10);
    // Let a window of data pile up in the RX ring while the guest is paused, so one slice echoes it in a burst.
    m.pause();
    e.send(30_000);
    net.runFor(10);
    m.resume();
    node.slice();
    net.runUntil(() => e.received === e.sent, 600_000);
    expect(e.mismatches).toBe(0);
    expect(m.counters().driver.txDropRingFull).toBeGreaterThan(0);
    expect(m.counters().tcp.retransmittedSegments).toBeGreaterThan(0);
  });
});

describe('guest faults', () => {
  it('a program that throws halts the vCPU; the machine refuses to run but can still be saved for inspection', () => {
    const echo = new EchoCounterProgram('echo', 7, 'echo');
    const net = new SimNetwork({ seed: 1, link: { delayMs: 1 } });
    const client = net.addStack({ address: '10.0.0.1', seed: 2 });
    const m = Machine.create(SMALL, [echo]);
    net.attach(new MachineNode(net, m));
    const e = new EchoClient(client, GUEST, 7, 1);
    net.runFor(10);
    echo.failOnRead = true;
    e.send(100);
    expect(() => net.runFor(10)).toThrow(GuestFault);
    expect(m.runState).toMatchObject({
      kind: 'halted',
      reason: expect.stringMatching(/injected failure on read/),
    });
    expect(() => m.runSlice(m.virtualNow() + 1)).toThrow(/halted/);
    expect(() => m.resume()).toThrow(MachineStateError);
    const forensic = Machine.restore(m.saveFull(), [new EchoCounterProgram('echo', 7, 'echo')]);
    expect(forensic.runState.kind).toBe('halted');
    expect(forensic.digest()).toEqual(m.digest());
  });
});
