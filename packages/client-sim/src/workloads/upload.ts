/**
 * Upload to the guest's sink (port 9): send N bytes, half-close, and read the sink's `<count>\r\n` before it
 * closes. The count must equal N: bytes the client's stack saw acknowledged must all have reached the server.
 */
import type { TcpSocket } from '@vmha/guest-tcp';
import { SeededRandom } from '@vmha/guest-tcp';
import { ConnectionWatch } from '../checkers/connection-watch.ts';
import { ViolationLog, type Violation } from '../checkers/violations.ts';
import type { ClientHost } from '../host/client-host.ts';
import { ProgressReporter, type TransferProgress } from './progress.ts';
import { Completion, type WorkloadRun } from './workload-run.ts';

export const SINK_PORT = 9;

export interface UploadOptions {
  address: string | number;
  /** Default 9. */
  port?: number;
  bytes: number;
  /** Seeds the payload (a repeating pseudo-random block); default 1. */
  seed?: number;
  onProgress?: (progress: TransferProgress) => void;
  /** Default 1000 ms. */
  progressIntervalMs?: number;
  /** Names the connection in violations; default `upload <address>:<port>`. */
  label?: string;
}

export interface UploadResult {
  kind: 'upload';
  bytes: number;
  /** The sink's count, when it sent a well-formed one. */
  reportedCount: number | undefined;
  verified: boolean;
  /** From connect to the sink's reply. */
  durationMs: number;
  throughputBytesPerSecond: number;
  stopped: boolean;
  violations: Violation[];
}

const BLOCK_BYTES = 64 * 1024;
const MAX_REPLY_BYTES = 64;

export function startUpload(host: ClientHost, options: UploadOptions): WorkloadRun<UploadResult> {
  const { bytes } = options;
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new Error(`invalid upload length ${bytes}`);
  const port = options.port ?? SINK_PORT;
  const label = options.label ?? `upload ${String(options.address)}:${port}`;
  const log = new ViolationLog(() => host.now());
  const block = payloadBlock(options.seed ?? 1);
  const startedAt = host.now();
  const progress = new ProgressReporter(
    startedAt,
    bytes,
    options.progressIntervalMs ?? 1000,
    options.onProgress,
  );
  let written = 0;
  let halfClosed = false;
  let reply = '';
  let socket!: TcpSocket;
  let watch!: ConnectionWatch;

  const completion = new Completion<UploadResult>(() => {
    watch.silence();
    host.run(() => socket.abort());
    finish(true);
  });

  const pump = (): void => {
    if (halfClosed || completion.finished) return;
    while (written < bytes) {
      const from = written % BLOCK_BYTES;
      const n = socket.write(block.subarray(from, Math.min(BLOCK_BYTES, from + bytes - written)));
      written += n;
      if (n === 0) break;
    }
    progress.update(host.now(), written - socket.unacknowledgedLength);
    if (written === bytes && !halfClosed) {
      halfClosed = true;
      // The sink replies and closes once it has read to our FIN.
      watch.expectEnd();
      socket.close();
    }
  };

  const finish = (stopped: boolean): void => {
    if (completion.finished) return;
    const match = /^(\d{1,16})\r\n$/.exec(reply);
    const reportedCount = match ? Number(match[1]) : undefined;
    if (!stopped && reportedCount !== bytes) {
      log.record(
        { kind: 'upload-count', connection: label, expected: bytes, reported: reply },
        `${label}: sent ${bytes} bytes, the sink reported ${reply === '' ? 'nothing' : JSON.stringify(reply)}`,
      );
    }
    const durationMs = host.now() - startedAt;
    completion.finish({
      kind: 'upload',
      bytes: written,
      reportedCount,
      verified: !stopped && log.count === 0,
      durationMs,
      throughputBytesPerSecond: durationMs > 0 ? (written * 1000) / durationMs : 0,
      stopped,
      violations: log.list,
    });
  };

  host.run(() => {
    socket = host.stack.connect(options.address, port);
    watch = new ConnectionWatch(socket, label, log);
    socket.on('connect', pump);
    socket.on('writable', pump);
    socket.on('readable', () => {
      let chunk: Uint8Array | null;
      while ((chunk = socket.read()) !== null) {
        // Keep a bounded prefix: a well-formed reply is short, and anything longer is wrong anyway.
        if (reply.length < MAX_REPLY_BYTES)
          reply += Buffer.from(chunk).toString('latin1').slice(0, MAX_REPLY_BYTES);
      }
    });
    socket.on('end', () => {
      if (!halfClosed) {
        halfClosed = true;
        socket.close();
      }
      finish(false);
    });
    socket.on('close', () => finish(false));
  });
  return completion;
}

function payloadBlock(seed: number): Uint8Array {
  const rng = new SeededRandom(seed);
  const block = new Uint8Array(BLOCK_BYTES);
  const words = new Uint32Array(block.buffer);
  for (let i = 0; i < words.length; i++) words[i] = rng.nextU32();
  return block;
}
