/**
 * Test and benchmark helpers: a deterministic byte pattern and a bulk transfer driven through a SimNetwork.
 * The pattern is position-dependent so reordering, loss or duplication bugs show up as mismatches.
 */
import type { SimNetwork } from '../sim/network.ts';
import type { TcpStack } from '../stack.ts';

/** Byte at absolute stream offset `i` of stream `seed`. */
export function patternByte(seed: number, i: number): number {
  let x = (i ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 13)) & 0xff;
}

export function patternChunk(seed: number, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = patternByte(seed, offset + i);
  return out;
}

/** A 1 MiB block of the pattern repeated: cheap to generate for GiB-sized transfers. */
export function repeatingSource(seed: number): {
  block: Uint8Array;
  at(offset: number, length: number): Uint8Array;
} {
  const block = patternChunk(seed, 0, 1 << 20);
  return {
    block,
    at(offset, length) {
      const start = offset % block.length;
      if (start + length <= block.length) return block.subarray(start, start + length);
      const out = new Uint8Array(length);
      let filled = 0;
      let from = start;
      while (filled < length) {
        const n = Math.min(length - filled, block.length - from);
        out.set(block.subarray(from, from + n), filled);
        filled += n;
        from = 0;
      }
      return out;
    },
  };
}

export interface BulkResult {
  bytes: number;
  mismatches: number;
  virtualMs: number;
  clientClosed: boolean;
  serverClosed: boolean;
}

/**
 * Sends `totalBytes` from `sender` (connecting to `receiver`:port) with back-pressure, verifies every byte
 * against the repeating pattern, closes both sides, and runs the network until both sockets are CLOSED.
 */
export function runBulkTransfer(
  net: SimNetwork,
  sender: TcpStack,
  receiver: TcpStack,
  totalBytes: number,
  options: { port?: number; seed?: number; chunk?: number; limitMs?: number } = {},
): BulkResult {
  const port = options.port ?? 5001;
  const src = repeatingSource(options.seed ?? 7);
  const chunk = options.chunk ?? 256 * 1024;
  let received = 0;
  let mismatches = 0;
  let written = 0;
  let serverClosed = false;
  let clientClosed = false;
  const listener = receiver.listen(port);
  listener.on('connection', () => {
    const s = listener.accept();
    if (!s) return;
    s.on('readable', () => {
      let data: Uint8Array | null;
      while ((data = s.read()) !== null) {
        const expect = src.at(received, data.length);
        for (let i = 0; i < data.length; i++) if (data[i] !== expect[i]) mismatches++;
        received += data.length;
      }
    });
    s.on('end', () => s.close());
    s.on('close', () => (serverClosed = true));
  });
  const client = sender.connect(receiver.address, port);
  const pump = (): void => {
    while (written < totalBytes) {
      const n = client.write(src.at(written, Math.min(chunk, totalBytes - written)));
      written += n;
      if (n === 0) return;
    }
    client.close();
  };
  client.on('connect', pump);
  client.on('writable', pump);
  client.on('readable', () => {
    while (client.read() !== null);
  });
  client.on('close', () => (clientClosed = true));
  net.runUntil(() => clientClosed && serverClosed, options.limitMs);
  listener.close();
  return { bytes: received, mismatches, virtualMs: net.clock.t, clientClosed, serverClosed };
}
