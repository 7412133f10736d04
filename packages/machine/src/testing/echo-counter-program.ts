/**
 * A small guest program for tests: a TCP server on one port that either echoes what it reads or answers each
 * read with the running byte total. It follows the state rule: every fact it relies on (its port, a table of
 * open connections by socket id, totals, a log of received bytes) lives in its memory region; handlers are
 * closures over nothing but the slot index, and resume() rebuilds them from memory and the kernel's sockets.
 */
import type { TcpSocket } from '@vmha/guest-tcp';
import type { GuestEnv, GuestProgram } from '../program.ts';

export type ServerMode = 'echo' | 'count';

const MAGIC = 0x4543484f; // "ECHO"
const OFF_MAGIC = 0;
const OFF_PORT = 4;
const OFF_MODE = 8;
const OFF_LOG_HEAD = 12;
const OFF_TOTAL = 16;
const OFF_ACCEPTED = 24;
const OFF_REJECTED = 28;
const OFF_SLOTS = 64;
const SLOT_BYTES = 16;
export const MAX_SLOTS = 64;
const LOG_START = 4096;

export interface ServerView {
  port: number;
  totalBytes: number;
  accepted: number;
  rejected: number;
  openSlots: number;
}

export class EchoCounterProgram implements GuestProgram {
  /** Boot and resume calls, for tests that check the machine made them (not state: the program's code). */
  boots = 0;
  resumes = 0;
  /** Set to make the next read throw (a guest bug), for fault tests. */
  failOnRead = false;

  constructor(
    readonly name: string,
    private readonly port: number,
    private readonly mode: ServerMode,
    readonly memoryBytes = 64 * 1024,
  ) {}

  boot(env: GuestEnv): void {
    this.boots++;
    const m = env.memory;
    const base = env.region.base;
    m.writeU32(base + OFF_MAGIC, MAGIC);
    m.writeU32(base + OFF_PORT, this.port);
    m.writeU32(base + OFF_MODE, this.mode === 'echo' ? 0 : 1);
    m.writeU32(base + OFF_LOG_HEAD, 0);
    this.attachListener(env, env.stack.listen(this.port));
  }

  resume(env: GuestEnv): void {
    this.resumes++;
    const m = env.memory;
    const base = env.region.base;
    if (m.readU32(base + OFF_MAGIC) !== MAGIC) throw new Error(`${this.name}: region holds no server state`);
    const port = m.readU32(base + OFF_PORT);
    const listener = env.stack.listener(port);
    if (!listener) throw new Error(`${this.name}: the kernel has no listener on port ${port}`);
    this.attachListener(env, listener);
    for (let slot = 0; slot < MAX_SLOTS; slot++) {
      const id = m.readU32(this.slotAddr(env, slot));
      if (id === 0) continue;
      const sock = env.stack.socket(id);
      if (!sock) throw new Error(`${this.name}: socket ${id} in slot ${slot} is gone from the kernel`);
      this.attachSocket(env, sock, slot);
    }
  }

  /** Reads the program's state from guest memory (what a debugger would do). */
  static inspect(env: Pick<GuestEnv, 'memory' | 'region'>): ServerView {
    const m = env.memory;
    const base = env.region.base;
    let openSlots = 0;
    for (let slot = 0; slot < MAX_SLOTS; slot++)
      if (m.readU32(base + OFF_SLOTS + slot * SLOT_BYTES) !== 0) openSlots++;
    return {
      port: m.readU32(base + OFF_PORT),
      totalBytes: m.readU64(base + OFF_TOTAL),
      accepted: m.readU32(base + OFF_ACCEPTED),
      rejected: m.readU32(base + OFF_REJECTED),
      openSlots,
    };
  }

  private slotAddr(env: GuestEnv, slot: number): number {
    return env.region.base + OFF_SLOTS + slot * SLOT_BYTES;
  }

  private attachListener(
    env: GuestEnv,
    listener: NonNullable<ReturnType<GuestEnv['stack']['listener']>>,
  ): void {
    const m = env.memory;
    const base = env.region.base;
    listener.on('connection', () => {
      let sock: TcpSocket | null;
      while ((sock = listener.accept()) !== null) {
        let slot = 0;
        while (slot < MAX_SLOTS && m.readU32(this.slotAddr(env, slot)) !== 0) slot++;
        if (slot === MAX_SLOTS) {
          m.writeU32(base + OFF_REJECTED, m.readU32(base + OFF_REJECTED) + 1);
          sock.abort();
          continue;
        }
        m.writeU32(this.slotAddr(env, slot), sock.id);
        m.writeU64(this.slotAddr(env, slot) + 8, 0);
        m.writeU32(base + OFF_ACCEPTED, m.readU32(base + OFF_ACCEPTED) + 1);
        this.attachSocket(env, sock, slot);
      }
    });
  }

  private attachSocket(env: GuestEnv, sock: TcpSocket, slot: number): void {
    const m = env.memory;
    const base = env.region.base;
    const slotAddr = this.slotAddr(env, slot);
    sock.on('readable', () => {
      let data: Uint8Array | null;
      while ((data = sock.read()) !== null) {
        if (this.failOnRead) throw new Error(`${this.name}: injected failure on read`);
        const total = m.readU64(base + OFF_TOTAL) + data.length;
        m.writeU64(base + OFF_TOTAL, total);
        m.writeU64(slotAddr + 8, m.readU64(slotAddr + 8) + data.length);
        this.appendLog(env, data);
        const reply = m.readU32(base + OFF_MODE) === 0 ? data : new TextEncoder().encode(`${total}\n`);
        const accepted = sock.write(reply);
        // Tests keep replies within the send buffer; a short write would need a backlog kept in memory.
        if (accepted !== reply.length)
          throw new Error(`${this.name}: send buffer full (${accepted} of ${reply.length})`);
      }
    });
    sock.on('end', () => sock.close());
    sock.on('close', () => m.writeU32(slotAddr, 0));
  }

  /** Appends to a circular log in the region above the header page, so traffic dirties program memory. */
  private appendLog(env: GuestEnv, data: Uint8Array): void {
    const m = env.memory;
    const base = env.region.base;
    const logBytes = env.region.size - LOG_START;
    let head = m.readU32(base + OFF_LOG_HEAD);
    let from = 0;
    while (from < data.length) {
      const n = Math.min(data.length - from, logBytes - head);
      m.write(base + LOG_START + head, data.subarray(from, from + n));
      from += n;
      head = (head + n) % logBytes;
    }
    m.writeU32(base + OFF_LOG_HEAD, head);
  }
}
