/**
 * Bulk download from the guest's bulk-stream server (port 5001): send `STREAM <bytes> <seed>\r\n`, receive
 * exactly <bytes> bytes, hash them with a running SHA-256 and compare them with the expected seeded stream as
 * they arrive, so a corrupt byte is reported at its offset without holding the stream in memory.
 */
import { createHash } from 'node:crypto';
import { BulkStreamGenerator } from '@vmha/guest-apps';
import type { TcpSocket } from '@vmha/guest-tcp';
import { ConnectionWatch } from '../checkers/connection-watch.ts';
import { ViolationLog, type Violation } from '../checkers/violations.ts';
import type { ClientHost } from '../host/client-host.ts';
import { ProgressReporter, type TransferProgress } from './progress.ts';
import { Completion, type WorkloadRun } from './workload-run.ts';

/** Random access to a seeded stream: `length` bytes from `offset` (the shape of guest-apps' `bulkStreamBytes`). */
export type BulkStreamBytes = (seed: number, offset: number, length: number) => Uint8Array;

/** A seeded stream read in order (the shape of guest-apps' `BulkStreamGenerator`). */
export type BulkStreamSource = (seed: number) => { next(length: number): Uint8Array };

/** What the received stream is checked against. */
export type BulkVerification =
  /** Byte by byte against a sequential source; default guest-apps' generator, the stream the server sends. */
  | { kind: 'stream'; source?: BulkStreamSource }
  /** Byte by byte against a random-access generator. */
  | { kind: 'bytes'; bytesAt: BulkStreamBytes }
  /** Only the SHA-256 at the end (no offset for a bad byte, no CPU spent generating the stream). */
  | { kind: 'sha256'; digest: string };

const guestAppsStream: BulkStreamSource = (seed) => new BulkStreamGenerator(seed);

export const BULK_STREAM_PORT = 5001;

export interface BulkDownloadOptions {
  address: string | number;
  /** Default 5001. */
  port?: number;
  bytes: number;
  seed: number;
  /** Default { kind: 'stream' }: every byte against guest-apps' stream. */
  verify?: BulkVerification;
  onProgress?: (progress: TransferProgress) => void;
  /** Default 1000 ms. */
  progressIntervalMs?: number;
  /** Names the connection in violations; default `bulk <address>:<port>`. */
  label?: string;
}

export interface BulkDownloadResult {
  kind: 'bulk-download';
  requestedBytes: number;
  /** Bytes received, including any beyond the requested length. */
  receivedBytes: number;
  /** Hex SHA-256 of the first `requestedBytes` bytes received. */
  sha256: string;
  /** Every byte arrived, matched, and the connection ended cleanly. */
  verified: boolean;
  firstMismatchOffset: number | undefined;
  /** From connect to the last byte. */
  durationMs: number;
  throughputBytesPerSecond: number;
  stopped: boolean;
  violations: Violation[];
}

export function startBulkDownload(
  host: ClientHost,
  options: BulkDownloadOptions,
): WorkloadRun<BulkDownloadResult> {
  const { bytes, seed } = options;
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new Error(`invalid bulk length ${bytes}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`invalid bulk seed ${seed}`);
  const verify = options.verify ?? { kind: 'stream' };
  const expected = expectedStream(verify, seed);
  const port = options.port ?? BULK_STREAM_PORT;
  const label = options.label ?? `bulk ${String(options.address)}:${port}`;
  const log = new ViolationLog(() => host.now());
  const hash = createHash('sha256');
  const startedAt = host.now();
  const progress = new ProgressReporter(
    startedAt,
    bytes,
    options.progressIntervalMs ?? 1000,
    options.onProgress,
  );
  let received = 0;
  let excess = 0;
  let firstMismatch: number | undefined;
  let lastByteAt = startedAt;
  let closing = false;
  let socket!: TcpSocket;
  let watch!: ConnectionWatch;

  let stopping = false;
  const completion = new Completion<BulkDownloadResult>(() => {
    stopping = true; // the abort below ends the socket at once: that end is ours, not a truncated stream
    watch.silence();
    host.run(() => socket.abort());
    finish(true);
  });

  const closeOurSide = (): void => {
    if (closing) return;
    closing = true;
    watch.expectEnd();
    socket.close();
  };

  const onReadable = (): void => {
    let chunk: Uint8Array | null;
    while ((chunk = socket.read()) !== null) {
      const inRange = Math.min(chunk.length, bytes - received);
      excess += chunk.length - inRange;
      if (inRange > 0) {
        const part = inRange === chunk.length ? chunk : chunk.subarray(0, inRange);
        hash.update(part);
        // Once a byte is wrong the offset is reported; later comparisons would say nothing new.
        if (expected && firstMismatch === undefined) {
          const at = firstDifference(part, expected.next(inRange));
          if (at >= 0) {
            firstMismatch = received + at;
            log.record(
              { kind: 'bulk-corrupt', connection: label, offset: firstMismatch },
              `${label}: byte ${firstMismatch} of the stream differs from the expected stream`,
            );
          }
        }
        received += inRange;
        lastByteAt = host.now();
        progress.update(lastByteAt, received, received === bytes);
      }
    }
    if (received === bytes) closeOurSide();
  };

  const finish = (stoppedHere: boolean): void => {
    if (completion.finished) return;
    const stopped = stoppedHere || stopping;
    const sha256 = hash.digest('hex');
    if (!stopped && (received < bytes || excess > 0)) {
      log.record(
        { kind: 'bulk-length', connection: label, expected: bytes, received: received + excess },
        `${label}: asked for ${bytes} bytes, received ${received + excess}`,
      );
    }
    if (!stopped && verify.kind === 'sha256' && received === bytes && sha256 !== verify.digest) {
      log.record(
        { kind: 'bulk-digest', connection: label, expected: verify.digest, actual: sha256 },
        `${label}: SHA-256 ${sha256} differs from the expected ${verify.digest}`,
      );
    }
    const durationMs = lastByteAt - startedAt;
    completion.finish({
      kind: 'bulk-download',
      requestedBytes: bytes,
      receivedBytes: received + excess,
      sha256,
      verified: !stopped && log.count === 0 && received === bytes,
      firstMismatchOffset: firstMismatch,
      durationMs,
      throughputBytesPerSecond: durationMs > 0 ? (received * 1000) / durationMs : 0,
      stopped,
      violations: log.list,
    });
  };

  host.run(() => {
    socket = host.stack.connect(options.address, port, { noDelay: true });
    watch = new ConnectionWatch(socket, label, log);
    socket.write(new TextEncoder().encode(`STREAM ${bytes} ${seed}\r\n`));
    socket.on('connect', () => {
      if (bytes === 0) closeOurSide();
    });
    socket.on('readable', onReadable);
    socket.on('end', () => {
      // A FIN before the last byte is a truncated stream (the watch records the unexpected close).
      closeOurSide();
      finish(false);
    });
    socket.on('close', () => finish(false));
  });
  return completion;
}

function expectedStream(
  verify: BulkVerification,
  seed: number,
): { next(length: number): Uint8Array } | undefined {
  switch (verify.kind) {
    case 'stream':
      return readAhead((verify.source ?? guestAppsStream)(seed));
    case 'bytes': {
      let offset = 0;
      return {
        next(length) {
          const out = verify.bytesAt(seed, offset, length);
          offset += length;
          return out;
        },
      };
    }
    case 'sha256':
      return undefined;
  }
}

/**
 * Reads the expected stream 1 MiB at a time and hands out views: packets arrive ~1.4 KB at a time, and generating
 * the stream (AES-CTR) per packet spent more on call overhead than on the cipher.
 */
function readAhead(
  source: { next(length: number): Uint8Array },
  blockBytes = 1 << 20,
): { next(length: number): Uint8Array } {
  let block: Uint8Array = new Uint8Array(0);
  let at = 0;
  return {
    next(length) {
      if (block.length - at >= length) {
        at += length;
        return block.subarray(at - length, at);
      }
      const rest = block.subarray(at);
      const fresh = source.next(Math.max(blockBytes, length - rest.length));
      block = rest.length ? Buffer.concat([rest, fresh]) : fresh;
      at = length;
      return block.subarray(0, length);
    },
  };
}

/** Index of the first differing byte, or -1. Buffer.equals is native, so the byte loop only runs on a mismatch. */
function firstDifference(actual: Uint8Array, expected: Uint8Array): number {
  const a = Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength);
  const e = Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength);
  if (a.length === e.length && a.equals(e)) return -1;
  const n = Math.min(a.length, e.length);
  for (let i = 0; i < n; i++) if (a[i] !== e[i]) return i;
  return n;
}
