import { describe, expect, it } from 'vitest';
import { IpPacket, decodeIpPacket, decodeMessage, encodeIpPacket, encodeMessage } from './index.ts';

const sizes = [0, 1, 20, 127, 128, 1500, 9000, 16383, 16384, 65535, 2_097_151, 2_097_152];

function datagramOf(size: number): Uint8Array {
  const datagram = new Uint8Array(size);
  for (let i = 0; i < size; i++) datagram[i] = (i * 31 + 7) & 0xff;
  return datagram;
}

describe('IpPacket fast path', () => {
  it('encodes byte for byte as the generated encoder does, at every varint length boundary', () => {
    for (const size of sizes) {
      const datagram = datagramOf(size);
      const fast = Buffer.from(encodeIpPacket(datagram));
      expect(fast.equals(Buffer.from(encodeMessage(IpPacket, { datagram }))), `size ${size}`).toBe(true);
    }
  });

  it('decodes to the same datagram as the generated decoder', () => {
    for (const size of sizes) {
      const bytes = encodeIpPacket(datagramOf(size));
      const fast = decodeIpPacket(bytes);
      const generic = decodeMessage(IpPacket, bytes);
      expect(fast.ok && generic.ok, `size ${size}`).toBe(true);
      if (fast.ok && generic.ok) {
        expect(fast.message.protocolVersion).toBe(1);
        expect(Buffer.from(fast.message.datagram).equals(Buffer.from(generic.message.datagram))).toBe(true);
      }
    }
  });

  it('returns the datagram as a view into the received bytes, not a copy', () => {
    const bytes = encodeIpPacket(datagramOf(1500));
    const result = decodeIpPacket(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.message.datagram.buffer).toBe(bytes.buffer);
      // 0x08 0x01 0x12 and a two-byte length (1500) precede the datagram.
      expect(result.message.datagram.byteOffset).toBe(bytes.byteOffset + 5);
      expect(result.message.datagram.length).toBe(1500);
    }
  });

  it('accepts any valid layout through the generic decoder (fields reordered, unknown fields)', () => {
    const reordered = Uint8Array.of(0x12, 0x02, 0xab, 0xcd, 0x08, 0x01);
    expect(decodeIpPacket(reordered)).toMatchObject({
      ok: true,
      message: { datagram: Uint8Array.of(0xab, 0xcd) },
    });
    const withUnknown = Uint8Array.of(...encodeIpPacket(Uint8Array.of(1, 2, 3)), 0x18, 0x05);
    expect(decodeIpPacket(withUnknown)).toMatchObject({
      ok: true,
      message: { datagram: Uint8Array.of(1, 2, 3) },
    });
    // A length written in more bytes than needed is still valid protobuf.
    const nonMinimalLength = Uint8Array.of(0x08, 0x01, 0x12, 0x82, 0x00, 0xaa, 0xbb);
    expect(decodeIpPacket(nonMinimalLength)).toMatchObject({
      ok: true,
      message: { datagram: Uint8Array.of(0xaa, 0xbb) },
    });
  });

  it('drops what the generic decoder drops, for the same reason', () => {
    const bytes = encodeIpPacket(datagramOf(300));
    for (let cut = 3; cut < bytes.length; cut++) {
      expect(decodeIpPacket(bytes.subarray(0, cut)), `cut at ${cut}`).toMatchObject({
        ok: false,
        reason: 'truncated',
      });
    }
    expect(decodeIpPacket(Uint8Array.of(0x08, 0x02, 0x12, 0x01, 0x00))).toMatchObject({
      ok: false,
      reason: 'wrong-version',
    });
    expect(decodeIpPacket(Uint8Array.of(0x12, 0x01, 0x00))).toMatchObject({ ok: false, reason: 'malformed' });
    expect(decodeIpPacket(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'truncated' });
  });
});
