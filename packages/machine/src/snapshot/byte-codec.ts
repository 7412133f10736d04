/**
 * Little-endian binary writer and bounds-checked reader for snapshots and state records. Every read checks its
 * bounds and names what it was reading, so malformed bytes raise SnapshotFormatError, never a crash or a default.
 */
import { SnapshotFormatError } from '../errors.ts';

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private at = 0;

  constructor(initialBytes = 256) {
    this.buf = new Uint8Array(initialBytes);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.at;
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

  u32(v: number): this {
    this.reserve(4);
    this.view.setUint32(this.at, v >>> 0, true);
    this.at += 4;
    return this;
  }

  f64(v: number): this {
    this.reserve(8);
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
    return this;
  }

  /** A non-negative safe integer (counters, addresses, sizes), stored as a float64 so 2^53 fits. */
  u53(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`u53 field value ${v} is not a safe unsigned integer`);
    return this.f64(v);
  }

  /** Bytes without a length prefix (the reader must know the length). */
  raw(v: Uint8Array): this {
    this.reserve(v.length);
    this.buf.set(v, this.at);
    this.at += v.length;
    return this;
  }

  /** Length-prefixed bytes. */
  bytes(v: Uint8Array): this {
    return this.u32(v.length).raw(v);
  }

  string(v: string): this {
    return this.bytes(new TextEncoder().encode(v));
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
}

export class ByteReader {
  private readonly view: DataView;
  private at = 0;

  constructor(
    private readonly buf: Uint8Array,
    /** Names the thing being read in error messages ("vCPU record", "snapshot"). */
    private readonly what: string,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get offset(): number {
    return this.at;
  }

  get remaining(): number {
    return this.buf.length - this.at;
  }

  private need(n: number, field: string): void {
    if (n > this.buf.length - this.at) {
      throw new SnapshotFormatError(`${this.what} truncated while reading ${field} at byte ${this.at}`);
    }
  }

  u8(field: string): number {
    this.need(1, field);
    return this.buf[this.at++];
  }

  u32(field: string): number {
    this.need(4, field);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }

  f64(field: string): number {
    this.need(8, field);
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }

  /** A finite float64 (virtual times): NaN or an infinity is corruption, not a value. */
  finite(field: string): number {
    const v = this.f64(field);
    if (!Number.isFinite(v))
      throw new SnapshotFormatError(`${this.what} field ${field} is ${v}, not a finite number`);
    return v;
  }

  u53(field: string): number {
    const v = this.f64(field);
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new SnapshotFormatError(`${this.what} field ${field} is ${v}, not a non-negative integer`);
    }
    return v;
  }

  /** A view of the next n bytes (no copy: valid while the input is). */
  raw(n: number, field: string): Uint8Array {
    this.need(n, field);
    const v = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }

  /** Length-prefixed bytes, as a view into the input. */
  bytes(field: string): Uint8Array {
    const n = this.u32(`${field} length`);
    return this.raw(n, field);
  }

  string(field: string): string {
    const b = this.bytes(field);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      throw new SnapshotFormatError(`${this.what} field ${field} is not valid UTF-8`);
    }
  }

  /** Asserts the whole input was consumed (trailing garbage is an error, not ignored). */
  end(): void {
    if (this.at !== this.buf.length) {
      throw new SnapshotFormatError(`${this.what} has ${this.buf.length - this.at} trailing bytes`);
    }
  }
}

/** Four ASCII characters as the u32 a record starts with ("VCPU" → 0x56435055). */
export function fourcc(text: string): number {
  if (text.length !== 4) throw new Error(`fourcc needs 4 characters, got '${text}'`);
  return (
    ((text.charCodeAt(0) << 24) |
      (text.charCodeAt(1) << 16) |
      (text.charCodeAt(2) << 8) |
      text.charCodeAt(3)) >>>
    0
  );
}

/**
 * Every state record starts with its magic and version (Firecracker keeps each device's state versioned on its
 * own, so one device's format can change without touching the others).
 */
export function writeRecordHeader(w: ByteWriter, magic: string, version: number): void {
  w.u32(fourcc(magic)).u32(version);
}

/** Checks a record's magic and version; a future or unknown version is a clear error, never a guess. */
/** Reads a record header whose version may be any of `versions` (older ones a reader still accepts); returns it. */
export function readRecordVersion(
  r: ByteReader,
  magic: string,
  versions: readonly number[],
  what: string,
): number {
  const m = r.u32('magic');
  if (m !== fourcc(magic)) throw new SnapshotFormatError(`not a ${what} (bad magic 0x${m.toString(16)})`);
  const version = r.u32('version');
  if (!versions.includes(version)) {
    throw new SnapshotFormatError(
      `${what} version ${version} is not supported (this build reads version${versions.length > 1 ? 's' : ''} ${versions.join(', ')})`,
    );
  }
  return version;
}

export function readRecordHeader(r: ByteReader, magic: string, supportedVersion: number, what: string): void {
  readRecordVersion(r, magic, [supportedVersion], what);
}
