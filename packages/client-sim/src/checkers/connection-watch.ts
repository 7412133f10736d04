/**
 * "Connections are never reset": watches one client socket and records a violation when it is reset, refused or
 * timed out, or when the peer ends it while the client still expects data. An HA failover or migration must
 * be invisible here: established connections survive.
 */
import type { TcpSocket, TcpSocketError } from '@vmha/guest-tcp';
import type { ViolationLog } from './violations.ts';

export class ConnectionWatch {
  /** The peer's FIN has been read. */
  ended = false;
  /** The socket is CLOSED. */
  closed = false;
  error: TcpSocketError | undefined;
  private endExpected = false;
  private silenced = false;

  constructor(
    readonly socket: TcpSocket,
    readonly label: string,
    private readonly log: ViolationLog,
  ) {
    socket.on('end', () => this.onEnd());
    socket.on('close', (error) => this.onClose(error));
  }

  /** From now on the peer may end the connection (the client closed its side, or has all it asked for). */
  expectEnd(): void {
    this.endExpected = true;
  }

  /** The client itself is tearing the connection down (abort, stop): nothing that follows is the peer's fault. */
  silence(): void {
    this.silenced = true;
  }

  private onEnd(): void {
    this.ended = true;
    if (this.endExpected || this.silenced) return;
    this.log.record(
      { kind: 'unexpected-close', connection: this.label },
      `${this.label}: the server closed the connection while the client still expected data`,
    );
  }

  private onClose(error: TcpSocketError | undefined): void {
    this.closed = true;
    this.error = error;
    if (this.silenced) return;
    if (error?.code === 'ECONNRESET') {
      this.log.record(
        { kind: 'connection-reset', connection: this.label },
        `${this.label}: connection reset by the server`,
      );
    } else if (error) {
      this.log.record(
        { kind: 'connection-error', connection: this.label, code: error.code },
        `${this.label}: ${error.message}`,
      );
    } else if (!this.ended && !this.endExpected) {
      // Closed without an error and without the peer's FIN: only the client's own close of a connecting socket
      // does that, which callers silence first; anything else means the connection vanished.
      this.log.record(
        { kind: 'unexpected-close', connection: this.label },
        `${this.label}: the connection closed before the client was done`,
      );
    }
  }
}
