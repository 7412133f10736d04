import { describe, expect, it } from 'vitest';
import {
  IpPacket,
  PROTOCOL_VERSION,
  decodeIpPacket,
  decodeMessage,
  encodeIpPacket,
  encodeMessage,
} from './index.ts';

const sizes = [0, 1, 20, 127, 128, 1500, 9000, 16383, 16384, 65535, 2_097_151, 2_097_152];

function datagramOf(size: number, salt = 0): Uint8Array {
  const datagram = new Uint8Array(size);
  for (let i = 0; i < size; i++) datagram[i] = (i * 31 + 7 + salt) & 0xff;
  return datagram;
}

const bursts: Uint8Array[][] = [
  [],
  ...sizes.map((size) => [datagramOf(size)]),
  [datagramOf(1500, 1), datagramOf(40, 2), datagramOf(0), datagramOf(9000, 3)],
  Array.from({ length: 64 }, (_, i) => datagramOf(1500, i)),
];

function hex(datagrams: Uint8Array[]): string[] {
  return datagrams.map((d) => Buffer.from(d).toString('hex'));
}

describe('IpPacket fast path', () => {
  it('encodes byte for byte as the generated encoder does, for bursts of every shape and length boundary', () => {
    for (const datagrams of bursts) {
      const fast = Buffer.from(encodeIpPacket(datagrams));
      const generic = Buffer.from(encodeMessage(IpPacket, { datagrams }));
      expect(fast.equals(generic), `burst of ${datagrams.map((d) => d.length).join(',')}`).toBe(true);
    }
  });

  it('decodes to the same datagrams, in order, as the generated decoder', () => {
    for (const datagrams of bursts) {
      const bytes = encodeIpPacket(datagrams);
      const fast = decodeIpPacket(bytes);
      const generic = decodeMessage(IpPacket, bytes);
      expect(fast.ok && generic.ok).toBe(true);
      if (fast.ok && generic.ok) {
        expect(fast.message.protocolVersion).toBe(PROTOCOL_VERSION);
        expect(hex(fast.message.datagrams)).toEqual(hex(datagrams));
        expect(hex(generic.message.datagrams)).toEqual(hex(datagrams));
      }
    }
  });

  it('returns each datagram as a view into the received bytes, not a copy', () => {
    const bytes = encodeIpPacket([datagramOf(1500), datagramOf(60)]);
    const result = decodeIpPacket(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const [first, second] = result.message.datagrams;
      expect(first.buffer).toBe(bytes.buffer);
      // 0x08 <version> 0x12 and a two-byte length (1500) precede the first datagram; 0x12 0x3c the second.
      expect(first.byteOffset).toBe(bytes.byteOffset + 5);
      expect(first.length).toBe(1500);
      expect(second.byteOffset).toBe(bytes.byteOffset + 5 + 1500 + 2);
      expect(second.length).toBe(60);
    }
  });

  it('accepts any valid layout through the generic decoder (fields reordered, unknown fields)', () => {
    const reordered = Uint8Array.of(0x12, 0x02, 0xab, 0xcd, 0x08, PROTOCOL_VERSION);
    expect(decodeIpPacket(reordered)).toMatchObject({
      ok: true,
      message: { datagrams: [Uint8Array.of(0xab, 0xcd)] },
    });
    const withUnknown = Uint8Array.of(...encodeIpPacket([Uint8Array.of(1, 2, 3)]), 0x18, 0x05);
    expect(decodeIpPacket(withUnknown)).toMatchObject({
      ok: true,
      message: { datagrams: [Uint8Array.of(1, 2, 3)] },
    });
    // A length written in more bytes than needed is still valid protobuf.
    const nonMinimalLength = Uint8Array.of(
      0x08,
      PROTOCOL_VERSION,
      0x12,
      0x82,
      0x00,
      0xaa,
      0xbb,
      0x12,
      0x01,
      0xcc,
    );
    expect(decodeIpPacket(nonMinimalLength)).toMatchObject({
      ok: true,
      message: { datagrams: [Uint8Array.of(0xaa, 0xbb), Uint8Array.of(0xcc)] },
    });
  });

  it('drops what the generic decoder drops, for the same reason', () => {
    const bytes = encodeIpPacket([datagramOf(300), datagramOf(200)]);
    for (let cut = 3; cut < bytes.length; cut++) {
      // Cutting exactly between the two datagrams leaves a valid burst of one.
      if (cut === 2 + 3 + 300) continue;
      expect(decodeIpPacket(bytes.subarray(0, cut)), `cut at ${cut}`).toMatchObject({
        ok: false,
        reason: 'truncated',
      });
    }
    expect(decodeIpPacket(Uint8Array.of(0x08, PROTOCOL_VERSION + 1, 0x12, 0x01, 0x00))).toMatchObject({
      ok: false,
      reason: 'wrong-version',
    });
    expect(decodeIpPacket(Uint8Array.of(0x08, 0x01, 0x12, 0x01, 0x00))).toMatchObject({
      ok: false,
      reason: 'wrong-version',
    });
    expect(decodeIpPacket(Uint8Array.of(0x12, 0x01, 0x00))).toMatchObject({ ok: false, reason: 'malformed' });
    expect(decodeIpPacket(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'truncated' });
  });
});
