/** Socket calls that never throw into a guest program: a peer can reset a connection between any two events. */
import { TcpSocketError, type TcpSocket } from '@vmha/guest-tcp';

const NOTHING = new Uint8Array(0);

/** States in which write() accepts data (RFC 9293: before our FIN is queued). */
export function canWrite(sock: TcpSocket): boolean {
  const s = sock.state;
  return s === 'ESTABLISHED' || s === 'CLOSE-WAIT';
}

/**
 * Writes what the send buffer takes and returns that count; -1 when the socket can no longer be written. A
 * full buffer is still offered an empty write, which is how guest-tcp learns to send 'writable' later.
 */
export function writeSome(sock: TcpSocket, data: Uint8Array): number {
  if (!canWrite(sock)) return -1;
  try {
    if (sock.writableLength === 0) {
      sock.write(NOTHING);
      return 0;
    }
    return sock.write(data);
  } catch (e) {
    if (e instanceof TcpSocketError) return -1;
    throw e;
  }
}

/** Reads and drops everything buffered (after we closed, input has nowhere to go). */
export function discardInput(sock: TcpSocket): void {
  while (sock.read() !== null);
}
