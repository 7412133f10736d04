/**
 * RESP2 reply encoding into one growing buffer per batch of requests (simple strings `+`, errors `-`, integers
 * `:`, bulk strings `$`, arrays `*`). Scratch space only: the bytes are handed to the connection (socket or
 * guest-memory output queue) before the event handler returns, so nothing here outlives a checkpoint.
 */
import type { GuestMemory } from '@vmha/machine';

const INITIAL = 16 * 1024;
/** A buffer grown past this for one big reply is dropped after use rather than kept. */
const KEEP = 1024 * 1024;
const CRLF = [0x0d, 0x0a] as const;

export class ReplyWriter {
  private buf = new Uint8Array(INITIAL);
  private used = 0;

  get length(): number {
    return this.used;
  }

  simple(text: string): void {
    this.ascii('+', text);
  }

  /** `text` is the whole error line after '-', e.g. "ERR syntax error"; line breaks in it become spaces. */
  error(text: string): void {
    this.ascii('-', text.replace(/[\r\n]/g, ' '));
  }

  integer(value: number | bigint): void {
    this.ascii(':', String(value));
  }

  bulk(data: Uint8Array): void {
    this.ascii('$', String(data.length));
    this.ensure(data.length + 2);
    this.buf.set(data, this.used);
    this.used += data.length;
    this.crlf();
  }

  bulkText(text: string): void {
    this.bulk(new TextEncoder().encode(text));
  }

  /** A bulk string copied straight from guest memory (no intermediate copy of large values). */
  bulkFromGuest(memory: GuestMemory, address: number, length: number): void {
    this.ascii('$', String(length));
    this.ensure(length + 2);
    memory.readInto(address, this.buf, this.used, length);
    this.used += length;
    this.crlf();
  }

  nullBulk(): void {
    this.ascii('$', '-1');
  }

  array(count: number): void {
    this.ascii('*', String(count));
  }

  /** The bytes written since the last take(); valid until the next write. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.used);
    this.used = 0;
    if (this.buf.length > KEEP) this.buf = new Uint8Array(INITIAL); // `out` keeps the big one alive for now
    return out;
  }

  private ascii(prefix: string, text: string): void {
    this.ensure(text.length + 3);
    const b = this.buf;
    let at = this.used;
    b[at++] = prefix.charCodeAt(0);
    for (let i = 0; i < text.length; i++) b[at++] = text.charCodeAt(i) & 0xff;
    b[at++] = CRLF[0];
    b[at++] = CRLF[1];
    this.used = at;
  }

  private crlf(): void {
    this.buf[this.used++] = CRLF[0];
    this.buf[this.used++] = CRLF[1];
  }

  private ensure(extra: number): void {
    const need = this.used + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.used));
    this.buf = grown;
  }
}
