import { describe, expect, it } from 'vitest';
import { fixIpChecksum } from '../testing/scripted-peer.ts';
import { internetChecksum } from './checksum.ts';
import {
  IPV4_HEADER_BYTES,
  formatIpv4Address,
  parseIpv4Address,
  parseIpv4Header,
  toIpv4Address,
  writeIpv4Header,
} from './ipv4.ts';

const hex = (s: string): Uint8Array =>
  Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (h) => parseInt(h, 16));

/** A valid 40-byte TCP datagram header (payload zeros): 10.0.0.1 -> 10.0.0.2, id 1, TTL 64, DF. */
function validDatagram(total = 40): Uint8Array {
  const buf = new Uint8Array(total);
  writeIpv4Header(buf, 0x0a000001, 0x0a000002, 6, total, 1, 64);
  return buf;
}

describe('IPv4 addresses', () => {
  it('parses and formats dotted quads, round-tripping the extremes', () => {
    expect(parseIpv4Address('10.0.0.1')).toBe(0x0a000001);
    expect(parseIpv4Address('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4Address('0.0.0.0')).toBe(0);
    expect(formatIpv4Address(0xc0a800c7)).toBe('192.168.0.199');
    expect(formatIpv4Address(0xffffffff)).toBe('255.255.255.255');
    for (const a of ['1.2.3.4', '128.0.0.1', '254.253.252.251']) {
      expect(formatIpv4Address(parseIpv4Address(a))).toBe(a);
    }
  });

  it('rejects malformed text and out-of-range numbers with a clear error', () => {
    for (const bad of [
      '1.2.3',
      '1.2.3.4.5',
      '256.0.0.1',
      '1.2.3.x',
      '1..2.3',
      '-1.0.0.0',
      '',
      '1.2.3.1234',
    ]) {
      expect(() => parseIpv4Address(bad)).toThrow(/invalid IPv4 address/);
    }
    expect(() => toIpv4Address(-1)).toThrow(/unsigned 32-bit/);
    expect(() => toIpv4Address(2 ** 32)).toThrow(/unsigned 32-bit/);
    expect(() => toIpv4Address(1.5)).toThrow(/unsigned 32-bit/);
    expect(toIpv4Address(0xffffffff)).toBe(0xffffffff);
    expect(toIpv4Address('10.0.0.2')).toBe(0x0a000002);
  });
});

describe('writeIpv4Header', () => {
  it('writes the hand-computed header for 10.0.0.1 -> 10.0.0.2, 40 bytes, id 1, TTL 64, DF (checksum 26cd)', () => {
    const buf = validDatagram(40);
    // Words 4500 0028 0001 4000 4006 0000 0a00 0001 0a00 0002 sum to d932; the complement is 26cd.
    expect(buf.subarray(0, 20)).toEqual(hex('4500 0028 0001 4000 4006 26cd 0a00 0001 0a00 0002'));
    expect(internetChecksum(buf, 0, 20)).toBe(0);
  });

  it('round-trips through parseIpv4Header', () => {
    const buf = new Uint8Array(100);
    writeIpv4Header(buf, 0xc0a80001, 0x08080808, 6, 100, 0xbeef, 17);
    const r = parseIpv4Header(buf);
    expect(r).toEqual({
      ok: true,
      header: { src: 0xc0a80001, dst: 0x08080808, protocol: 6, ttl: 17, headerBytes: 20, totalBytes: 100 },
    });
    expect(buf[4]).toBe(0xbe);
    expect(buf[5]).toBe(0xef);
    expect(buf[6] & 0x40).toBe(0x40); // DF
  });
});

describe('parseIpv4Header rejects with the right reason', () => {
  it('ip-truncated: shorter than 20 bytes, shorter than IHL, or shorter than total length', () => {
    expect(parseIpv4Header(new Uint8Array(19))).toEqual({ ok: false, reason: 'ip-truncated' });
    expect(parseIpv4Header(new Uint8Array(0))).toEqual({ ok: false, reason: 'ip-truncated' });
    const ihl = validDatagram(40).subarray(0, 20).slice();
    ihl[0] = 0x46; // IHL 24 bytes but only 20 present
    expect(parseIpv4Header(ihl)).toEqual({ ok: false, reason: 'ip-truncated' });
    const short = validDatagram(40).subarray(0, 39).slice();
    expect(parseIpv4Header(short)).toEqual({ ok: false, reason: 'ip-truncated' });
  });

  it('ip-bad-version', () => {
    const buf = validDatagram();
    buf[0] = 0x65;
    fixIpChecksum(buf);
    expect(parseIpv4Header(buf)).toEqual({ ok: false, reason: 'ip-bad-version' });
  });

  it('ip-bad-header-length: IHL below 5', () => {
    for (const ihl of [0, 1, 4]) {
      const buf = validDatagram();
      buf[0] = 0x40 | ihl;
      expect(parseIpv4Header(buf)).toEqual({ ok: false, reason: 'ip-bad-header-length' });
    }
  });

  it('ip-bad-total-length: total length below the header length', () => {
    const buf = validDatagram();
    buf[2] = 0;
    buf[3] = 19;
    fixIpChecksum(buf);
    expect(parseIpv4Header(buf)).toEqual({ ok: false, reason: 'ip-bad-total-length' });
  });

  it('ip-bad-checksum: any corrupted header byte', () => {
    const buf = validDatagram();
    buf[8] ^= 1; // TTL
    expect(parseIpv4Header(buf)).toEqual({ ok: false, reason: 'ip-bad-checksum' });
    const buf2 = validDatagram();
    buf2[11] ^= 0x10; // the checksum itself
    expect(parseIpv4Header(buf2)).toEqual({ ok: false, reason: 'ip-bad-checksum' });
  });

  it('ip-fragment: more-fragments set or a non-zero offset', () => {
    const mf = validDatagram();
    mf[6] = 0x20;
    fixIpChecksum(mf);
    expect(parseIpv4Header(mf)).toEqual({ ok: false, reason: 'ip-fragment' });
    const off = validDatagram();
    off[6] = 0x40;
    off[7] = 0x01;
    fixIpChecksum(off);
    expect(parseIpv4Header(off)).toEqual({ ok: false, reason: 'ip-fragment' });
    const highOffset = validDatagram();
    highOffset[6] = 0x1f;
    fixIpChecksum(highOffset);
    expect(parseIpv4Header(highOffset)).toEqual({ ok: false, reason: 'ip-fragment' });
  });

  it('ip-not-tcp: the valid UDP header of the RFC 1071 example', () => {
    const udp = hex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7');
    const buf = new Uint8Array(0x73);
    buf.set(udp);
    expect(parseIpv4Header(buf)).toEqual({ ok: false, reason: 'ip-not-tcp' });
  });

  it('accepts IP options (IHL 6) and ignores link padding past the total length', () => {
    const buf = new Uint8Array(60);
    buf[0] = 0x46;
    buf[2] = 0;
    buf[3] = 44;
    buf[6] = 0x40;
    buf[8] = 64;
    buf[9] = 6;
    buf.set([10, 0, 0, 1, 10, 0, 0, 2], 12);
    buf.set([1, 1, 1, 0], 20); // NOP NOP NOP EOL
    fixIpChecksum(buf);
    const r = parseIpv4Header(buf);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.header.headerBytes).toBe(24);
      expect(r.header.totalBytes).toBe(44);
    }
    expect(IPV4_HEADER_BYTES).toBe(20);
  });
});
