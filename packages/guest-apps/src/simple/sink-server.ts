/**
 * Discard (RFC 863, TCP port 9), counting: everything received is thrown away, but the byte count is kept in
 * guest memory, per connection and in total. One extension lets an uploading client verify its upload: when the
 * client half-closes (its FIN is read), the server answers `<count>\r\n` (decimal bytes received on this
 * connection) and closes. A client that never half-closes sees plain RFC 863 behaviour.
 */
import type { ServerConnection } from '../server/server-connection.ts';
import { TcpServerProgram, type ServerProgramOptions } from '../server/tcp-server-program.ts';

const MAGIC = 0x4b4e4953; // "SINK"
const VERSION = 1;
const READ_CHUNK = 256 * 1024;
// Root fields.
const R_BYTES = 0; // u64: bytes received by all connections
const R_COMPLETED = 8; // u64: uploads answered with their count
// Connection fields.
const C_BYTES = 0; // u64
/** The count reply has been queued. */
const ANSWERED = 1 << 8;

export interface SinkStats {
  readonly bytesReceived: number;
  readonly uploadsCompleted: number;
  readonly connections: number;
}

export class SinkServer extends TcpServerProgram {
  readonly name: string;
  protected readonly rootMagic = MAGIC;
  protected readonly rootVersion = VERSION;
  protected readonly rootAppBytes = 16;
  protected readonly connectionAppBytes = 8;

  constructor(options: ServerProgramOptions & { name?: string } = {}) {
    super({ port: 9, memoryBytes: 1 << 20 }, options);
    this.name = options.name ?? 'sink';
  }

  stats(): SinkStats {
    const m = this.memory;
    return {
      bytesReceived: m.readU64(this.rootFields + R_BYTES),
      uploadsCompleted: m.readU64(this.rootFields + R_COMPLETED),
      connections: this.serverStats().connections,
    };
  }

  protected initRoot(): void {}

  protected serviceConnection(conn: ServerConnection): void {
    const sock = conn.socket;
    const m = this.memory;
    let received = 0;
    for (let data = sock.read(READ_CHUNK); data; data = sock.read(READ_CHUNK)) received += data.length;
    if (received > 0) {
      m.writeU64(conn.field(C_BYTES), m.readU64(conn.field(C_BYTES)) + received);
      m.writeU64(this.rootFields + R_BYTES, m.readU64(this.rootFields + R_BYTES) + received);
    }
    conn.flush();
    if (sock.readableEnded && !conn.hasFlag(ANSWERED)) {
      conn.setFlag(ANSWERED);
      m.writeU64(this.rootFields + R_COMPLETED, m.readU64(this.rootFields + R_COMPLETED) + 1);
      conn.send(new TextEncoder().encode(`${m.readU64(conn.field(C_BYTES))}\r\n`));
      conn.closeAfterOutput();
    }
  }
}
