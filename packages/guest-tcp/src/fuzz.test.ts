/**
 * Fuzz: over 100,000 seeded random, mutated and hostile datagrams fed into two stacks while a bulk transfer runs
 * between them (A is the client, B the server with two listeners). Every malformed datagram must be dropped and
 * counted exactly once under the right reason, nothing may throw, and the transfer must still finish
 * byte-exactly afterwards.
 *
 * Hostile-but-valid segments aimed at the live 4-tuple are generated so that a correct RFC 9293 + RFC 5961 stack
 * must reject them: no in-window sequence number together with an acceptable ACK (a correct TCP must accept
 * those; that is blind in-window injection, which no stack can tell from the peer), and no RST exactly at
 * RCV.NXT.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from './connection.ts';
import { SeededRandom } from './internal/rng.ts';
import { seqAdd, seqDiff } from './internal/seq.ts';
import type { TcpStack } from './stack.ts';
import { repeatingSource } from './testing/bulk.ts';
import { SIM_B, fixIpChecksum, fixTcpChecksum, rawTcpPacket, simPair } from './testing/scripted-peer.ts';
import type { DropReason } from './types.ts';
import { ACK, RST, SYN, encodeTcpSegment, type TcpOptions } from './wire/tcp-segment.ts';

const PARSE_REASONS: readonly DropReason[] = [
  'ip-truncated',
  'ip-bad-version',
  'ip-bad-header-length',
  'ip-bad-total-length',
  'ip-bad-checksum',
  'ip-fragment',
  'ip-not-tcp',
  'tcp-truncated',
  'tcp-bad-data-offset',
  'tcp-bad-checksum',
  'tcp-bad-options',
];

type Expectation = DropReason | 'any-parse' | 'none';

const TOTAL = 8 * 1024 * 1024;
const PACKETS = 100_000;
const A_ADDR = 0x0a000001;
const B_ADDR = 0x0a000002;

function dropTotal(stack: TcpStack): number {
  let n = 0;
  for (const v of Object.values(stack.stats.dropped)) n += v ?? 0;
  return n;
}

function parseDropTotal(stack: TcpStack): number {
  let n = 0;
  for (const r of PARSE_REASONS) n += stack.stats.dropped[r] ?? 0;
  return n;
}

describe('fuzz', () => {
  it(`survives ${PACKETS} random, mutated and hostile datagrams; counts every drop; the transfer completes`, () => {
    const rng = new SeededRandom(0x5eed);
    const { net, a, b } = simPair({ seed: 77, link: { delayMs: 5, bandwidthMbps: 20 } });

    // --- The transfer (A -> B:80) -------------------------------------------------------------------------
    const src = repeatingSource(21);
    const transferListener = b.listen(80, { backlog: 32 });
    b.listen(8080, { backlog: 16 });
    let server: Connection | undefined;
    let received = 0;
    let mismatches = 0;
    const errors: string[] = [];
    const client = a.connect(SIM_B, 80) as Connection;
    transferListener.on('connection', () => {
      for (let s; (s = transferListener.accept() as Connection | null) !== null;) {
        if (s.remotePort !== client.localPort || s.remoteAddr !== A_ADDR) {
          s.abort(); // a hostile handshake that somehow completed
          continue;
        }
        server = s;
        s.on('readable', () => {
          for (let d; (d = s.read()) !== null;) {
            const want = src.at(received, d.length);
            for (let i = 0; i < d.length; i++) if (d[i] !== want[i]) mismatches++;
            received += d.length;
          }
        });
        s.on('close', (e) => e && errors.push(`server closed: ${e.message}`));
      }
    });
    let written = 0;
    const pump = (): void => {
      while (written < TOTAL) {
        const n = client.write(src.at(written, Math.min(128 * 1024, TOTAL - written)));
        if (n === 0) return;
        written += n;
      }
    };
    client.on('connect', pump);
    client.on('writable', pump);
    client.on('close', (e) => e && errors.push(`client closed: ${e.message}`));

    // Keep copies of real datagrams to mutate.
    const realToB: Uint8Array[] = [];
    const realToA: Uint8Array[] = [];
    net.observe((p, from) => {
      const ring = from === A_ADDR ? realToB : realToA;
      if (ring.length < 64) ring.push(p.slice());
      else ring[rng.int(0, 63)] = p.slice();
    });

    net.runUntil(() => server !== undefined && received > 64 * 1024, 10_000);
    const serverConn = server!;

    // --- Generators -----------------------------------------------------------------------------------------
    const randomAddr = (): number => {
      let x: number;
      do x = rng.nextU32();
      while (x === A_ADDR || x === B_ADDR);
      return x;
    };
    const randomBytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => rng.int(0, 255));
    const realPacket = (): { packet: Uint8Array; target: TcpStack } => {
      const toB = rng.next() < 0.5;
      const ring = toB ? realToB : realToA;
      return { packet: ring[rng.int(0, ring.length - 1)].slice(), target: toB ? b : a };
    };
    const randomOptions = (): TcpOptions => {
      const o: { -readonly [K in keyof TcpOptions]: TcpOptions[K] } = {};
      if (rng.next() < 0.3) o.mss = rng.int(0, 65535);
      if (rng.next() < 0.3) o.windowScale = rng.int(0, 255);
      if (rng.next() < 0.3) o.sackPermitted = true;
      if (rng.next() < 0.5) o.timestamps = { value: rng.nextU32(), echo: rng.nextU32() };
      if (rng.next() < 0.3) {
        const blocks: Array<[number, number]> = [];
        for (let i = rng.int(1, 4); i > 0; i--) blocks.push([rng.nextU32(), rng.nextU32()]);
        o.sack = blocks;
      }
      const size = (): number =>
        (o.mss !== undefined ? 4 : 0) +
        (o.windowScale !== undefined ? 4 : 0) +
        (o.sackPermitted ? (o.timestamps ? 2 : 4) : 0) +
        (o.timestamps ? (o.sackPermitted ? 10 : 12) : 0) +
        (o.sack ? 4 + 8 * o.sack.length : 0);
      while (o.sack && size() > 40) o.sack = o.sack.length > 1 ? o.sack.slice(1) : undefined;
      return o;
    };
    /** Malformed option areas (a multiple of four bytes) under valid checksums. */
    const badOptionBytes = (): number[] => {
      const kind = rng.int(2, 255);
      const area: number[] = Array.from({ length: rng.int(0, 7) }, () => 1); // NOPs
      const at = area.length;
      switch (rng.int(0, 2)) {
        case 0: // a length below 2
          area.push(kind, rng.int(0, 1));
          while (area.length % 4 !== 0) area.push(0);
          break;
        case 1: // a length that overruns the area
          area.push(kind, 0);
          while (area.length % 4 !== 0) area.push(0);
          area[at + 1] = area.length - at + rng.int(1, 20);
          break;
        default: // a kind in the last byte, with no room for its length
          area.push(kind);
          while (area.length % 4 !== 0) area.unshift(1);
      }
      return area;
    };

    /** A valid segment with hostile field values toward an established connection. */
    const hostileToConnection = (conn: Connection, stack: TcpStack): Uint8Array => {
      let flags = rng.int(0, 255);
      let seq = rng.next() < 0.5 ? rng.nextU32() : seqAdd(conn.rcvNxt, rng.int(-3000, 70_000));
      let ack = rng.next() < 0.5 ? rng.nextU32() : seqAdd(conn.sndUna, rng.int(-70_000, 70_000));
      const body = randomBytes(rng.next() < 0.5 ? 0 : rng.int(1, 200));
      const rcvWnd = Math.max(0, seqDiff(conn.rcvAdv, conn.rcvNxt));
      const seqNear = seqDiff(seq, conn.rcvNxt) > -70_000 && seqDiff(seq, conn.rcvNxt) < rcvWnd + 70_000;
      const ackNear =
        seqDiff(ack, conn.sndUna) > -(conn.maxSndWnd + 70_000) && seqDiff(ack, conn.sndMax) < 70_000;
      if (flags & RST && seq === conn.rcvNxt) seq = seqAdd(seq, 1);
      if (flags & ACK && seqNear && ackNear) ack = seqAdd(conn.sndMax, (1 << 20) + rng.int(0, 1 << 29));
      if (!(flags & ACK) && !(flags & (RST | SYN)) && seqNear && rng.next() < 0.01) flags |= SYN;
      return encodeTcpSegment(
        {
          src: conn.remoteAddr,
          dst: stack.address,
          srcPort: conn.remotePort,
          dstPort: conn.localPort,
          seq,
          ack,
          flags,
          window: rng.int(0, 65535),
          options: randomOptions(),
        },
        body.length,
        (buf, at) => buf.set(body, at),
      );
    };

    const hostileTo = (dst: number, dstPort: number): Uint8Array => {
      const body = randomBytes(rng.next() < 0.7 ? 0 : rng.int(1, 100));
      return encodeTcpSegment(
        {
          src: randomAddr(),
          dst,
          srcPort: rng.int(1, 65535),
          dstPort,
          seq: rng.nextU32(),
          ack: rng.nextU32(),
          flags: rng.next() < 0.4 ? SYN : rng.int(0, 255),
          window: rng.int(0, 65535),
          options: randomOptions(),
        },
        body.length,
        (buf, at) => buf.set(body, at),
      );
    };

    const generators: Array<[number, () => { packet: Uint8Array; target: TcpStack; expect: Expectation }]> = [
      [
        8,
        () => ({
          packet: randomBytes(rng.int(0, 120)),
          target: rng.next() < 0.5 ? a : b,
          expect: 'any-parse',
        }),
      ],
      [
        12,
        () => {
          const { packet, target } = realPacket();
          const bit = rng.int(0, packet.length * 8 - 1);
          packet[bit >> 3] ^= 0x80 >> (bit & 7);
          return { packet, target, expect: 'any-parse' };
        },
      ],
      [
        5,
        () => {
          const { packet, target } = realPacket();
          return { packet: packet.slice(0, rng.int(0, 39)), target, expect: 'ip-truncated' };
        },
      ],
      [
        4,
        () => {
          const { packet, target } = realPacket();
          const tcp = rng.int(0, 19);
          packet[2] = 0;
          packet[3] = 20 + tcp;
          fixIpChecksum(packet);
          return { packet, target, expect: 'tcp-truncated' };
        },
      ],
      [
        5,
        () => {
          const { packet, target } = realPacket();
          packet[8] = (packet[8] + rng.int(1, 255)) & 0xff; // TTL changed, header checksum not
          return { packet, target, expect: 'ip-bad-checksum' };
        },
      ],
      [
        8,
        () => {
          const { packet, target } = realPacket();
          let at: number;
          do at = rng.int(20, packet.length - 1);
          while (at === 32);
          packet[at] = (packet[at] + rng.int(1, 255)) & 0xff;
          return { packet, target, expect: 'tcp-bad-checksum' };
        },
      ],
      [
        5,
        () => {
          const { packet, target } = realPacket();
          const tcpBytes = packet.length - 20;
          const tooBig = Math.floor(tcpBytes / 4) + 1;
          const words = tooBig <= 15 && rng.next() < 0.5 ? rng.int(tooBig, 15) : rng.int(0, 4);
          packet[32] = (words << 4) | (packet[32] & 0x0f);
          return { packet, target, expect: 'tcp-bad-data-offset' };
        },
      ],
      [
        6,
        () => {
          const toEstablished = rng.next() < 0.5;
          const target = rng.next() < 0.5 ? a : b;
          const conn = target === a ? client : serverConn;
          const packet = rawTcpPacket({
            src: toEstablished ? conn.remoteAddr : randomAddr(),
            dst: target.address,
            srcPort: toEstablished ? conn.remotePort : rng.int(1, 65535),
            dstPort: toEstablished ? conn.localPort : rng.int(1, 65535),
            seq: rng.nextU32(),
            ack: rng.nextU32(),
            flags: rng.int(0, 255),
            optionBytes: badOptionBytes(),
            payload: randomBytes(rng.int(0, 40)),
          });
          return { packet, target, expect: 'tcp-bad-options' };
        },
      ],
      [
        3,
        () => {
          const { packet, target } = realPacket();
          if (rng.next() < 0.5) packet[6] |= 0x20;
          else packet[7] = rng.int(1, 255);
          fixIpChecksum(packet);
          return { packet, target, expect: 'ip-fragment' };
        },
      ],
      [
        3,
        () => {
          const { packet, target } = realPacket();
          let p: number;
          do p = rng.int(0, 255);
          while (p === 6);
          packet[9] = p;
          fixIpChecksum(packet);
          return { packet, target, expect: 'ip-not-tcp' };
        },
      ],
      [
        3,
        () => {
          const { packet, target } = realPacket();
          let v: number;
          do v = rng.int(0, 15);
          while (v === 4);
          packet[0] = (v << 4) | (packet[0] & 0x0f);
          return { packet, target, expect: 'ip-bad-version' };
        },
      ],
      [
        3,
        () => {
          const { packet, target } = realPacket();
          packet[0] = 0x40 | rng.int(0, 4);
          return { packet, target, expect: 'ip-bad-header-length' };
        },
      ],
      [
        3,
        () => {
          const { packet, target } = realPacket();
          packet[2] = 0;
          packet[3] = rng.int(0, 19);
          fixIpChecksum(packet);
          return { packet, target, expect: 'ip-bad-total-length' };
        },
      ],
      [
        3,
        () => {
          const { packet, target } = realPacket();
          const dst = randomAddr();
          packet[16] = dst >>> 24;
          packet[17] = (dst >>> 16) & 0xff;
          packet[18] = (dst >>> 8) & 0xff;
          packet[19] = dst & 0xff;
          fixIpChecksum(packet);
          fixTcpChecksum(packet);
          return { packet, target, expect: 'not-for-us' };
        },
      ],
      [
        10,
        () => {
          const target = rng.next() < 0.5 ? a : b;
          const conn = target === a ? client : serverConn;
          return { packet: hostileToConnection(conn, target), target, expect: 'none' };
        },
      ],
      [8, () => ({ packet: hostileTo(B_ADDR, rng.next() < 0.8 ? 8080 : 80), target: b, expect: 'none' })],
      [
        6,
        () => {
          const target = rng.next() < 0.5 ? a : b;
          let port: number;
          do port = rng.int(1, 65535);
          while (port === 80 || port === 8080 || port === client.localPort);
          return { packet: hostileTo(target.address, port), target, expect: 'no-socket' };
        },
      ],
    ];
    const totalWeight = generators.reduce((n, [w]) => n + w, 0);
    const pick = () => {
      let r = rng.next() * totalWeight;
      for (const [w, g] of generators) {
        if ((r -= w) < 0) return g();
      }
      return generators[generators.length - 1][1]();
    };

    // --- Fuzz while the transfer runs -----------------------------------------------------------------------
    const failures: string[] = [];
    const injectedMalformed = new Map<TcpStack, number>([
      [a, 0],
      [b, 0],
    ]);
    const parseBefore = new Map<TcpStack, number>([
      [a, parseDropTotal(a)],
      [b, parseDropTotal(b)],
    ]);
    const perClass = new Map<Expectation, number>();
    let injected = 0;
    while (injected < PACKETS) {
      for (let k = 0; k < 100; k++) {
        const { packet, target, expect: want } = pick();
        perClass.set(want, (perClass.get(want) ?? 0) + 1);
        const total0 = dropTotal(target);
        const parse0 = parseDropTotal(target);
        const reason0 = want !== 'none' && want !== 'any-parse' ? (target.stats.dropped[want] ?? 0) : 0;
        const in0 = target.stats.packetsIn;
        try {
          target.input(packet);
        } catch (e) {
          failures.push(`#${injected} (${want}) threw ${(e as Error).stack}`);
        }
        injected++;
        if (target.stats.packetsIn !== in0 + 1) failures.push(`#${injected} packetsIn not counted`);
        if (want === 'none') continue;
        const dTotal = dropTotal(target) - total0;
        if (want === 'any-parse') {
          injectedMalformed.set(target, injectedMalformed.get(target)! + 1);
          if (dTotal !== 1 || parseDropTotal(target) - parse0 !== 1) {
            failures.push(
              `#${injected} (${want}) counted ${dTotal} drops, ${parseDropTotal(target) - parse0} parse drops`,
            );
          }
        } else {
          if (PARSE_REASONS.includes(want)) injectedMalformed.set(target, injectedMalformed.get(target)! + 1);
          const dReason = (target.stats.dropped[want] ?? 0) - reason0;
          if (dTotal !== 1 || dReason !== 1) {
            const now = Object.entries(target.stats.dropped)
              .map(([r, n]) => `${r}=${n}`)
              .join(' ');
            failures.push(
              `#${injected} expected one '${want}' drop, got ${dReason} (total +${dTotal}): ${now}`,
            );
          }
        }
        if (failures.length > 20) break;
      }
      if (failures.length > 20) break;
      try {
        net.runFor(2);
      } catch (e) {
        failures.push(`network step threw after ${injected} packets: ${(e as Error).stack}`);
        break;
      }
    }
    expect(failures).toEqual([]);
    expect(injected).toBeGreaterThanOrEqual(PACKETS);
    // Every class was exercised substantially.
    for (const cls of [...PARSE_REASONS, 'any-parse', 'none', 'not-for-us', 'no-socket'] as Expectation[]) {
      expect(perClass.get(cls) ?? 0, cls).toBeGreaterThan(1000);
    }
    // The sum of parse-level drops is exactly the number of malformed datagrams each stack was given.
    for (const s of [a, b]) expect(parseDropTotal(s) - parseBefore.get(s)!).toBe(injectedMalformed.get(s));
    // The transfer was still in progress when the fuzzing stopped, and the connection is intact.
    expect(received).toBeLessThan(TOTAL);
    expect(client.state).toBe('ESTABLISHED');
    expect(serverConn.state).toBe('ESTABLISHED');

    // --- The transfer completes byte-exactly ----------------------------------------------------------------
    net.runUntil(() => received === TOTAL || errors.length > 0, net.clock.t + 300_000);
    expect(errors).toEqual([]);
    expect(received).toBe(TOTAL);
    expect(mismatches).toBe(0);
    expect(written).toBe(TOTAL);
    a.run(() => client.close());
    net.runUntil(() => serverConn.state === 'CLOSE-WAIT', net.clock.t + 60_000);
    b.run(() => serverConn.close());
    net.runUntil(
      () => serverConn.state === 'CLOSED' && (client.state === 'TIME-WAIT' || client.state === 'CLOSED'),
      net.clock.t + 60_000,
    );
    expect(errors).toEqual([]);
  });
});
