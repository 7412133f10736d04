/**
 * The client side of RESP2, for workloads and tests that talk to the key-value server: encoding a command as an
 * array of bulk strings and decoding replies incrementally (a reply may arrive split across any number of
 * segments; a multi-MiB bulk reply is not re-scanned per segment).
 */

export type RespValue =
  | { readonly type: 'simple'; readonly value: string }
  | { readonly type: 'error'; readonly value: string }
  | { readonly type: 'integer'; readonly value: bigint }
  /** null is the nil bulk string ($-1). */
  | { readonly type: 'bulk'; readonly value: Uint8Array | null }
  /** null is the nil array (*-1). */
  | { readonly type: 'array'; readonly value: RespValue[] | null };

/** A reply that is not valid RESP2: the connection's byte stream is unusable from here on. */
export class RespDecodeError extends Error {
  override name = 'RespDecodeError';
}

const encoder = new TextEncoder();

/** `*<n>\r\n` then `$<len>\r\n<arg>\r\n` per argument; strings are sent as UTF-8. */
export function encodeRespCommand(args: ReadonlyArray<string | Uint8Array>): Uint8Array {
  const parts = args.map((a) => (typeof a === 'string' ? encoder.encode(a) : a));
  const heads = parts.map((p) => encoder.encode(`$${p.length}\r\n`));
  const top = encoder.encode(`*${parts.length}\r\n`);
  let size = top.length;
  for (let i = 0; i < parts.length; i++) size += heads[i].length + parts[i].length + 2;
  const out = new Uint8Array(size);
  out.set(top, 0);
  let at = top.length;
  for (let i = 0; i < parts.length; i++) {
    out.set(heads[i], at);
    at += heads[i].length;
    out.set(parts[i], at);
    at += parts[i].length;
    out[at++] = 0x0d;
    out[at++] = 0x0a;
  }
  return out;
}

type Parsed = { value: RespValue; end: number } | { need: number };

export class RespReplyParser {
  private buf = new Uint8Array(4096);
  private start = 0;
  private end = 0;
  /** Bytes the buffer must hold (from `start`) before parsing again can succeed. */
  private need = 0;

  /** Adds received bytes. */
  push(data: Uint8Array): void {
    const length = this.end - this.start;
    if (this.end + data.length > this.buf.length) {
      if (length + data.length <= this.buf.length / 2) {
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        let size = this.buf.length * 2;
        while (size < length + data.length) size *= 2;
        const grown = new Uint8Array(size);
        grown.set(this.buf.subarray(this.start, this.end));
        this.buf = grown;
      }
      this.start = 0;
      this.end = length;
    }
    this.buf.set(data, this.end);
    this.end += data.length;
  }

  /** Bytes received but not yet part of a complete reply. */
  get buffered(): number {
    return this.end - this.start;
  }

  /** The next complete reply, or undefined until more bytes arrive. Throws RespDecodeError on garbage. */
  next(): RespValue | undefined {
    if (this.end - this.start === 0 || this.end - this.start < this.need) return undefined;
    const parsed = this.parse(this.start);
    if ('need' in parsed) {
      this.need = parsed.need - this.start;
      return undefined;
    }
    this.need = 0;
    this.start = parsed.end;
    if (this.start === this.end) this.start = this.end = 0;
    return parsed.value;
  }

  /** Every complete reply available now. */
  drain(): RespValue[] {
    const out: RespValue[] = [];
    for (let v = this.next(); v; v = this.next()) out.push(v);
    return out;
  }

  private parse(pos: number): Parsed {
    const b = this.buf;
    if (pos >= this.end) return { need: pos + 3 };
    let cr = -1;
    for (let i = pos + 1; i + 1 < this.end; i++) {
      if (b[i] === 0x0d) {
        cr = i;
        break;
      }
    }
    if (cr < 0) return { need: this.end + 1 };
    if (b[cr + 1] !== 0x0a) throw new RespDecodeError(`expected LF after CR at ${cr}`);
    const line = Buffer.from(b.buffer, b.byteOffset + pos + 1, cr - pos - 1).toString('latin1');
    const after = cr + 2;
    switch (b[pos]) {
      case 0x2b: // +
        return { value: { type: 'simple', value: line }, end: after };
      case 0x2d: // -
        return { value: { type: 'error', value: line }, end: after };
      case 0x3a: // :
        if (!/^-?[0-9]+$/.test(line)) throw new RespDecodeError(`bad integer reply ${JSON.stringify(line)}`);
        return { value: { type: 'integer', value: BigInt(line) }, end: after };
      case 0x24: {
        // $
        const n = Number(line);
        if (!Number.isInteger(n) || n < -1)
          throw new RespDecodeError(`bad bulk length ${JSON.stringify(line)}`);
        if (n === -1) return { value: { type: 'bulk', value: null }, end: after };
        if (after + n + 2 > this.end) return { need: after + n + 2 };
        return { value: { type: 'bulk', value: b.slice(after, after + n) }, end: after + n + 2 };
      }
      case 0x2a: {
        // *
        const n = Number(line);
        if (!Number.isInteger(n) || n < -1)
          throw new RespDecodeError(`bad array length ${JSON.stringify(line)}`);
        if (n === -1) return { value: { type: 'array', value: null }, end: after };
        const items: RespValue[] = [];
        let at = after;
        for (let i = 0; i < n; i++) {
          const item = this.parse(at);
          if ('need' in item) return item;
          items.push(item.value);
          at = item.end;
        }
        return { value: { type: 'array', value: items }, end: at };
      }
      default:
        throw new RespDecodeError(`unknown reply type byte ${b[pos]}`);
    }
  }
}
