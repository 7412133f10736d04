/** IPv4 header encode/decode (RFC 791 §3.1). Options are accepted on input and never emitted. */
import { internetChecksum } from './checksum.ts';

export const IPV4_HEADER_BYTES = 20;
export const PROTOCOL_TCP = 6;

export type Ipv4Address = number;

/** Parses dotted-quad notation into an unsigned 32-bit address; throws a clear error on bad input. */
export function parseIpv4Address(text: string): Ipv4Address {
  const parts = text.split('.');
  if (parts.length !== 4) throw new Error(`invalid IPv4 address "${text}": expected four dotted octets`);
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      throw new Error(`invalid IPv4 address "${text}": octet "${part}" is not 0..255`);
    }
    value = value * 256 + Number(part);
  }
  return value >>> 0;
}

export function formatIpv4Address(addr: Ipv4Address): string {
  return `${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}`;
}

export function toIpv4Address(addr: string | number): Ipv4Address {
  if (typeof addr === 'number') {
    if (!Number.isInteger(addr) || addr < 0 || addr > 0xffffffff) {
      throw new Error(`invalid IPv4 address ${addr}: not an unsigned 32-bit integer`);
    }
    return addr >>> 0;
  }
  return parseIpv4Address(addr);
}

/** Why an IPv4 datagram was refused. */
export type Ipv4DropReason =
  | 'ip-truncated'
  | 'ip-bad-version'
  | 'ip-bad-header-length'
  | 'ip-bad-total-length'
  | 'ip-bad-checksum'
  | 'ip-fragment'
  | 'ip-not-tcp';

export interface Ipv4Header {
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  readonly protocol: number;
  readonly ttl: number;
  readonly headerBytes: number;
  /** Datagram length from the header (bytes past it in the buffer are link padding and ignored). */
  readonly totalBytes: number;
}

export type Ipv4ParseResult = { ok: true; header: Ipv4Header } | { ok: false; reason: Ipv4DropReason };

/** Validates and decodes an IPv4 header. Fragments are refused: the stack sets DF and never reassembles. */
export function parseIpv4Header(buf: Uint8Array): Ipv4ParseResult {
  if (buf.length < IPV4_HEADER_BYTES) return { ok: false, reason: 'ip-truncated' };
  const version = buf[0] >>> 4;
  if (version !== 4) return { ok: false, reason: 'ip-bad-version' };
  const headerBytes = (buf[0] & 0x0f) * 4;
  if (headerBytes < IPV4_HEADER_BYTES) return { ok: false, reason: 'ip-bad-header-length' };
  if (buf.length < headerBytes) return { ok: false, reason: 'ip-truncated' };
  const totalBytes = (buf[2] << 8) | buf[3];
  if (totalBytes < headerBytes) return { ok: false, reason: 'ip-bad-total-length' };
  if (totalBytes > buf.length) return { ok: false, reason: 'ip-truncated' };
  if (internetChecksum(buf, 0, headerBytes) !== 0) return { ok: false, reason: 'ip-bad-checksum' };
  const moreFragments = (buf[6] & 0x20) !== 0;
  const fragmentOffset = ((buf[6] & 0x1f) << 8) | buf[7];
  if (moreFragments || fragmentOffset !== 0) return { ok: false, reason: 'ip-fragment' };
  const protocol = buf[9];
  if (protocol !== PROTOCOL_TCP) return { ok: false, reason: 'ip-not-tcp' };
  const src = ((buf[12] << 24) | (buf[13] << 16) | (buf[14] << 8) | buf[15]) >>> 0;
  const dst = ((buf[16] << 24) | (buf[17] << 16) | (buf[18] << 8) | buf[19]) >>> 0;
  return { ok: true, header: { src, dst, protocol, ttl: buf[8], headerBytes, totalBytes } };
}

/**
 * Writes a 20-byte IPv4 header at buf[0..20) for a datagram of `totalBytes`, with DF set
 * (RFC 791: "don't fragment"; we rely on MSS, not fragmentation) and a correct header checksum.
 */
export function writeIpv4Header(
  buf: Uint8Array,
  src: Ipv4Address,
  dst: Ipv4Address,
  protocol: number,
  totalBytes: number,
  id: number,
  ttl = 64,
): void {
  buf[0] = 0x45;
  buf[1] = 0;
  buf[2] = totalBytes >>> 8;
  buf[3] = totalBytes & 0xff;
  buf[4] = (id >>> 8) & 0xff;
  buf[5] = id & 0xff;
  buf[6] = 0x40; // DF
  buf[7] = 0;
  buf[8] = ttl;
  buf[9] = protocol;
  buf[10] = 0;
  buf[11] = 0;
  buf[12] = src >>> 24;
  buf[13] = (src >>> 16) & 0xff;
  buf[14] = (src >>> 8) & 0xff;
  buf[15] = src & 0xff;
  buf[16] = dst >>> 24;
  buf[17] = (dst >>> 16) & 0xff;
  buf[18] = (dst >>> 8) & 0xff;
  buf[19] = dst & 0xff;
  const sum = internetChecksum(buf, 0, IPV4_HEADER_BYTES);
  buf[10] = sum >>> 8;
  buf[11] = sum & 0xff;
}
