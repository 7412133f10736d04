/**
 * A program's handle on one connection: the record in guest memory plus the kernel socket. It holds no state of
 * its own (everything is read from and written to the record), so a handle rebuilt after a restore behaves
 * exactly like the one before it.
 */
import type { TcpSocket } from '@vmha/guest-tcp';
import type { GuestMemory } from '@vmha/machine';
import { GuestByteQueue } from '../heap/guest-byte-queue.ts';
import type { GuestHeap } from '../heap/guest-heap.ts';
import { CONN, CONN_FLAG } from './server-layout.ts';
import { writeSome } from './socket-io.ts';

/** Largest chunk moved from the output queue to the socket per write (bounds the temporary copy). */
const FLUSH_CHUNK = 256 * 1024;

export class ServerConnection {
  readonly input: GuestByteQueue;
  readonly output: GuestByteQueue;
  private readonly memory: GuestMemory;

  constructor(
    heap: GuestHeap,
    /** Address of the connection record. */
    readonly record: number,
    readonly socket: TcpSocket,
  ) {
    this.memory = heap.memory;
    this.input = new GuestByteQueue(heap, record + CONN.INPUT);
    this.output = new GuestByteQueue(heap, record + CONN.OUTPUT);
  }

  /** Address of the program's own field at `offset` in the record. */
  field(offset: number): number {
    return this.record + CONN.APP + offset;
  }

  get flags(): number {
    return this.memory.readU32(this.record + CONN.FLAGS);
  }

  hasFlag(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  setFlag(flag: number): void {
    const flags = this.flags;
    if ((flags & flag) !== flag) this.memory.writeU32(this.record + CONN.FLAGS, flags | flag);
  }

  clearFlag(flag: number): void {
    const flags = this.flags;
    if ((flags & flag) !== 0) this.memory.writeU32(this.record + CONN.FLAGS, flags & ~flag);
  }

  /** Close after the queued output has gone (the framework does the close). */
  closeAfterOutput(): void {
    this.setFlag(CONN_FLAG.CLOSE_AFTER_OUTPUT);
  }

  get closing(): boolean {
    return (this.flags & (CONN_FLAG.CLOSE_AFTER_OUTPUT | CONN_FLAG.CLOSE_SENT)) !== 0;
  }

  /**
   * Sends `data` after anything already queued: straight to the socket when the queue is empty, the rest into
   * the output queue in guest memory. Throws GuestHeapExhaustedError when the queue cannot grow.
   */
  send(data: Uint8Array): void {
    if (data.length === 0) return;
    if (this.output.length === 0) {
      const n = writeSome(this.socket, data);
      if (n < 0) return; // the connection is going away; its 'close' releases the record
      if (n === data.length) return;
      data = data.subarray(n);
    }
    this.output.append(data);
  }

  /** Moves queued output to the socket; true when the queue is empty afterwards. */
  flush(): boolean {
    const out = this.output;
    while (out.length > 0) {
      const room = this.socket.writableLength;
      const n = writeSome(this.socket, room > 0 ? out.peek(Math.min(room, FLUSH_CHUNK)) : new Uint8Array(0));
      if (n < 0) {
        out.clear(); // unwritable for good: nobody will read it
        return true;
      }
      if (n === 0) return false;
      out.consume(n);
    }
    return true;
  }
}
