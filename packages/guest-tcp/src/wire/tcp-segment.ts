/**
 * TCP segment encode/decode over IPv4 (RFC 9293 §3.1) with the options this stack speaks:
 * MSS (RFC 9293 §3.2), window scale and timestamps (RFC 7323 §2, §3), SACK-permitted and SACK (RFC 2018).
 */
import { finishChecksum, pseudoHeaderSum, sumWords } from './checksum.ts';
import { allocatePacket } from './packet-allocator.ts';
import {
  IPV4_HEADER_BYTES,
  PROTOCOL_TCP,
  parseIpv4Header,
  writeIpv4Header,
  type Ipv4Address,
  type Ipv4DropReason,
} from './ipv4.ts';

export const TCP_HEADER_BYTES = 20;
export const MAX_TCP_OPTION_BYTES = 40;

export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;
export const URG = 0x20;
export const ECE = 0x40;
export const CWR = 0x80;

const OPT_EOL = 0;
const OPT_NOP = 1;
const OPT_MSS = 2;
const OPT_WSCALE = 3;
const OPT_SACK_PERMITTED = 4;
const OPT_SACK = 5;
const OPT_TIMESTAMPS = 8;

/** RFC 7323 §2.3: a shift above 14 is treated as 14. */
export const MAX_WINDOW_SCALE = 14;

export interface TcpOptions {
  mss?: number;
  windowScale?: number;
  sackPermitted?: boolean;
  /** SACK blocks as [left, right) pairs, at most four (three beside timestamps). */
  sack?: ReadonlyArray<readonly [number, number]>;
  timestamps?: { readonly value: number; readonly echo: number };
}

/** A decoded segment. `payload` is a view into the input buffer: copy it before the buffer is reused. */
export interface TcpSegment {
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  /** The raw 16-bit window field (unscaled). */
  readonly window: number;
  readonly options: TcpOptions;
  readonly payload: Uint8Array;
}

export type TcpDropReason = 'tcp-truncated' | 'tcp-bad-data-offset' | 'tcp-bad-checksum' | 'tcp-bad-options';
export type SegmentDropReason = Ipv4DropReason | TcpDropReason;

export type SegmentParseResult = { ok: true; segment: TcpSegment } | { ok: false; reason: SegmentDropReason };

/** Parses the options area; returns undefined when it is malformed (a length that is < 2 or overruns). */
export function parseTcpOptions(buf: Uint8Array, start: number, end: number): TcpOptions | undefined {
  const options: { -readonly [K in keyof TcpOptions]: TcpOptions[K] } = {};
  let i = start;
  while (i < end) {
    const kind = buf[i];
    if (kind === OPT_EOL) break;
    if (kind === OPT_NOP) {
      i++;
      continue;
    }
    if (i + 1 >= end) return undefined;
    const len = buf[i + 1];
    if (len < 2 || i + len > end) return undefined;
    // A known option with the wrong length is ignored, as Linux does, rather than trusted.
    switch (kind) {
      case OPT_MSS:
        if (len === 4) options.mss = (buf[i + 2] << 8) | buf[i + 3];
        break;
      case OPT_WSCALE:
        if (len === 3) options.windowScale = Math.min(buf[i + 2], MAX_WINDOW_SCALE);
        break;
      case OPT_SACK_PERMITTED:
        if (len === 2) options.sackPermitted = true;
        break;
      case OPT_SACK:
        if (len >= 10 && (len - 2) % 8 === 0) {
          const blocks: Array<readonly [number, number]> = [];
          for (let b = i + 2; b < i + len; b += 8) blocks.push([readU32(buf, b), readU32(buf, b + 4)]);
          options.sack = blocks;
        }
        break;
      case OPT_TIMESTAMPS:
        if (len === 10) options.timestamps = { value: readU32(buf, i + 2), echo: readU32(buf, i + 6) };
        break;
      default:
        break; // unknown options are skipped (RFC 9293 §3.2: "must be prepared to handle")
    }
    i += len;
  }
  return options;
}

/** Decodes an IPv4 datagram carrying TCP; every failure is a counted reason, never an exception. */
export function parseTcpSegment(buf: Uint8Array): SegmentParseResult {
  const ip = parseIpv4Header(buf);
  if (!ip.ok) return ip;
  const { headerBytes, totalBytes, src, dst } = ip.header;
  const tcpStart = headerBytes;
  const tcpBytes = totalBytes - headerBytes;
  if (tcpBytes < TCP_HEADER_BYTES) return { ok: false, reason: 'tcp-truncated' };
  const dataOffset = (buf[tcpStart + 12] >>> 4) * 4;
  if (dataOffset < TCP_HEADER_BYTES || dataOffset > tcpBytes)
    return { ok: false, reason: 'tcp-bad-data-offset' };
  const sum = sumWords(buf, tcpStart, totalBytes, pseudoHeaderSum(src, dst, PROTOCOL_TCP, tcpBytes));
  if (finishChecksum(sum) !== 0) return { ok: false, reason: 'tcp-bad-checksum' };
  const options =
    dataOffset > TCP_HEADER_BYTES
      ? parseTcpOptions(buf, tcpStart + 20, tcpStart + dataOffset)
      : EMPTY_OPTIONS;
  if (options === undefined) return { ok: false, reason: 'tcp-bad-options' };
  return {
    ok: true,
    segment: {
      src,
      dst,
      srcPort: (buf[tcpStart] << 8) | buf[tcpStart + 1],
      dstPort: (buf[tcpStart + 2] << 8) | buf[tcpStart + 3],
      seq: readU32(buf, tcpStart + 4),
      ack: readU32(buf, tcpStart + 8),
      flags: buf[tcpStart + 13],
      window: (buf[tcpStart + 14] << 8) | buf[tcpStart + 15],
      options,
      payload: buf.subarray(tcpStart + dataOffset, totalBytes),
    },
  };
}

const EMPTY_OPTIONS: TcpOptions = Object.freeze({});

/** Bytes the options take on the wire, padded to a multiple of 4. */
export function optionBytes(options: TcpOptions): number {
  let n = 0;
  if (options.mss !== undefined) n += 4;
  if (options.windowScale !== undefined) n += 4; // NOP + 3
  if (options.sackPermitted) n += options.timestamps ? 2 : 4; // with TS: SACK-perm(2) packs beside TS(10)
  if (options.timestamps) n += options.sackPermitted ? 10 : 12; // NOP NOP TS, or SACKP TS
  if (options.sack && options.sack.length > 0) n += 4 + 8 * options.sack.length; // NOP NOP 5 len
  return n;
}

function writeOptions(buf: Uint8Array, at: number, options: TcpOptions): number {
  let i = at;
  if (options.mss !== undefined) {
    buf[i++] = OPT_MSS;
    buf[i++] = 4;
    buf[i++] = options.mss >>> 8;
    buf[i++] = options.mss & 0xff;
  }
  if (options.sackPermitted && options.timestamps) {
    buf[i++] = OPT_SACK_PERMITTED;
    buf[i++] = 2;
  } else if (options.sackPermitted) {
    buf[i++] = OPT_NOP;
    buf[i++] = OPT_NOP;
    buf[i++] = OPT_SACK_PERMITTED;
    buf[i++] = 2;
  }
  if (options.timestamps) {
    if (!options.sackPermitted) {
      buf[i++] = OPT_NOP;
      buf[i++] = OPT_NOP;
    }
    buf[i++] = OPT_TIMESTAMPS;
    buf[i++] = 10;
    writeU32(buf, i, options.timestamps.value);
    writeU32(buf, i + 4, options.timestamps.echo);
    i += 8;
  }
  if (options.windowScale !== undefined) {
    buf[i++] = OPT_NOP;
    buf[i++] = OPT_WSCALE;
    buf[i++] = 3;
    buf[i++] = options.windowScale;
  }
  if (options.sack && options.sack.length > 0) {
    buf[i++] = OPT_NOP;
    buf[i++] = OPT_NOP;
    buf[i++] = OPT_SACK;
    buf[i++] = 2 + 8 * options.sack.length;
    for (const [left, right] of options.sack) {
      writeU32(buf, i, left);
      writeU32(buf, i + 4, right);
      i += 8;
    }
  }
  return i - at;
}

export interface SegmentFields {
  src: Ipv4Address;
  dst: Ipv4Address;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  options?: TcpOptions;
  ipId?: number;
  ttl?: number;
}

/**
 * Encodes a complete IPv4+TCP datagram with valid checksums. The payload is `payloadLength` bytes that
 * `fillPayload` writes at the given offset (so a send buffer can copy straight into the packet).
 * The result may be a view into a shared slab: use its byteOffset/byteLength, not its `.buffer` alone.
 */
export function encodeTcpSegment(
  fields: SegmentFields,
  payloadLength = 0,
  fillPayload?: (buf: Uint8Array, at: number) => void,
): Uint8Array {
  const opts = fields.options ?? EMPTY_OPTIONS;
  const optLen = optionBytes(opts);
  if (optLen > MAX_TCP_OPTION_BYTES)
    throw new Error(`TCP options need ${optLen} bytes, over the 40-byte limit`);
  const tcpHeaderBytes = TCP_HEADER_BYTES + optLen;
  const tcpBytes = tcpHeaderBytes + payloadLength;
  const total = IPV4_HEADER_BYTES + tcpBytes;
  if (total > 0xffff) throw new Error(`IPv4 datagram of ${total} bytes exceeds 65535`);
  const buf = allocatePacket(total);
  writeIpv4Header(buf, fields.src, fields.dst, PROTOCOL_TCP, total, fields.ipId ?? 0, fields.ttl ?? 64);
  const t = IPV4_HEADER_BYTES;
  buf[t] = fields.srcPort >>> 8;
  buf[t + 1] = fields.srcPort & 0xff;
  buf[t + 2] = fields.dstPort >>> 8;
  buf[t + 3] = fields.dstPort & 0xff;
  writeU32(buf, t + 4, fields.seq);
  writeU32(buf, t + 8, fields.ack);
  buf[t + 12] = (tcpHeaderBytes / 4) << 4;
  buf[t + 13] = fields.flags;
  buf[t + 14] = (fields.window >>> 8) & 0xff;
  buf[t + 15] = fields.window & 0xff;
  if (optLen > 0) writeOptions(buf, t + TCP_HEADER_BYTES, opts);
  if (payloadLength > 0 && fillPayload) fillPayload(buf, t + tcpHeaderBytes);
  const sum = finishChecksum(
    sumWords(buf, t, total, pseudoHeaderSum(fields.src, fields.dst, PROTOCOL_TCP, tcpBytes)),
  );
  buf[t + 16] = sum >>> 8;
  buf[t + 17] = sum & 0xff;
  return buf;
}

export function readU32(buf: Uint8Array, at: number): number {
  return ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
}

export function writeU32(buf: Uint8Array, at: number, v: number): void {
  buf[at] = v >>> 24;
  buf[at + 1] = (v >>> 16) & 0xff;
  buf[at + 2] = (v >>> 8) & 0xff;
  buf[at + 3] = v & 0xff;
}

/** Human-readable flags, for logs and test failures: "SYN,ACK". */
export function formatFlags(flags: number): string {
  const names: Array<[number, string]> = [
    [SYN, 'SYN'],
    [FIN, 'FIN'],
    [RST, 'RST'],
    [PSH, 'PSH'],
    [ACK, 'ACK'],
    [URG, 'URG'],
    [ECE, 'ECE'],
    [CWR, 'CWR'],
  ];
  return names
    .filter(([bit]) => flags & bit)
    .map(([, name]) => name)
    .join(',');
}
