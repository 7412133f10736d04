/**
 * The RESP2 key-value server (port 6379): Redis's protocol and string commands over a key space in the guest
 * heap. Per connection, the bytes of an incomplete request and reply bytes the socket has not taken yet live in
 * the connection record's queues in guest memory, so a checkpoint between any two events captures the server
 * exactly and resume() continues mid-request and mid-reply.
 *
 * Flow control: requests are executed while the pending reply bytes stay under OUTPUT_HIGH_WATER; beyond it the
 * server stops reading and lets the client's unread requests back up in TCP (Redis instead grows the output
 * buffer to client-output-buffer-limit; a guest heap is small). Pipelining works because each read is parsed
 * into as many requests as it holds.
 */
import type { GuestHeap } from '../heap/guest-heap.ts';
import type { ServerConnection } from '../server/server-connection.ts';
import { CONN_FLAG } from '../server/server-layout.ts';
import { TcpServerProgram, type ServerProgramOptions } from '../server/tcp-server-program.ts';
import { REDIS_VERSION, dispatch, type CommandContext } from './commands.ts';
import { KvStore } from './kv-store.ts';
import { ReplyWriter } from './reply-writer.ts';
import { parseRequest } from './request-parser.ts';

const MAGIC = 0x50534552; // "RESP"
const VERSION = 1;
/** Reply bytes queued in guest memory beyond which no further request is executed until the socket drains. */
export const OUTPUT_HIGH_WATER = 64 * 1024;
const READ_CHUNK = 256 * 1024;
/** Buckets of the key space checked for expired keys per command (active expiry). */
const EXPIRE_BUCKETS_PER_COMMAND = 2;

// Root fields.
const R_DICT = 0; // u32: the key space
const R_COMMANDS = 8; // u64: commands processed
const R_PROTOCOL_ERRORS = 16; // u64
const R_HITS = 24; // u64
const R_MISSES = 32; // u64
const R_EXPIRED = 40; // u64: keys reclaimed by active expiry
const R_BYTES_IN = 48; // u64
const ROOT_FIELDS = 56;
// Connection fields.
const C_NEED = 0; // u32: input-queue length worth parsing again (0 = any)
const CONNECTION_FIELDS = 8;

export interface RespServerOptions extends ServerProgramOptions {
  name?: string;
  /** Seeds the key-space hash (any fixed value keeps runs deterministic). */
  hashSeed?: number;
}

export interface RespServerStats {
  readonly keys: number;
  readonly expiringKeys: number;
  readonly commandsProcessed: number;
  readonly protocolErrors: number;
  readonly keyspaceHits: number;
  readonly keyspaceMisses: number;
  readonly expiredKeys: number;
  readonly connections: number;
  readonly heapUsedBytes: number;
  readonly internalErrors: number;
  readonly oomDrops: number;
}

export class RespServer extends TcpServerProgram {
  readonly name: string;
  protected readonly rootMagic = MAGIC;
  protected readonly rootVersion = VERSION;
  protected readonly rootAppBytes = ROOT_FIELDS;
  protected readonly connectionAppBytes = CONNECTION_FIELDS;
  private readonly hashSeed: number;
  /** Scratch for replies; emptied into the connection before every handler returns. */
  private readonly writer = new ReplyWriter();
  /** The key-space handle for the current heap (a new one after resume(): it may be another memory). */
  private kv: { heap: GuestHeap; store: KvStore } | undefined;

  constructor(options: RespServerOptions = {}) {
    super({ port: 6379, memoryBytes: 64 << 20 }, options);
    this.name = options.name ?? 'resp-server';
    this.hashSeed = (options.hashSeed ?? 0x5eed) >>> 0;
  }

  stats(): RespServerStats {
    const m = this.memory;
    const f = this.rootFields;
    const store = this.store();
    const common = this.serverStats();
    return {
      keys: store.size,
      expiringKeys: store.expiringKeys,
      commandsProcessed: m.readU64(f + R_COMMANDS),
      protocolErrors: m.readU64(f + R_PROTOCOL_ERRORS),
      keyspaceHits: m.readU64(f + R_HITS),
      keyspaceMisses: m.readU64(f + R_MISSES),
      expiredKeys: m.readU64(f + R_EXPIRED),
      connections: common.connections,
      heapUsedBytes: this.heap.stats().usedBytes,
      internalErrors: common.internalErrors,
      oomDrops: common.oomDrops,
    };
  }

  protected initRoot(fields: number): void {
    this.memory.writeU32(fields + R_DICT, KvStore.create(this.heap, this.hashSeed));
  }

  /** Like Redis (anetEnableTcpNoDelay): without it, Nagle holds small replies for the client's delayed ACK. */
  protected override initConnection(conn: ServerConnection): void {
    conn.socket.setNoDelay(true);
  }

  protected serviceConnection(conn: ServerConnection): void {
    const sock = conn.socket;
    for (;;) {
      conn.flush();
      if (conn.closing || conn.output.length > OUTPUT_HIGH_WATER) return;
      if (this.execute(conn, null)) continue;
      const data = sock.read(READ_CHUNK);
      if (!data) {
        if (sock.readableEnded) conn.closeAfterOutput(); // replies already owed are still sent
        return;
      }
      this.bump(R_BYTES_IN, data.length);
      this.execute(conn, data);
    }
  }

  /**
   * Parses and runs requests from the input queue followed by `data` (null: the queue alone), keeps what is
   * left in the queue and sends the replies. Returns whether anything was consumed.
   */
  private execute(conn: ServerConnection, data: Uint8Array | null): boolean {
    const m = this.memory;
    const input = conn.input;
    const queued = input.length;
    const need = m.readU32(conn.field(C_NEED));
    let buf: Uint8Array;
    if (data === null) {
      if (queued === 0 || queued < need) return false;
      buf = input.peek();
    } else if (queued === 0) {
      buf = data;
    } else if (queued + data.length < need) {
      input.append(data); // still short of the request's known end: do not parse again yet
      return true;
    } else {
      buf = new Uint8Array(queued + data.length);
      buf.set(input.peek(), 0);
      buf.set(data, queued);
    }

    const writer = this.writer;
    const ctx = this.context(conn);
    let pos = 0;
    let nextNeed = 0;
    try {
      while (pos < buf.length) {
        if (conn.output.length + writer.length > OUTPUT_HIGH_WATER) break;
        const request = parseRequest(buf, pos);
        if (request.kind === 'incomplete') {
          nextNeed = request.need - pos;
          break;
        }
        if (request.kind === 'error') {
          // Redis replies and closes: the byte stream cannot be re-synchronised.
          writer.error(`ERR ${request.message}`);
          this.bump(R_PROTOCOL_ERRORS, 1);
          conn.closeAfterOutput();
          pos = buf.length;
          break;
        }
        pos = request.end;
        if (request.kind === 'empty') continue;
        dispatch(ctx, request.args);
        this.bump(R_COMMANDS, 1);
        const expired = this.store().expireSome(ctx.now, EXPIRE_BUCKETS_PER_COMMAND);
        if (expired > 0) this.bump(R_EXPIRED, expired);
        if (conn.hasFlag(CONN_FLAG.CLOSE_AFTER_OUTPUT)) {
          pos = buf.length;
          break;
        }
      }
    } finally {
      // Keep the unconsumed bytes, writing only what the queue does not already hold.
      if (data === null || pos <= queued) {
        input.consume(Math.min(pos, queued));
        if (data !== null) input.append(data);
      } else {
        input.clear();
        input.append(data.subarray(pos - queued));
      }
      const leftover = input.length;
      const wantNeed = leftover === 0 ? 0 : nextNeed;
      if (m.readU32(conn.field(C_NEED)) !== wantNeed) m.writeU32(conn.field(C_NEED), wantNeed);
      conn.send(writer.take());
    }
    return pos > 0 || data !== null;
  }

  private context(conn: ServerConnection): CommandContext {
    const f = this.rootFields;
    return {
      store: this.store(),
      memory: this.memory,
      reply: this.writer,
      now: Math.floor(this.env.now()),
      clientId: conn.socket.id,
      port: this.port,
      closeAfterReply: () => conn.closeAfterOutput(),
      countLookup: (hit) => this.bump(hit ? R_HITS : R_MISSES, 1),
      info: (section) => this.info(section, f),
    };
  }

  private store(): KvStore {
    const heap = this.heap;
    if (this.kv?.heap !== heap) {
      this.kv = { heap, store: new KvStore(heap, this.memory.readU32(this.rootFields + R_DICT)) };
    }
    return this.kv.store;
  }

  private bump(field: number, n: number): void {
    const at = this.rootFields + field;
    this.memory.writeU64(at, this.memory.readU64(at) + n);
  }

  /** INFO sections, in Redis's "field:value" format. */
  private info(section: string, f: number): string {
    const m = this.memory;
    const s = this.stats();
    const heap = this.heap.stats();
    const uptimeMs = Math.max(0, this.env.now() - this.bootTime);
    const sections: Record<string, Array<[string, string | number]>> = {
      server: [
        ['redis_version', REDIS_VERSION],
        ['redis_mode', 'standalone'],
        ['vmha_program', this.name],
        ['tcp_port', this.port],
        ['uptime_in_seconds', Math.floor(uptimeMs / 1000)],
      ],
      clients: [['connected_clients', s.connections]],
      memory: [
        ['used_memory', heap.usedBytes],
        ['total_system_memory', heap.capacityBytes],
        ['maxmemory', 0],
      ],
      stats: [
        ['total_connections_received', this.serverStats().accepted],
        ['total_commands_processed', s.commandsProcessed],
        ['total_net_input_bytes', m.readU64(f + R_BYTES_IN)],
        ['keyspace_hits', s.keyspaceHits],
        ['keyspace_misses', s.keyspaceMisses],
        ['expired_keys', s.expiredKeys],
        ['protocol_errors', s.protocolErrors],
      ],
      keyspace: s.keys > 0 ? [['db0', `keys=${s.keys},expires=${s.expiringKeys},avg_ttl=0`]] : [],
    };
    const names =
      section === 'default' || section === 'all' || section === 'everything'
        ? Object.keys(sections)
        : [section];
    let out = '';
    for (const name of names) {
      const fields = sections[name];
      if (!fields) continue;
      if (out) out += '\r\n';
      out += `# ${name[0].toUpperCase()}${name.slice(1)}\r\n`;
      for (const [k, v] of fields) out += `${k}:${v}\r\n`;
    }
    return out;
  }
}
