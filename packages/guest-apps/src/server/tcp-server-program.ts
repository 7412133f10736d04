/**
 * The shape every guest server here shares: a heap over the program's region, a root block, a listener, and a
 * connection record per accepted socket, all in guest memory. Subclasses say what a connection does.
 *
 * Event discipline (what makes resume() exact): each socket event runs `serviceConnection`, which does all the
 * work possible at that moment and stops only when it waits for the peer (input) or the socket (send space).
 * So between events, which is when checkpoints happen, nothing is half done in JavaScript: the state is the
 * guest memory plus the kernel. resume() therefore only re-attaches handlers (by socket id and listener port)
 * and does no work itself: whatever the original was waiting for, the restored kernel signals with the same
 * events at the same moments. (Even "just flushing" would diverge: send space freed below guest-tcp's
 * 'writable' low-water mark is not used by the original until the event comes.)
 */
import type { TcpListener, TcpSocket } from '@vmha/guest-tcp';
import type { GuestEnv, GuestMemory, GuestProgram } from '@vmha/machine';
import { GuestByteQueue } from '../heap/guest-byte-queue.ts';
import { GuestHeapExhaustedError } from '../heap/heap-errors.ts';
import { GuestHeap } from '../heap/guest-heap.ts';
import { CONN, CONN_FLAG, ROOT } from './server-layout.ts';
import { ServerConnection } from './server-connection.ts';
import { discardInput } from './socket-io.ts';

/** resume() found no state of this program in its region (or state of another program or version). */
export class GuestProgramStateError extends Error {
  override name = 'GuestProgramStateError';
}

export interface ServerProgramOptions {
  /** Listening port (each server has its well-known default). */
  port?: number;
  /** Size of the program's region, heap included. */
  memoryBytes?: number;
}

/** Counters every server keeps in guest memory. */
export interface ServerStats {
  readonly connections: number;
  readonly accepted: number;
  readonly oomDrops: number;
  readonly internalErrors: number;
}

/** One connection as its record in guest memory describes it. */
export interface ConnectionState {
  readonly socketId: number;
  /** Bytes of incomplete requests held in guest memory. */
  readonly inputBytes: number;
  /** Reply bytes the socket has not taken yet, held in guest memory. */
  readonly outputBytes: number;
  readonly closing: boolean;
}

interface Running {
  readonly env: GuestEnv;
  readonly heap: GuestHeap;
  readonly root: number;
  /** Handles for attached connections, by record address. Derived from guest memory, rebuilt by resume(). */
  readonly connections: Map<number, ServerConnection>;
}

export abstract class TcpServerProgram implements GuestProgram {
  abstract readonly name: string;
  readonly memoryBytes: number;
  readonly port: number;
  /** Identifies the program's root block (a FourCC), checked by resume(). */
  protected abstract readonly rootMagic: number;
  protected abstract readonly rootVersion: number;
  /** Bytes of program fields after the common root and connection-record parts. */
  protected abstract readonly rootAppBytes: number;
  protected abstract readonly connectionAppBytes: number;
  private running: Running | undefined;

  constructor(defaults: { port: number; memoryBytes: number }, options: ServerProgramOptions = {}) {
    this.port = options.port ?? defaults.port;
    this.memoryBytes = options.memoryBytes ?? defaults.memoryBytes;
  }

  boot(env: GuestEnv): void {
    const heap = GuestHeap.format(env.memory, env.region);
    const root = heap.allocZeroed(ROOT.APP + this.rootAppBytes);
    const m = env.memory;
    m.writeU32(root + ROOT.MAGIC, this.rootMagic);
    m.writeU32(root + ROOT.VERSION, this.rootVersion);
    m.writeU32(root + ROOT.PORT, this.port);
    m.writeF64(root + ROOT.BOOT_TIME, env.now());
    heap.root = root;
    this.running = { env, heap, root, connections: new Map() };
    this.initRoot(root + ROOT.APP);
    this.attachListener(env.stack.listen(this.port));
  }

  resume(env: GuestEnv): void {
    const heap = GuestHeap.open(env.memory, env.region);
    const root = heap.root;
    const m = env.memory;
    if (root === 0 || m.readU32(root + ROOT.MAGIC) !== this.rootMagic) {
      throw new GuestProgramStateError(`${this.name}: no ${this.name} state in its region (was it booted?)`);
    }
    const version = m.readU32(root + ROOT.VERSION);
    if (version !== this.rootVersion) {
      throw new GuestProgramStateError(
        `${this.name}: state version ${version}, this code reads ${this.rootVersion}`,
      );
    }
    const port = m.readU32(root + ROOT.PORT);
    if (port !== this.port)
      throw new GuestProgramStateError(`${this.name}: state is for port ${port}, not ${this.port}`);
    const listener = env.stack.listener(port);
    if (!listener)
      throw new GuestProgramStateError(`${this.name}: the guest kernel has no listener on port ${port}`);
    this.running = { env, heap, root, connections: new Map() };
    for (let rec = m.readU32(root + ROOT.CONN_HEAD); rec !== 0;) {
      const next = m.readU32(rec + CONN.NEXT);
      const sock = env.stack.socket(m.readU32(rec + CONN.SOCKET_ID));
      if (sock) this.attach(rec, sock);
      else this.freeRecord(rec); // gone from the kernel: no event will ever release it
      rec = next;
    }
    this.attachListener(listener);
  }

  // --- For subclasses ------------------------------------------------------------------------------------

  protected get env(): GuestEnv {
    return this.state().env;
  }

  protected get heap(): GuestHeap {
    return this.state().heap;
  }

  protected get memory(): GuestMemory {
    return this.state().env.memory;
  }

  /** Virtual time of the first boot (kept across restores). */
  protected get bootTime(): number {
    return this.memory.readF64(this.state().root + ROOT.BOOT_TIME);
  }

  /** Address of the program's root fields. */
  protected get rootFields(): number {
    return this.state().root + ROOT.APP;
  }

  /** First boot: initialise the program's root fields (zeroed already). */
  protected abstract initRoot(fields: number): void;

  /** A new connection: initialise its record fields (zeroed already). */
  protected initConnection(_conn: ServerConnection): void {}

  /**
   * Does all the work possible now for `conn` and returns when waiting for input or send space. The framework
   * closes the connection afterwards when CLOSE_AFTER_OUTPUT is set and the output queue is empty.
   */
  protected abstract serviceConnection(conn: ServerConnection): void;

  /** The connection is gone: free what its record fields point to (the queues are freed by the framework). */
  protected releaseConnection(_fields: number): void {}

  /** Common counters (all from guest memory). */
  serverStats(): ServerStats {
    const { root } = this.state();
    const m = this.memory;
    return {
      connections: m.readU32(root + ROOT.CONN_COUNT),
      accepted: m.readU64(root + ROOT.ACCEPTED),
      oomDrops: m.readU32(root + ROOT.OOM_DROPS),
      internalErrors: m.readU32(root + ROOT.INTERNAL_ERRORS),
    };
  }

  /** Every connection's record (newest first), read from guest memory. */
  connectionStates(): ConnectionState[] {
    const { heap } = this.state();
    return this.connectionRecords().map(({ socketId, fields }) => {
      const rec = fields - CONN.APP;
      const flags = this.memory.readU32(rec + CONN.FLAGS);
      return {
        socketId,
        inputBytes: new GuestByteQueue(heap, rec + CONN.INPUT).length,
        outputBytes: new GuestByteQueue(heap, rec + CONN.OUTPUT).length,
        closing: (flags & (CONN_FLAG.CLOSE_AFTER_OUTPUT | CONN_FLAG.CLOSE_SENT)) !== 0,
      };
    });
  }

  /** Every connection record on the list, newest first: socket id and the address of its program fields. */
  protected connectionRecords(): Array<{ socketId: number; fields: number }> {
    const m = this.memory;
    const out: Array<{ socketId: number; fields: number }> = [];
    for (
      let rec = m.readU32(this.state().root + ROOT.CONN_HEAD);
      rec !== 0;
      rec = m.readU32(rec + CONN.NEXT)
    ) {
      out.push({ socketId: m.readU32(rec + CONN.SOCKET_ID), fields: rec + CONN.APP });
    }
    return out;
  }

  // --- Internals -----------------------------------------------------------------------------------------

  private state(): Running {
    if (!this.running) throw new Error(`${this.name} has not been booted or resumed`);
    return this.running;
  }

  private attachListener(listener: TcpListener): void {
    listener.on('connection', () => this.acceptAll(listener));
  }

  private acceptAll(listener: TcpListener): void {
    for (let sock = listener.accept(); sock; sock = listener.accept()) {
      const { heap, root } = this.state();
      const m = this.memory;
      let rec: number;
      try {
        rec = heap.allocZeroed(CONN.APP + this.connectionAppBytes);
      } catch (e) {
        if (!(e instanceof GuestHeapExhaustedError)) throw e;
        m.writeU32(root + ROOT.OOM_DROPS, m.readU32(root + ROOT.OOM_DROPS) + 1);
        sock.abort(); // like accept() failing with ENOMEM: the client sees a reset, the server lives on
        continue;
      }
      m.writeU32(rec + CONN.SOCKET_ID, sock.id);
      const head = m.readU32(root + ROOT.CONN_HEAD);
      m.writeU32(rec + CONN.NEXT, head);
      if (head !== 0) m.writeU32(head + CONN.PREV, rec);
      m.writeU32(root + ROOT.CONN_HEAD, rec);
      m.writeU32(root + ROOT.CONN_COUNT, m.readU32(root + ROOT.CONN_COUNT) + 1);
      m.writeU64(root + ROOT.ACCEPTED, m.readU64(root + ROOT.ACCEPTED) + 1);
      const conn = this.attach(rec, sock);
      this.guard(conn, () => this.initConnection(conn));
      this.service(conn); // data may have arrived before we attached
    }
  }

  private attach(rec: number, sock: TcpSocket): ServerConnection {
    const conn = new ServerConnection(this.heap, rec, sock);
    this.state().connections.set(rec, conn);
    const service = (): void => this.service(conn);
    sock.on('readable', service).on('writable', service).on('end', service);
    sock.on('close', () => this.release(conn));
    return conn;
  }

  private service(conn: ServerConnection): void {
    if (this.state().connections.get(conn.record) !== conn) return; // released (its address may be reused)
    this.guard(conn, () => {
      const sock = conn.socket;
      if (conn.hasFlag(CONN_FLAG.CLOSE_SENT)) {
        discardInput(sock);
        return;
      }
      this.serviceConnection(conn);
      if (conn.hasFlag(CONN_FLAG.CLOSE_AFTER_OUTPUT) && conn.flush()) {
        conn.input.clear();
        conn.setFlag(CONN_FLAG.CLOSE_SENT);
        sock.close();
        discardInput(sock);
      }
    });
  }

  /**
   * Runs program code for a connection so that nothing escapes into the kernel's event dispatch: a full heap
   * drops that connection (reset), any other exception is a guest bug, counted, and drops it too.
   */
  private guard(conn: ServerConnection, work: () => void): void {
    try {
      work();
    } catch (e) {
      const { root } = this.state();
      const at = root + (e instanceof GuestHeapExhaustedError ? ROOT.OOM_DROPS : ROOT.INTERNAL_ERRORS);
      this.memory.writeU32(at, this.memory.readU32(at) + 1);
      conn.socket.abort(); // emits 'close', which releases the record
    }
  }

  private release(conn: ServerConnection): void {
    const { connections } = this.state();
    if (connections.get(conn.record) !== conn) return;
    connections.delete(conn.record);
    this.freeRecord(conn.record);
  }

  private freeRecord(rec: number): void {
    const { heap, root } = this.state();
    const m = this.memory;
    try {
      this.releaseConnection(rec + CONN.APP);
    } catch {
      m.writeU32(root + ROOT.INTERNAL_ERRORS, m.readU32(root + ROOT.INTERNAL_ERRORS) + 1);
    }
    new GuestByteQueue(heap, rec + CONN.INPUT).release();
    new GuestByteQueue(heap, rec + CONN.OUTPUT).release();
    const next = m.readU32(rec + CONN.NEXT);
    const prev = m.readU32(rec + CONN.PREV);
    if (prev !== 0) m.writeU32(prev + CONN.NEXT, next);
    else m.writeU32(root + ROOT.CONN_HEAD, next);
    if (next !== 0) m.writeU32(next + CONN.PREV, prev);
    m.writeU32(root + ROOT.CONN_COUNT, m.readU32(root + ROOT.CONN_COUNT) - 1);
    heap.free(rec);
  }
}
