/**
 * Promise-shaped bulk transfers on guest-tcp sockets, hashing exactly the bytes that went through the socket so
 * the two ends of a connection can be compared by SHA-256. A stall watchdog turns a hung transfer into an error
 * that carries the socket's state, instead of a silent test timeout.
 */
import { createHash, type Hash } from 'node:crypto';
import type { TcpSocket } from '@vmha/guest-tcp';
import { repeatingSource } from '@vmha/guest-tcp/testing';
import type { RealtimeClientHost } from '@vmha/client-sim';

export interface StreamDigest {
  bytes: number;
  sha256: string;
}

export interface StreamOptions {
  /** Fail when no byte moves for this long (ms): a stall, not a speed limit. */
  stallTimeoutMs?: number;
}

const WRITE_CHUNK = 256 * 1024;
const DEFAULT_STALL_MS = 30_000;

/** Accepts the first connection on `port`, hands it to `handle` inside the event handler (so no event is missed). */
export function acceptOne<T>(
  driver: RealtimeClientHost,
  port: number,
  handle: (socket: TcpSocket) => T,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = driver.run(() => driver.stack.listen(port));
    listener.on('connection', () => {
      const socket = listener.accept();
      if (!socket) return;
      listener.close();
      resolve(handle(socket));
    });
  });
}

/**
 * Writes `totalBytes` of the repeating test pattern `seed` with back-pressure, then closes (FIN). Resolves when
 * the connection has closed cleanly, with the digest of what was written.
 */
export function sendPattern(
  driver: RealtimeClientHost,
  socket: TcpSocket,
  totalBytes: number,
  seed: number,
  options: StreamOptions = {},
): Promise<StreamDigest> {
  const source = repeatingSource(seed);
  const hash = createHash('sha256');
  let written = 0;
  return new Promise<StreamDigest>((resolve, reject) => {
    // Progress is what the peer has acknowledged, so the tail still in flight after the last write counts too.
    const watchdog = new StallWatchdog(socket, options, () => written - socket.unacknowledgedLength, reject);
    const pump = (): void => {
      while (written < totalBytes) {
        const chunk = source.at(written, Math.min(WRITE_CHUNK, totalBytes - written));
        const n = socket.write(chunk);
        if (n === 0) return; // a 'writable' event follows
        hash.update(chunk.subarray(0, n));
        written += n;
      }
      socket.close();
    };
    socket.on('writable', pump);
    // Whatever the peer sends back is not part of the test; reading it keeps the window open.
    socket.on('readable', () => {
      while (socket.read() !== null);
    });
    onClose(socket, watchdog, resolve, reject, () => digest(written, hash));
    driver.run(pump);
  });
}

/** Reads until the peer's FIN, closes our side, and resolves at clean close with the digest of what was read. */
export function receiveAll(
  driver: RealtimeClientHost,
  socket: TcpSocket,
  options: StreamOptions = {},
): Promise<StreamDigest> {
  const hash = createHash('sha256');
  let received = 0;
  return new Promise<StreamDigest>((resolve, reject) => {
    const watchdog = new StallWatchdog(socket, options, () => received, reject);
    const drain = (): void => {
      let data: Uint8Array | null;
      while ((data = socket.read()) !== null) {
        hash.update(data);
        received += data.length;
      }
      if (socket.readableEnded) socket.close();
    };
    socket.on('readable', drain);
    socket.on('end', drain);
    onClose(socket, watchdog, resolve, reject, () => digest(received, hash));
    driver.run(drain);
  });
}

/** The digest of the first `totalBytes` of test pattern `seed`, computed here to check both ends against. */
export function patternDigest(totalBytes: number, seed: number): StreamDigest {
  const source = repeatingSource(seed);
  const hash = createHash('sha256');
  for (let offset = 0; offset < totalBytes; offset += WRITE_CHUNK) {
    hash.update(source.at(offset, Math.min(WRITE_CHUNK, totalBytes - offset)));
  }
  return digest(totalBytes, hash);
}

function onClose(
  socket: TcpSocket,
  watchdog: StallWatchdog,
  resolve: (d: StreamDigest) => void,
  reject: (e: Error) => void,
  result: () => StreamDigest,
): void {
  socket.on('close', (error) => {
    watchdog.stop();
    if (error) reject(error);
    else resolve(result());
  });
}

function digest(bytes: number, hash: Hash): StreamDigest {
  return { bytes, sha256: hash.digest('hex') };
}

/** Rejects when the byte counter has not moved for the stall timeout, reporting the socket's TCP state. */
class StallWatchdog {
  private readonly timer: NodeJS.Timeout;

  constructor(socket: TcpSocket, options: StreamOptions, progress: () => number, reject: (e: Error) => void) {
    const limit = options.stallTimeoutMs ?? DEFAULT_STALL_MS;
    let last = progress();
    let lastMoved = performance.now();
    this.timer = setInterval(
      () => {
        const now = performance.now();
        if (progress() !== last) {
          last = progress();
          lastMoved = now;
        } else if (now - lastMoved >= limit) {
          this.stop();
          reject(
            new Error(`transfer stalled at ${last} bytes for ${limit} ms: ${JSON.stringify(socket.info())}`),
          );
        }
      },
      Math.min(1000, limit),
    );
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
