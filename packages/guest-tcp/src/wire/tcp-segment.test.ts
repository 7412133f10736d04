import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../internal/rng.ts';
import { fixChecksums, fixIpChecksum, rawTcpPacket } from '../testing/scripted-peer.ts';
import { internetChecksum } from './checksum.ts';
import {
  ACK,
  CWR,
  ECE,
  FIN,
  PSH,
  RST,
  SYN,
  URG,
  encodeTcpSegment,
  formatFlags,
  optionBytes,
  parseTcpOptions,
  parseTcpSegment,
  type SegmentFields,
  type TcpOptions,
} from './tcp-segment.ts';

const hex = (s: string): Uint8Array =>
  Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (h) => parseInt(h, 16));
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

const base: SegmentFields = {
  src: 0x0a000002,
  dst: 0x0a000001,
  srcPort: 40000,
  dstPort: 80,
  seq: 0x11111111,
  ack: 0x22222222,
  flags: ACK,
  window: 1000,
};

function encode(fields: Partial<SegmentFields>, body: Uint8Array = new Uint8Array(0)): Uint8Array {
  return encodeTcpSegment({ ...base, ...fields }, body.length, (buf, at) => buf.set(body, at));
}

function parse(packet: Uint8Array) {
  const r = parseTcpSegment(packet);
  if (!r.ok) throw new Error(`unexpected drop: ${r.reason}`);
  return r.segment;
}

/** The options area of an encoded segment. */
function optionArea(packet: Uint8Array): Uint8Array {
  const off = (packet[32] >>> 4) * 4;
  return packet.subarray(40, 20 + off);
}

describe('encodeTcpSegment / parseTcpSegment', () => {
  // Computed independently (Python, RFC 1071 with per-step folding): IP checksum 9c68, TCP checksum 29dc.
  const KNOWN =
    '45000031 1c464000 40069c68 c0a80001 c0a800c7' +
    '30390050 01020304 a0b0c0d0 60181234 29dc0000 020405b4' +
    '68656c6c 6f';

  it('encodes a hand-checked PSH,ACK segment with MSS and an odd-length payload byte for byte', () => {
    const packet = encodeTcpSegment(
      {
        src: 0xc0a80001,
        dst: 0xc0a800c7,
        srcPort: 12345,
        dstPort: 80,
        seq: 0x01020304,
        ack: 0xa0b0c0d0,
        flags: PSH | ACK,
        window: 0x1234,
        options: { mss: 1460 },
        ipId: 0x1c46,
        ttl: 64,
      },
      5,
      (buf, at) => buf.set(ascii('hello'), at),
    );
    expect(packet).toEqual(hex(KNOWN));
  });

  it('decodes the known-good packet and verifies both checksums', () => {
    const packet = hex(KNOWN);
    expect(internetChecksum(packet, 0, 20)).toBe(0);
    const seg = parse(packet);
    expect(seg).toMatchObject({
      src: 0xc0a80001,
      dst: 0xc0a800c7,
      srcPort: 12345,
      dstPort: 80,
      seq: 0x01020304,
      ack: 0xa0b0c0d0,
      flags: PSH | ACK,
      window: 0x1234,
      options: { mss: 1460 },
    });
    expect(seg.payload).toEqual(ascii('hello'));
  });

  it('round-trips every header field, including extreme values, with seeded random payloads', () => {
    const rng = new SeededRandom(9293);
    for (let i = 0; i < 200; i++) {
      const fields: SegmentFields = {
        src: rng.nextU32(),
        dst: rng.nextU32(),
        srcPort: rng.int(0, 65535),
        dstPort: rng.int(0, 65535),
        seq: i === 0 ? 0xffffffff : rng.nextU32(),
        ack: i === 0 ? 0xffffffff : rng.nextU32(),
        flags: rng.int(0, 255),
        window: i === 0 ? 0xffff : rng.int(0, 65535),
      };
      const body = Uint8Array.from({ length: rng.int(0, 1500) }, () => rng.int(0, 255));
      const seg = parse(encodeTcpSegment(fields, body.length, (b, at) => b.set(body, at)));
      expect(seg).toMatchObject(fields);
      expect(seg.payload).toEqual(body);
      expect(seg.options).toEqual({});
    }
  });

  it('returns the payload as a view into the input buffer', () => {
    const packet = encode({}, ascii('abc'));
    const seg = parse(packet);
    expect(seg.payload.buffer).toBe(packet.buffer);
    expect(seg.payload.byteOffset).toBe(packet.byteOffset + 40);
  });

  it('ignores link-layer padding past the IP total length', () => {
    const packet = encode({}, ascii('xyz'));
    const padded = new Uint8Array(packet.length + 7).fill(0xee);
    padded.set(packet);
    const seg = parse(padded);
    expect(seg.payload).toEqual(ascii('xyz'));
  });

  it('refuses to encode more than 40 option bytes or a datagram over 65535 bytes', () => {
    const fourBlocks: Array<[number, number]> = [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ];
    expect(() => encode({ options: { sack: fourBlocks, timestamps: { value: 1, echo: 2 } } })).toThrow(
      /40-byte limit/,
    );
    expect(() => encodeTcpSegment(base, 65535 - 40 + 1)).toThrow(/exceeds 65535/);
    expect(encodeTcpSegment(base, 65535 - 40).length).toBe(65535);
  });
});

describe('TCP options on the wire', () => {
  it('lays out a Linux-style SYN: MSS, SACK-permitted packed beside timestamps, NOP + window scale', () => {
    const options: TcpOptions = {
      mss: 1460,
      sackPermitted: true,
      timestamps: { value: 0x11223344, echo: 0 },
      windowScale: 7,
    };
    const packet = encode({ flags: SYN, options });
    expect(packet[32] >>> 4).toBe(10); // 40-byte header
    expect(optionArea(packet)).toEqual(hex('020405b4 0402080a 11223344 00000000 01030307'));
    expect(parse(packet).options).toEqual(options);
    expect(optionBytes(options)).toBe(20);
  });

  it('encodes each option alone, aligned to 32 bits with NOPs, and decodes it back', () => {
    const cases: Array<[TcpOptions, string]> = [
      [{ mss: 536 }, '02040218'],
      [{ windowScale: 0 }, '01030300'],
      [{ windowScale: 14 }, '0103030e'],
      [{ sackPermitted: true }, '01010402'],
      [{ timestamps: { value: 0xfffffffe, echo: 0x01020304 } }, '0101080a fffffffe 01020304'],
    ];
    for (const [options, bytes] of cases) {
      const packet = encode({ options });
      expect(optionArea(packet)).toEqual(hex(bytes));
      expect(parse(packet).options).toEqual(options);
    }
  });

  it('carries 1 to 4 SACK blocks (4 only without timestamps, 3 beside them)', () => {
    for (let n = 1; n <= 4; n++) {
      const sack = Array.from(
        { length: n },
        (_, i) => [0xfffff000 + i * 0x2000, 0xfffff800 + i * 0x2000] as const,
      ).map(([l, r]) => [l >>> 0, r >>> 0] as const);
      const packet = encode({ options: { sack } });
      const area = optionArea(packet);
      expect(area.length).toBe(4 + 8 * n);
      expect([...area.subarray(0, 4)]).toEqual([1, 1, 5, 2 + 8 * n]);
      expect(parse(packet).options.sack).toEqual(sack);
    }
    const three: Array<[number, number]> = [
      [10, 20],
      [30, 40],
      [50, 60],
    ];
    const withTs = encode({ options: { sack: three, timestamps: { value: 5, echo: 6 } } });
    expect(withTs[32] >>> 4).toBe(15); // exactly 40 option bytes
    expect(parse(withTs).options).toEqual({ sack: three, timestamps: { value: 5, echo: 6 } });
  });

  it('clamps a window scale above 14 to 14 (RFC 7323 §2.3)', () => {
    for (const shift of [15, 16, 100, 255]) {
      const packet = rawTcpPacket({ flags: SYN, optionBytes: [1, 3, 3, shift] });
      expect(parse(packet).options.windowScale).toBe(14);
    }
    expect(parse(rawTcpPacket({ optionBytes: [1, 3, 3, 14] })).options.windowScale).toBe(14);
    expect(parse(rawTcpPacket({ optionBytes: [1, 3, 3, 13] })).options.windowScale).toBe(13);
  });
});

describe('parseTcpOptions', () => {
  const opts = (...bytes: number[]) => parseTcpOptions(Uint8Array.from(bytes), 0, bytes.length);

  it('stops at End of Option List and skips NOPs', () => {
    expect(opts(0, 2, 4, 5, 0xb4)).toEqual({});
    expect(opts(1, 1, 1, 2, 4, 5, 0xb4, 0, 99, 99)).toEqual({ mss: 1460 });
  });

  it('skips unknown options by their length', () => {
    expect(opts(30, 4, 0xaa, 0xbb, 2, 4, 1, 0)).toEqual({ mss: 256 });
    expect(opts(254, 2, 4, 2)).toEqual({ sackPermitted: true });
  });

  it('rejects a length below 2 or one that overruns the area, and a kind with no length byte', () => {
    expect(opts(2, 0, 0, 0)).toBeUndefined();
    expect(opts(2, 1, 0, 0)).toBeUndefined();
    expect(opts(2, 8, 5, 0xb4)).toBeUndefined();
    expect(opts(1, 1, 1, 8)).toBeUndefined();
    expect(opts(8, 10, 0, 0, 0, 0, 0, 0, 0)).toBeUndefined();
  });

  it('ignores a known option with the wrong length rather than trusting it', () => {
    expect(opts(2, 3, 5, 1)).toEqual({}); // MSS must be 4
    expect(opts(3, 4, 7, 0)).toEqual({}); // window scale must be 3
    expect(opts(4, 3, 0, 1)).toEqual({}); // SACK-permitted must be 2
    expect(opts(8, 8, 0, 0, 0, 1, 0, 0)).toEqual({}); // timestamps must be 10
    expect(opts(5, 9, 0, 0, 0, 1, 0, 0, 0)).toEqual({}); // SACK length must be 2 + 8n
    expect(opts(5, 2, 1, 1)).toEqual({}); // SACK with no block
  });

  it('honours the start/end bounds', () => {
    const buf = Uint8Array.of(2, 4, 5, 0xb4, 2, 4, 0, 100);
    expect(parseTcpOptions(buf, 4, 8)).toEqual({ mss: 100 });
    expect(parseTcpOptions(buf, 0, 3)).toBeUndefined();
  });
});

describe('malformed segments are rejected with the right reason', () => {
  it('tcp-truncated: fewer than 20 TCP bytes inside the IP total length', () => {
    const packet = encode({});
    const cut = packet.slice(0, 39);
    cut[3] = 39;
    fixIpChecksum(cut);
    expect(parseTcpSegment(cut)).toEqual({ ok: false, reason: 'tcp-truncated' });
    const ipOnly = packet.slice(0, 20);
    ipOnly[3] = 20;
    fixIpChecksum(ipOnly);
    expect(parseTcpSegment(ipOnly)).toEqual({ ok: false, reason: 'tcp-truncated' });
  });

  it('tcp-bad-data-offset: below 5 words or past the end of the segment', () => {
    for (const words of [0, 1, 4]) {
      const packet = encode({}, ascii('payload!'));
      packet[32] = words << 4;
      fixChecksums(packet);
      expect(parseTcpSegment(packet)).toEqual({ ok: false, reason: 'tcp-bad-data-offset' });
    }
    const packet = encode({}, ascii('abc')); // 23 TCP bytes
    packet[32] = 6 << 4; // claims 24
    fixChecksums(packet);
    expect(parseTcpSegment(packet)).toEqual({ ok: false, reason: 'tcp-bad-data-offset' });
    const fifteen = encode({});
    fifteen[32] = 15 << 4;
    expect(parseTcpSegment(fifteen)).toEqual({ ok: false, reason: 'tcp-bad-data-offset' });
  });

  it('accepts the largest data offset (15 words) when the segment is long enough', () => {
    const packet = rawTcpPacket({ optionBytes: new Array<number>(40).fill(1) });
    expect(packet[32] >>> 4).toBe(15);
    expect(parse(packet).options).toEqual({});
  });

  it('tcp-bad-checksum: a flipped bit anywhere in the TCP header or payload, or a wrong pseudo-header', () => {
    const good = encode({ options: { timestamps: { value: 1, echo: 2 } } }, ascii('some data here'));
    for (let byte = 20; byte < good.length; byte++) {
      if (byte === 32) continue; // data offset: a different reason
      const bad = good.slice();
      bad[byte] ^= 0x04;
      expect(parseTcpSegment(bad)).toEqual({ ok: false, reason: 'tcp-bad-checksum' });
    }
    const redirected = good.slice();
    redirected[19] ^= 1; // destination address is in the pseudo-header
    fixIpChecksum(redirected);
    expect(parseTcpSegment(redirected)).toEqual({ ok: false, reason: 'tcp-bad-checksum' });
  });

  it('tcp-bad-options: a malformed options area under a valid checksum', () => {
    for (const bytes of [
      [2, 0, 0, 0],
      [2, 1, 0, 0],
      [8, 10, 0, 0],
      [1, 1, 1, 2],
      [3, 5, 0, 0],
    ]) {
      expect(parseTcpSegment(rawTcpPacket({ optionBytes: bytes }))).toEqual({
        ok: false,
        reason: 'tcp-bad-options',
      });
    }
  });

  it('passes IPv4 reasons through', () => {
    const packet = encode({});
    packet[8] ^= 1;
    expect(parseTcpSegment(packet)).toEqual({ ok: false, reason: 'ip-bad-checksum' });
    expect(parseTcpSegment(new Uint8Array(3))).toEqual({ ok: false, reason: 'ip-truncated' });
    expect(parseTcpSegment(rawTcpPacket({ protocol: 17 }))).toEqual({ ok: false, reason: 'ip-not-tcp' });
  });
});

describe('formatFlags', () => {
  it('names every flag bit', () => {
    expect(formatFlags(SYN | ACK)).toBe('SYN,ACK');
    expect(formatFlags(FIN | PSH | ACK)).toBe('FIN,PSH,ACK');
    expect(formatFlags(RST | URG | ECE | CWR)).toBe('RST,URG,ECE,CWR');
    expect(formatFlags(0)).toBe('');
  });
});
