/**
 * Echo (RFC 862, TCP port 7): everything received is sent back. It reads only as much as the send buffer can
 * take, so echoed bytes never wait in the program: flow control is the kernel's (a client that does not read
 * stops its own writes). When the client half-closes and everything has been echoed, the server closes too.
 */
import type { ServerConnection } from '../server/server-connection.ts';
import { TcpServerProgram, type ServerProgramOptions } from '../server/tcp-server-program.ts';
import { writeSome } from '../server/socket-io.ts';

const MAGIC = 0x4f484345; // "ECHO"
const VERSION = 1;
const READ_CHUNK = 256 * 1024;
// Root fields.
const R_BYTES = 0; // u64: bytes echoed by all connections
// Connection fields.
const C_BYTES = 0; // u64

export interface EchoStats {
  readonly bytesEchoed: number;
  readonly connections: number;
}

export class EchoServer extends TcpServerProgram {
  readonly name: string;
  protected readonly rootMagic = MAGIC;
  protected readonly rootVersion = VERSION;
  protected readonly rootAppBytes = 8;
  protected readonly connectionAppBytes = 8;

  constructor(options: ServerProgramOptions & { name?: string } = {}) {
    super({ port: 7, memoryBytes: 1 << 20 }, options);
    this.name = options.name ?? 'echo';
  }

  stats(): EchoStats {
    return {
      bytesEchoed: this.memory.readU64(this.rootFields + R_BYTES),
      connections: this.serverStats().connections,
    };
  }

  protected initRoot(): void {}

  /** Echo is interactive: small echoes go out at once rather than waiting on Nagle (RFC 9293 §3.7.4). */
  protected override initConnection(conn: ServerConnection): void {
    conn.socket.setNoDelay(true);
  }

  protected serviceConnection(conn: ServerConnection): void {
    const sock = conn.socket;
    const m = this.memory;
    while (conn.flush()) {
      if (sock.readableLength === 0) {
        if (sock.readableEnded) conn.closeAfterOutput();
        return;
      }
      const room = sock.writableLength;
      if (room === 0) {
        writeSome(sock, new Uint8Array(0)); // ask for 'writable'
        return;
      }
      const data = sock.read(Math.min(room, READ_CHUNK));
      if (!data) return;
      conn.send(data); // fits: no more than the room
      m.writeU64(conn.field(C_BYTES), m.readU64(conn.field(C_BYTES)) + data.length);
      m.writeU64(this.rootFields + R_BYTES, m.readU64(this.rootFields + R_BYTES) + data.length);
    }
  }
}
