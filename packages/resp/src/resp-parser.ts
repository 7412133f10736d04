/**
 * An incremental RESP2 parser: feed it bytes as they arrive, in any split, and take the complete values out.
 * Garbage never throws: the first malformed byte becomes a protocol error (with its stream offset) and the parser
 * stops there, because RESP has no way to resynchronise. Limits bound memory and recursion on hostile input.
 * Parses replies and commands alike (both are RESP values).
 */
import type { RespValue } from './resp-value.ts';

export interface RespParserLimits {
  /** Largest bulk string accepted (Redis's proto-max-bulk-len default is 512 MiB). */
  maxBulkBytes: number;
  maxArrayLength: number;
  /** Nesting of arrays; recursion depth is bounded by it. */
  maxDepth: number;
  /** Longest header or simple-string line, CRLF excluded. */
  maxLineBytes: number;
}

export const DEFAULT_RESP_LIMITS: Readonly<RespParserLimits> = Object.freeze({
  maxBulkBytes: 512 * 1024 * 1024,
  maxArrayLength: 1 << 20,
  maxDepth: 32,
  maxLineBytes: 64 * 1024,
});

export interface RespProtocolError {
  reason: string;
  /** Offset in the whole byte stream fed so far of the byte where parsing failed. */
  offset: number;
}

export interface RespFeedResult {
  /** Complete values, in stream order. */
  values: RespValue[];
  /** Set once the stream is malformed; stays set, and later feeds yield nothing. */
  error: RespProtocolError | undefined;
}

const CR = 13;
const LF = 10;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INCOMPLETE = -1;
/** + - : $ * */
const TYPE_BYTES = new Set([0x2b, 0x2d, 0x3a, 0x24, 0x2a]);

class ParseFailure {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {}
}

const utf8 = new TextDecoder();

export class RespParser {
  private readonly limits: RespParserLimits;
  private buf = new Uint8Array(4096);
  private start = 0;
  private end = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  private failure: RespProtocolError | undefined;
  /** Value produced by the last successful parseAt. */
  private parsed: RespValue | undefined;

  constructor(limits: Partial<RespParserLimits> = {}) {
    this.limits = { ...DEFAULT_RESP_LIMITS, ...limits };
  }

  get error(): RespProtocolError | undefined {
    return this.failure;
  }

  /** Bytes held waiting for the rest of a value. */
  get bufferedBytes(): number {
    return this.end - this.start;
  }

  feed(chunk: Uint8Array): RespFeedResult {
    const values: RespValue[] = [];
    if (this.failure) return { values, error: this.failure };
    this.append(chunk);
    while (this.start < this.end) {
      let next: number;
      try {
        next = this.parseAt(this.start, 0);
      } catch (e) {
        if (!(e instanceof ParseFailure)) throw e;
        this.failure = { reason: e.reason, offset: this.base + e.position };
        this.buf = new Uint8Array(0);
        this.start = this.end = 0;
        break;
      }
      if (next === INCOMPLETE) break;
      values.push(this.parsed as RespValue);
      this.start = next;
    }
    if (this.start === this.end) {
      this.base += this.start;
      this.start = this.end = 0;
    }
    return { values, error: this.failure };
  }

  private append(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.buf.length) {
      const live = this.end - this.start;
      const needed = live + chunk.length;
      if (needed <= this.buf.length) {
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(needed, this.buf.length * 2));
        grown.set(this.buf.subarray(this.start, this.end), 0);
        this.buf = grown;
      }
      this.base += this.start;
      this.start = 0;
      this.end = live;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Parses one value at `pos`: its end position (value in `parsed`), or INCOMPLETE. */
  private parseAt(pos: number, depth: number): number {
    const type = this.buf[pos];
    // Reject a bad type byte at once rather than after waiting for a whole line.
    if (!TYPE_BYTES.has(type)) {
      throw new ParseFailure(`unknown RESP2 type byte 0x${type.toString(16).padStart(2, '0')}`, pos);
    }
    const line = this.readLine(pos + 1);
    if (line === INCOMPLETE) return INCOMPLETE;
    const lineEnd = this.lineEnd;
    switch (type) {
      case 0x2b: // '+'
        this.parsed = { type: 'simple', value: utf8.decode(this.buf.subarray(pos + 1, lineEnd)) };
        return line;
      case 0x2d: // '-'
        this.parsed = { type: 'error', message: utf8.decode(this.buf.subarray(pos + 1, lineEnd)) };
        return line;
      case 0x3a: // ':'
        this.parsed = { type: 'integer', value: this.integer(pos + 1, lineEnd) };
        return line;
      case 0x24: {
        // '$'
        const n = this.length(pos + 1, lineEnd, this.limits.maxBulkBytes, 'bulk string');
        if (n < 0) {
          this.parsed = { type: 'bulk', value: null };
          return line;
        }
        if (this.end - line < n + 2) return INCOMPLETE;
        if (this.buf[line + n] !== CR || this.buf[line + n + 1] !== LF) {
          throw new ParseFailure(`bulk string of ${n} bytes is not followed by CRLF`, line + n);
        }
        this.parsed = { type: 'bulk', value: this.buf.slice(line, line + n) };
        return line + n + 2;
      }
      case 0x2a: {
        // '*'
        const n = this.length(pos + 1, lineEnd, this.limits.maxArrayLength, 'array');
        if (n < 0) {
          this.parsed = { type: 'array', items: null };
          return line;
        }
        if (n > 0 && depth + 1 > this.limits.maxDepth) {
          throw new ParseFailure(`arrays nested deeper than ${this.limits.maxDepth}`, pos);
        }
        const items: RespValue[] = [];
        let at = line;
        for (let i = 0; i < n; i++) {
          if (at >= this.end) return INCOMPLETE;
          at = this.parseAt(at, depth + 1);
          if (at === INCOMPLETE) return INCOMPLETE;
          items.push(this.parsed as RespValue);
        }
        this.parsed = { type: 'array', items };
        return at;
      }
      default:
        throw new ParseFailure(`unknown RESP2 type byte 0x${type.toString(16).padStart(2, '0')}`, pos);
    }
  }

  /** End of the line's content, set by readLine. */
  private lineEnd = 0;

  /** Finds the CRLF ending the line that starts at `from`: the position after it, or INCOMPLETE. */
  private readLine(from: number): number {
    const limit = Math.min(this.end, from + this.limits.maxLineBytes + 1);
    for (let i = from; i < limit; i++) {
      const b = this.buf[i];
      if (b === LF) throw new ParseFailure('LF without CR in a line', i);
      if (b !== CR) continue;
      if (i + 1 >= this.end) return INCOMPLETE;
      if (this.buf[i + 1] !== LF) throw new ParseFailure('CR not followed by LF', i + 1);
      this.lineEnd = i;
      return i + 2;
    }
    if (this.end - from > this.limits.maxLineBytes) {
      throw new ParseFailure(`line longer than ${this.limits.maxLineBytes} bytes`, from);
    }
    return INCOMPLETE;
  }

  private integer(from: number, to: number): bigint {
    const text = latin1(this.buf, from, to);
    if (!/^-?[0-9]{1,19}$/.test(text))
      throw new ParseFailure(`invalid integer ${JSON.stringify(text)}`, from);
    const v = BigInt(text);
    if (v < INT64_MIN || v > INT64_MAX) throw new ParseFailure(`integer ${text} out of 64-bit range`, from);
    return v;
  }

  /** A bulk or array length: -1 (nil) or 0..max. */
  private length(from: number, to: number, max: number, what: string): number {
    const text = latin1(this.buf, from, to);
    if (!/^(-1|[0-9]{1,12})$/.test(text)) {
      throw new ParseFailure(`invalid ${what} length ${JSON.stringify(text)}`, from);
    }
    const n = Number(text);
    if (n > max) throw new ParseFailure(`${what} length ${n} exceeds the limit ${max}`, from);
    return n;
  }
}

function latin1(buf: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to && i - from < 32; i++) s += String.fromCharCode(buf[i]);
  return s;
}
