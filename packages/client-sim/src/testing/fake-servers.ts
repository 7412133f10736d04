/**
 * Minimal servers speaking the guest apps' protocols on a guest-tcp stack, for testing client-sim without the
 * emulated machine, each with the faults the checkers must catch: a corrupted bulk byte, a miscounting sink, a
 * RESP store that loses acknowledged SETs, regresses an INCR reply, or resets a connection.
 */
import type { TcpSocket, TcpStack } from '@vmha/guest-tcp';
import { RespParser, encodeValue, type RespValue } from '@vmha/resp';
import type { BulkStreamBytes } from '../workloads/bulk-download.ts';

export interface FakeServer {
  close(): void;
}

/** Writes with back-pressure: what the socket does not take now goes out on 'writable'. */
class QueuedWriter {
  private queue: Uint8Array[] = [];

  constructor(private readonly socket: TcpSocket) {
    socket.on('writable', () => this.flush());
  }

  get idle(): boolean {
    return this.queue.length === 0;
  }

  write(data: Uint8Array): void {
    this.queue.push(data);
    this.flush();
  }

  flush(): void {
    while (this.queue.length > 0) {
      if (this.socket.state === 'CLOSED') return;
      const head = this.queue[0];
      const n = this.socket.write(head);
      if (n < head.length) {
        this.queue[0] = head.subarray(n);
        return;
      }
      this.queue.shift();
    }
  }
}

function onAccept(stack: TcpStack, port: number, serve: (socket: TcpSocket) => void): FakeServer {
  const listener = stack.listen(port);
  listener.on('connection', () => {
    let s: TcpSocket | null;
    while ((s = listener.accept()) !== null) serve(s);
  });
  return { close: () => listener.close() };
}

export interface FakeBulkServerOptions {
  port?: number;
  generator: BulkStreamBytes;
  /** Fault: flip the byte at this stream offset of every response. */
  corruptOffset?: number;
}

/** `STREAM <bytes> <seed>\r\n` → exactly <bytes> bytes of the stream; closes when the client does. */
export function startFakeBulkServer(stack: TcpStack, options: FakeBulkServerOptions): FakeServer {
  const chunkBytes = 256 * 1024;
  return onAccept(stack, options.port ?? 5001, (socket) => {
    let line = '';
    let job: { seed: number; total: number; sent: number } | undefined;
    const pump = (): void => {
      while (job && job.sent < job.total) {
        const length = Math.min(chunkBytes, job.total - job.sent);
        const data = options.generator(job.seed, job.sent, length);
        const c = options.corruptOffset;
        if (c !== undefined && c >= job.sent && c < job.sent + length) data[c - job.sent] ^= 0xff;
        // Offer the chunk; keep only what was accepted (regenerated next time, cheap and stateless).
        const n = socket.write(data);
        job.sent += n;
        if (n < length) return;
      }
      job = undefined;
    };
    socket.on('readable', () => {
      let chunk: Uint8Array | null;
      while ((chunk = socket.read()) !== null) line += Buffer.from(chunk).toString('latin1');
      const m = /^STREAM (\d+) (\d+)\r\n/.exec(line);
      if (!m || job) return;
      line = line.slice(m[0].length);
      job = { seed: Number(m[2]), total: Number(m[1]), sent: 0 };
      pump();
    });
    socket.on('writable', pump);
    socket.on('end', () => socket.close());
  });
}

export interface FakeSinkOptions {
  port?: number;
  /** Fault: add this to the reported count. */
  countError?: number;
}

/** Counts bytes to the client's FIN, then answers `<count>\r\n` and closes. */
export function startFakeSink(stack: TcpStack, options: FakeSinkOptions = {}): FakeServer {
  return onAccept(stack, options.port ?? 9, (socket) => {
    let count = 0;
    socket.on('readable', () => {
      let chunk: Uint8Array | null;
      while ((chunk = socket.read()) !== null) count += chunk.length;
    });
    socket.on('end', () => {
      socket.write(new TextEncoder().encode(`${count + (options.countError ?? 0)}\r\n`));
      socket.close();
    });
  });
}

export type FakeRespFault =
  /** From the Nth SET (1-based) on, that SET's key loses its value and every later SET to it is acknowledged but not stored. */
  | { kind: 'lose-acknowledged-sets'; fromSet: number }
  /**
   * After N INCRs, the next INCR on a key this connection incremented before is answered with one less than the
   * value this connection was given last time (the stored counter stays right).
   */
  | { kind: 'regress-incr'; afterIncrements: number }
  /** After N commands in all, the connection that sent the next one is reset instead of answered. */
  | { kind: 'reset-connection'; afterCommands: number };

export interface FakeRespServerOptions {
  port?: number;
  fault?: FakeRespFault;
}

export interface FakeRespServer extends FakeServer {
  readonly store: Map<string, string>;
  readonly stats: { commands: number; connections: number; faultsInjected: number };
}

const ok: RespValue = { type: 'simple', value: 'OK' };
const bulk = (s: string | undefined): RespValue => ({
  type: 'bulk',
  value: s === undefined ? null : Buffer.from(s, 'latin1'),
});
const error = (message: string): RespValue => ({ type: 'error', message });

/** A RESP2 key-value store in a Map: SET, GET, INCR, PING. */
export function startFakeRespServer(stack: TcpStack, options: FakeRespServerOptions = {}): FakeRespServer {
  const store = new Map<string, string>();
  const stats = { commands: 0, connections: 0, faultsInjected: 0 };
  const fault = options.fault;
  let sets = 0;
  let incrs = 0;
  let blackHole: string | undefined;
  let regressed = false;
  let resetDone = false;

  const server = onAccept(stack, options.port ?? 6379, (socket) => {
    stats.connections++;
    const parser = new RespParser();
    const writer = new QueuedWriter(socket);
    const lastIncr = new Map<string, number>();

    const execute = (args: string[]): RespValue | 'reset' => {
      stats.commands++;
      if (fault?.kind === 'reset-connection' && !resetDone && stats.commands > fault.afterCommands) {
        resetDone = true;
        stats.faultsInjected++;
        return 'reset';
      }
      const [name = '', key = '', value] = args;
      switch (name.toUpperCase()) {
        case 'PING':
          return { type: 'simple', value: 'PONG' };
        case 'SET': {
          if (value === undefined) return error("ERR wrong number of arguments for 'set' command");
          sets++;
          if (fault?.kind === 'lose-acknowledged-sets' && sets === fault.fromSet) {
            blackHole = key;
            store.delete(key);
          }
          if (key === blackHole) stats.faultsInjected++;
          else store.set(key, value);
          return ok;
        }
        case 'GET':
          return bulk(store.get(key));
        case 'INCR': {
          const current = store.get(key) ?? '0';
          if (!/^-?\d+$/.test(current)) return error('ERR value is not an integer or out of range');
          const next = Number(current) + 1;
          store.set(key, String(next));
          incrs++;
          const previous = lastIncr.get(key);
          lastIncr.set(key, next);
          if (
            fault?.kind === 'regress-incr' &&
            !regressed &&
            incrs > fault.afterIncrements &&
            previous !== undefined
          ) {
            regressed = true;
            stats.faultsInjected++;
            return { type: 'integer', value: BigInt(previous - 1) };
          }
          return { type: 'integer', value: BigInt(next) };
        }
        default:
          return error(`ERR unknown command '${name}'`);
      }
    };

    socket.on('readable', () => {
      let chunk: Uint8Array | null;
      while ((chunk = socket.read()) !== null) {
        const { values, error: protocolError } = parser.feed(chunk);
        for (const v of values) {
          const args = v.type === 'array' && v.items ? v.items.map(argText) : [];
          const reply = execute(args);
          if (reply === 'reset') {
            socket.abort();
            return;
          }
          writer.write(encodeValue(reply));
        }
        if (protocolError) {
          writer.write(encodeValue(error(`ERR Protocol error: ${protocolError.reason}`)));
          socket.close();
          return;
        }
      }
    });
    socket.on('end', () => socket.close());
  });
  return { ...server, store, stats };
}

function argText(v: RespValue): string {
  return v.type === 'bulk' && v.value ? Buffer.from(v.value).toString('latin1') : '';
}
