/**
 * RESP2 request framing (https://redis.io/docs/latest/develop/reference/protocol-spec/): a client sends an
 * array of bulk strings (`*<n>\r\n` then n times `$<len>\r\n<bytes>\r\n`), or an inline command, a line of
 * space-separated words. The checks and messages follow Redis's networking.c (processMultibulkBuffer,
 * processInlineBuffer), so clients see the errors Redis would give; every one of them closes the connection,
 * because after a framing error the rest of the byte stream cannot be trusted.
 *
 * Stateless: it parses from `pos` in a buffer and either returns one request or says how many bytes the buffer
 * must hold before trying again is worthwhile (so a multi-MiB value arriving in 1 KiB segments is not re-parsed
 * per segment).
 */
import { splitInlineArgs } from './inline-args.ts';

/** Longest inline command or `*`/`$` header line (Redis PROTO_INLINE_MAX_SIZE). */
export const MAX_INLINE_BYTES = 64 * 1024;
/** Most arguments in one request (Redis caps at 1024*1024 before authentication-free use too). */
export const MAX_MULTIBULK_LENGTH = 1024 * 1024;
/** Largest bulk argument (Redis proto-max-bulk-len default, 512 MB). */
export const MAX_BULK_LENGTH = 512 * 1024 * 1024;
/** The shortest possible bulk argument, `$0\r\n\r\n`, to bound what the rest of a request needs. */
const MIN_BULK_BYTES = 6;

const CR = 0x0d;
const LF = 0x0a;
const STAR = 0x2a;
const DOLLAR = 0x24;

export type ParsedRequest =
  /** A request; the arguments are views into the buffer (copy them to keep them past the next parse). */
  | { readonly kind: 'command'; readonly args: Uint8Array[]; readonly end: number }
  /** A blank inline line or an empty array: nothing to run. */
  | { readonly kind: 'empty'; readonly end: number }
  /** The buffer must reach `need` bytes (absolute length) before this request can be complete. */
  | { readonly kind: 'incomplete'; readonly need: number }
  /** A framing error; `message` is the reply text after "ERR ". */
  | { readonly kind: 'error'; readonly message: string };

export function parseRequest(buf: Uint8Array, pos: number): ParsedRequest {
  return buf[pos] === STAR ? parseMultibulk(buf, pos) : parseInline(buf, pos);
}

function parseMultibulk(buf: Uint8Array, pos: number): ParsedRequest {
  const header = headerLine(buf, pos, 'too big mbulk count string');
  if (header.kind !== 'line') return header;
  const count = parseLength(buf, pos + 1, header.cr);
  if (count === undefined || count > MAX_MULTIBULK_LENGTH) return protocolError('invalid multibulk length');
  let p = header.cr + 2;
  if (count <= 0) return { kind: 'empty', end: p };
  const args: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const rest = (count - i - 1) * MIN_BULK_BYTES;
    if (p >= buf.length) return { kind: 'incomplete', need: p + MIN_BULK_BYTES + rest };
    if (buf[p] !== DOLLAR) return protocolError(`expected '$', got '${printable(buf[p])}'`);
    const line = headerLine(buf, p, 'too big bulk count string');
    if (line.kind === 'incomplete')
      return { kind: 'incomplete', need: Math.max(line.need, p + MIN_BULK_BYTES + rest) };
    if (line.kind !== 'line') return line;
    const length = parseLength(buf, p + 1, line.cr);
    if (length === undefined || length < 0 || length > MAX_BULK_LENGTH)
      return protocolError('invalid bulk length');
    p = line.cr + 2;
    // Like Redis, the two bytes after the payload are skipped, not checked.
    if (p + length + 2 > buf.length) return { kind: 'incomplete', need: p + length + 2 + rest };
    args.push(buf.subarray(p, p + length));
    p += length + 2;
  }
  return { kind: 'command', args, end: p };
}

function parseInline(buf: Uint8Array, pos: number): ParsedRequest {
  const window = buf.subarray(pos, Math.min(buf.length, pos + MAX_INLINE_BYTES + 1));
  const nl = window.indexOf(LF);
  if (nl < 0) {
    if (buf.length - pos > MAX_INLINE_BYTES) return protocolError('too big inline request');
    return { kind: 'incomplete', need: buf.length + 1 };
  }
  const lineEnd = nl > 0 && window[nl - 1] === CR ? nl - 1 : nl;
  const args = splitInlineArgs(window.subarray(0, lineEnd));
  if (args === undefined) return protocolError('unbalanced quotes in request');
  const end = pos + nl + 1;
  return args.length === 0 ? { kind: 'empty', end } : { kind: 'command', args, end };
}

type HeaderLine =
  | { readonly kind: 'line'; readonly cr: number }
  | { readonly kind: 'incomplete'; readonly need: number }
  | { readonly kind: 'error'; readonly message: string };

/** Finds the `\r\n` ending a `*` or `$` line that starts at `pos`. */
function headerLine(buf: Uint8Array, pos: number, tooBig: string): HeaderLine {
  const window = buf.subarray(pos, Math.min(buf.length, pos + MAX_INLINE_BYTES + 2));
  const cr = window.indexOf(CR);
  if (cr < 0) {
    if (buf.length - pos > MAX_INLINE_BYTES) return protocolError(tooBig);
    return { kind: 'incomplete', need: buf.length + 1 };
  }
  if (pos + cr + 1 >= buf.length) return { kind: 'incomplete', need: pos + cr + 2 };
  return { kind: 'line', cr: pos + cr };
}

/** A length field by string2ll rules; undefined when it is not one. */
function parseLength(buf: Uint8Array, from: number, to: number): number | undefined {
  const n = to - from;
  if (n <= 0 || n > 20) return undefined;
  let i = from;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  if (i >= to) return undefined;
  if (buf[i] === 0x30) return to - i === 1 && !negative ? 0 : undefined; // "0" only; no leading zeros, no "-0"
  let value = 0;
  for (; i < to; i++) {
    const c = buf[i];
    if (c < 0x30 || c > 0x39) return undefined;
    value = value * 10 + (c - 0x30);
    if (value > 2 ** 53) return negative ? -Infinity : Infinity; // past any limit; exactness no longer matters
  }
  return negative ? -value : value;
}

function protocolError(detail: string): { kind: 'error'; message: string } {
  return { kind: 'error', message: `Protocol error: ${detail}` };
}

function printable(c: number): string {
  return c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
}
