/**
 * A compact, bounds-checked binary encoding for snapshots of the stack. Every read checks its bounds and a
 * malformed snapshot raises StateFormatError naming what was being read, never a crash or a silent default.
 */
import type { ByteQueue } from './byte-queue.ts';

export class StateFormatError extends Error {
  override name = 'StateFormatError';
}

export class StateWriter {
  private buf: Uint8Array;
  private view: DataView;
  private at = 0;

  /** `capacity`: what the state is expected to take (growing by doubling copies what was written so far). */
  constructor(capacity = 256) {
    this.buf = new Uint8Array(Math.max(16, capacity));
    this.view = new DataView(this.buf.buffer);
  }

  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): this {
    this.reserve(1);
    this.buf[this.at++] = v;
    return this;
  }

  bool(v: boolean): this {
    return this.u8(v ? 1 : 0);
  }

  u32(v: number): this {
    this.reserve(4);
    this.view.setUint32(this.at, v >>> 0);
    this.at += 4;
    return this;
  }

  f64(v: number): this {
    this.reserve(8);
    this.view.setFloat64(this.at, v);
    this.at += 8;
    return this;
  }

  /** A number that may be undefined (NaN is the marker, so finite values and infinities round-trip). */
  optF64(v: number | undefined): this {
    return this.f64(v === undefined ? Number.NaN : v);
  }

  /** Bytes written so far: where the next value starts in the finished state. */
  get offset(): number {
    return this.at;
  }

  bytes(v: Uint8Array): this {
    this.u32(v.length);
    this.reserve(v.length);
    this.buf.set(v, this.at);
    this.at += v.length;
    return this;
  }

  /** A queue's bytes, length-prefixed as `bytes()` writes them, copied once straight from the queue. */
  queue(q: Pick<ByteQueue, 'length' | 'copyTo'>): this {
    this.u32(q.length);
    this.reserve(q.length);
    if (q.length > 0) q.copyTo(this.buf, this.at, 0, q.length);
    this.at += q.length;
    return this;
  }

  string(v: string): this {
    return this.bytes(new TextEncoder().encode(v));
  }

  /** The state written, as a view (no copy of megabytes of queues): the writer is spent. */
  finish(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(0);
    this.view = new DataView(this.buf.buffer);
    this.at = 0;
    return out;
  }

  /** Leaves `n` zero bytes for the caller to fill after finish (a header of the record the state goes in). */
  skip(n: number): this {
    this.reserve(n);
    this.at += n;
    return this;
  }
}

export class StateReader {
  private readonly view: DataView;
  private at = 0;

  /**
   * `borrow`: byte fields are views of `buf`, not copies. Only for a state read to be checked and dropped: a
   * restored stack owns its queues, and the buffer it was read from may be reused.
   */
  constructor(
    private readonly buf: Uint8Array,
    private readonly options: { borrow?: boolean } = {},
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  private need(n: number, what: string): void {
    if (this.at + n > this.buf.length) {
      throw new StateFormatError(`snapshot truncated while reading ${what} at byte ${this.at}`);
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.buf[this.at++];
  }

  bool(what: string): boolean {
    const v = this.u8(what);
    if (v > 1) throw new StateFormatError(`snapshot field ${what} is ${v}, not a boolean`);
    return v === 1;
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.at);
    this.at += 4;
    return v;
  }

  f64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.at);
    this.at += 8;
    return v;
  }

  optF64(what: string): number | undefined {
    const v = this.f64(what);
    return Number.isNaN(v) ? undefined : v;
  }

  bytes(what: string): Uint8Array {
    const n = this.u32(`${what} length`);
    this.need(n, what);
    const view = this.buf.subarray(this.at, this.at + n);
    const v = this.options.borrow ? view : new Uint8Array(view); // a copy even when given a Buffer
    this.at += n;
    return v;
  }

  string(what: string): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes(what));
  }

  /** Asserts the whole input was consumed (trailing garbage is an error, not ignored). */
  end(): void {
    if (this.at !== this.buf.length) {
      throw new StateFormatError(`snapshot has ${this.buf.length - this.at} trailing bytes`);
    }
  }
}
