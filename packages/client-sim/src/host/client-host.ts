/**
 * The seam between workloads and whatever drives the client's TCP stack. Workloads only ever see a ClientHost, so
 * the same code runs on virtual time inside a SimNetwork (tests) and on the host's clock over a real packet
 * transport (NATS, a TUN bridge).
 */
import type { TcpStack } from '@vmha/guest-tcp';

export interface ClientHost {
  /** The client's own TCP stack; workloads open their sockets on it. */
  readonly stack: TcpStack;
  /** Milliseconds on the driver's clock (virtual in a simulation). */
  now(): number;
  /**
   * Calls `fire` at absolute time `atMs` (inside `run`, so socket calls from it dispatch their events).
   * Returns a cancel function. Same shape as vnet's TimerHost.
   */
  setTimer(atMs: number, fire: () => void): () => void;
  /**
   * Runs socket calls made outside the stack's own event handlers (start-up, timers, promises): dispatches the
   * events they cause and lets the driver re-arm its timer.
   */
  run<T>(action: () => T): T;
}

/** Whatever carries the client's raw IPv4 datagrams (a vnet attachment, a TUN bridge, a test link). */
export interface PacketPort {
  /** Sends one raw IPv4 datagram. */
  send(packet: Uint8Array): void;
  /** Registers the receiver of inbound raw IPv4 datagrams (one handler; a later call replaces it). */
  onPacket(handler: (packet: Uint8Array) => void): void;
}
