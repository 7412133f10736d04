/**
 * Bulk-stream server (netperf TCP_STREAM style, port 5001). A client sends `STREAM <bytes> <seed>\r\n` and
 * receives exactly <bytes> bytes of stream <seed> (see bulk-stream.ts), then may send the next request on the
 * same connection; requests may be pipelined. Bytes are generated as send space frees, so nothing is buffered
 * in the program: its state per connection is (seed, offset, remaining) in guest memory, and a checkpoint taken
 * mid-transfer resumes at exactly the next byte.
 *
 * A malformed request gets `-ERR <reason>\r\n` and the connection is closed (in place of stream bytes, so a
 * client sees a short stream and the reason). End of input closes the connection once the streams asked for
 * before it have been sent.
 */
import type { ServerConnection } from '../server/server-connection.ts';
import { TcpServerProgram, type ServerProgramOptions } from '../server/tcp-server-program.ts';
import { writeSome } from '../server/socket-io.ts';
import { MAX_BULK_SEED, bulkStreamBytes } from './bulk-stream.ts';

const MAGIC = 0x4b4c5542; // "BULK"
const VERSION = 1;
/** Longest request line accepted, "\r\n" included. */
const MAX_REQUEST_LINE = 128;
/** Largest chunk generated per write. */
const WRITE_CHUNK = 256 * 1024;
// Root fields.
const R_BYTES = 0; // u64: stream bytes sent by all connections
const R_REQUESTS = 8; // u64: requests accepted
const R_BAD_REQUESTS = 16; // u64
// Connection fields.
const C_SEED = 0; // u64
const C_OFFSET = 8; // u64: next stream offset to send
const C_REMAINING = 16; // u64: bytes still owed for the current request

export interface BulkStreamStats {
  readonly bytesSent: number;
  readonly requests: number;
  readonly badRequests: number;
  readonly connections: number;
}

/** A connection's progress, as kept in guest memory. */
export interface BulkStreamProgress {
  readonly socketId: number;
  readonly seed: number;
  readonly offset: number;
  readonly remaining: number;
}

type ParsedRequest = { ok: true; bytes: number; seed: number } | { ok: false; reason: string };

export function parseStreamRequest(line: string): ParsedRequest {
  const m = /^STREAM ([0-9]{1,16}) ([0-9]{1,16})$/i.exec(line);
  if (!m) return { ok: false, reason: 'expected STREAM <bytes> <seed>' };
  const bytes = Number(m[1]);
  const seed = Number(m[2]);
  if (!Number.isSafeInteger(bytes)) return { ok: false, reason: 'byte count out of range' };
  if (!Number.isSafeInteger(seed) || seed > MAX_BULK_SEED) return { ok: false, reason: 'seed out of range' };
  return { ok: true, bytes, seed };
}

export class BulkStreamServer extends TcpServerProgram {
  readonly name: string;
  protected readonly rootMagic = MAGIC;
  protected readonly rootVersion = VERSION;
  protected readonly rootAppBytes = 24;
  protected readonly connectionAppBytes = 24;

  constructor(options: ServerProgramOptions & { name?: string } = {}) {
    super({ port: 5001, memoryBytes: 1 << 20 }, options);
    this.name = options.name ?? 'bulk-stream';
  }

  stats(): BulkStreamStats {
    const m = this.memory;
    const f = this.rootFields;
    return {
      bytesSent: m.readU64(f + R_BYTES),
      requests: m.readU64(f + R_REQUESTS),
      badRequests: m.readU64(f + R_BAD_REQUESTS),
      connections: this.serverStats().connections,
    };
  }

  protected initRoot(): void {}

  protected serviceConnection(conn: ServerConnection): void {
    const sock = conn.socket;
    const m = this.memory;
    while (conn.flush() && !conn.closing) {
      const remaining = m.readU64(conn.field(C_REMAINING));
      if (remaining > 0) {
        if (!this.sendStream(conn, remaining)) return;
        continue;
      }
      if (this.startNextRequest(conn)) continue;
      // Request lines are short: read a little at a time so later requests stay in the kernel's buffer.
      const data = sock.read(MAX_REQUEST_LINE);
      if (!data) {
        if (sock.readableEnded) conn.closeAfterOutput();
        return;
      }
      conn.input.append(data);
    }
  }

  /** Writes stream bytes while the socket takes them; false when it is full (a 'writable' event follows). */
  private sendStream(conn: ServerConnection, remaining: number): boolean {
    const sock = conn.socket;
    const room = sock.writableLength;
    if (room === 0) {
      writeSome(sock, new Uint8Array(0));
      return false;
    }
    const m = this.memory;
    const n = Math.min(room, remaining, WRITE_CHUNK);
    const offset = m.readU64(conn.field(C_OFFSET));
    if (writeSome(sock, bulkStreamBytes(m.readU64(conn.field(C_SEED)), offset, n)) !== n) return false;
    m.writeU64(conn.field(C_OFFSET), offset + n);
    m.writeU64(conn.field(C_REMAINING), remaining - n);
    m.writeU64(this.rootFields + R_BYTES, m.readU64(this.rootFields + R_BYTES) + n);
    return true;
  }

  /** Takes one complete request line from the input queue; false when there is none yet. */
  private startNextRequest(conn: ServerConnection): boolean {
    const queued = conn.input.peek(MAX_REQUEST_LINE);
    const nl = queued.indexOf(0x0a);
    if (nl < 0) {
      if (queued.length >= MAX_REQUEST_LINE) this.reject(conn, 'request line too long');
      return false;
    }
    conn.input.consume(nl + 1);
    const end = nl > 0 && queued[nl - 1] === 0x0d ? nl - 1 : nl;
    const request = parseStreamRequest(String.fromCharCode(...queued.subarray(0, end)));
    if (!request.ok) {
      this.reject(conn, request.reason);
      return false;
    }
    const m = this.memory;
    m.writeU64(conn.field(C_SEED), request.seed);
    m.writeU64(conn.field(C_OFFSET), 0);
    m.writeU64(conn.field(C_REMAINING), request.bytes);
    m.writeU64(this.rootFields + R_REQUESTS, m.readU64(this.rootFields + R_REQUESTS) + 1);
    return true;
  }

  private reject(conn: ServerConnection, reason: string): void {
    const m = this.memory;
    m.writeU64(this.rootFields + R_BAD_REQUESTS, m.readU64(this.rootFields + R_BAD_REQUESTS) + 1);
    conn.input.clear();
    conn.send(new TextEncoder().encode(`-ERR ${reason}\r\n`));
    conn.closeAfterOutput();
  }

  /** Every open connection's progress (from guest memory), for tests and diagnostics. */
  progress(): BulkStreamProgress[] {
    const m = this.memory;
    return this.connectionRecords().map(({ socketId, fields }) => ({
      socketId,
      seed: m.readU64(fields + C_SEED),
      offset: m.readU64(fields + C_OFFSET),
      remaining: m.readU64(fields + C_REMAINING),
    }));
  }
}
