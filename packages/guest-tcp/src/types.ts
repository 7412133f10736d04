/** Public contracts of the guest TCP stack: options, states, events, errors and counters. */
import type { CongestionControllerFactory, ReplicationStatus } from './congestion/types.ts';
import type { SegmentDropReason } from './wire/tcp-segment.ts';

/** Time source in milliseconds. The stack has no timers of its own; the driver calls tick() when due. */
export interface Clock {
  now(): number;
}

/** RFC 9293 §3.3.2 connection states. */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

/** Why a connection ended abnormally (the POSIX names users know). */
export type TcpErrorCode = 'ECONNRESET' | 'ECONNREFUSED' | 'ETIMEDOUT';

export class TcpSocketError extends Error {
  override name = 'TcpSocketError';
  constructor(
    readonly code: TcpErrorCode | 'EPIPE' | 'ENOTCONN' | 'EADDRINUSE' | 'EINVAL',
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface SocketEvents {
  /** Active open completed (ESTABLISHED). */
  connect: () => void;
  /** Data, or end of stream, can be read. */
  readable: () => void;
  /** Send-buffer space freed after write() accepted less than offered. */
  writable: () => void;
  /** The peer's FIN was read: no more data will come. */
  end: () => void;
  /** The connection is gone; `error` is set when it ended abnormally. */
  close: (error?: TcpSocketError) => void;
}

export interface ListenerEvents {
  connection: () => void;
}

/** Tunables. Every field has an RFC-grounded default; see `resolveConfig`. */
export interface TcpConfig {
  /** MSS we advertise and our largest segment payload without options (MTU 1500 - 40). */
  mss: number;
  congestionControl: string;
  sendBufferBytes: number;
  receiveBufferBytes: number;
  /** Negotiate RFC 7323 window scaling. */
  windowScaling: boolean;
  /** Negotiate RFC 7323 timestamps. */
  timestamps: boolean;
  /** Negotiate RFC 2018 SACK. */
  sack: boolean;
  /** Delayed-ACK timeout (RFC 9293 §3.8.6.3 requires < 0.5 s); 0 ACKs every segment. */
  delayedAckMs: number;
  /** Nagle's algorithm on new sockets (RFC 9293 §3.7.4); sockets can switch it off. */
  nagle: boolean;
  /** RFC 6298 bounds. RFC says 1 s minimum; Linux and most stacks use 200 ms. */
  initialRtoMs: number;
  minRtoMs: number;
  maxRtoMs: number;
  /** Maximum segment lifetime; TIME-WAIT lasts 2 MSL (RFC 9293 §3.4.2). */
  mslMs: number;
  /** FIN-WAIT-2 timeout (like Linux tcp_fin_timeout for orphans); 0, the default, waits for the peer's FIN. */
  finWait2TimeoutMs: number;
  /** SYN (and SYN-ACK) retransmissions before ETIMEDOUT. */
  synRetries: number;
  /** Consecutive data retransmission timeouts before ETIMEDOUT (RFC 1122 §4.2.3.5 R2). */
  dataRetries: number;
  /** RFC 6928 initial window, in segments. */
  initialWindowSegments: number;
  /** RFC 5961 §7: challenge ACKs allowed per second, stack-wide. */
  challengeAckLimitPerSecond: number;
  /** Pending connections per listener (SYN-RECEIVED plus not yet accepted). */
  backlog: number;
}

export interface TcpStackOptions extends Partial<TcpConfig> {
  /** The stack's IPv4 address, dotted or as a 32-bit number. */
  address: string | number;
  clock: Clock;
  /** Receives every IPv4 datagram the stack emits; the bytes are the caller's to keep. */
  output: (packet: Uint8Array) => void;
  /** Seeds ISNs, ephemeral ports and timestamp offsets (RFC 6528, RFC 7323 §5.4). */
  seed?: number;
  /** A controller not in the registry, by factory; its `name` must be registered for restore. */
  congestionControllerFactory?: CongestionControllerFactory;
  /** Reads the VMM's paravirtual replication registers (for the `racc` controller); absent: none. */
  replicationStatus?: () => ReplicationStatus | undefined;
}

/** Why the stack dropped an inbound datagram (counted in `TcpStats.dropped`). */
export type DropReason =
  | SegmentDropReason
  | 'not-for-us'
  | 'no-socket'
  | 'listen-backlog-full'
  | 'bad-ack'
  | 'out-of-window'
  | 'paws'
  | 'bad-state';

export interface TcpStats {
  packetsIn: number;
  packetsOut: number;
  dataSegmentsOut: number;
  bytesOut: number;
  bytesIn: number;
  retransmittedSegments: number;
  retransmittedBytes: number;
  fastRetransmits: number;
  retransmitTimeouts: number;
  zeroWindowProbes: number;
  /** RFC 8985 tail loss probes sent. */
  tailLossProbes: number;
  challengeAcks: number;
  challengeAcksSuppressed: number;
  resetsSent: number;
  resetsReceived: number;
  connectionsOpened: number;
  connectionsAccepted: number;
  dropped: Partial<Record<DropReason, number>>;
}

export interface SocketInfo {
  readonly id: number;
  readonly state: TcpState;
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly cwnd: number;
  readonly ssthresh: number;
  readonly srttMs: number | undefined;
  readonly rtoMs: number;
  readonly sendWindow: number;
  readonly receiveWindow: number;
  readonly bytesInFlight: number;
  readonly sendQueued: number;
  readonly receiveQueued: number;
  readonly sackEnabled: boolean;
  readonly timestampsEnabled: boolean;
  readonly windowScale: { readonly send: number; readonly receive: number } | undefined;
  readonly mss: number;
  readonly inRecovery: boolean;
}

/** A connection as applications see it (the TCB behind it is internal). */
export interface TcpSocket {
  readonly id: number;
  readonly state: TcpState;
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** Bytes that read() would return now. */
  readonly readableLength: number;
  /** The peer's FIN has been read past: no more data will arrive. */
  readonly readableEnded: boolean;
  /** Free send-buffer space: how much write() would accept now. */
  readonly writableLength: number;
  /** Bytes written but not yet acknowledged by the peer. */
  readonly unacknowledgedLength: number;
  /** Set when the connection ended abnormally. */
  readonly error: TcpSocketError | undefined;
  on<E extends keyof SocketEvents>(event: E, handler: SocketEvents[E]): this;
  off<E extends keyof SocketEvents>(event: E, handler: SocketEvents[E]): this;
  /** Queues a copy of `data`; returns the bytes accepted (fewer means back-pressure: wait for 'writable'). */
  write(data: Uint8Array): number;
  /** Up to `max` bytes, or null when none are buffered. */
  read(max?: number): Uint8Array | null;
  /** Graceful close of the sending side (FIN after queued data); reading continues until 'end'. */
  close(): void;
  /** Abortive close: RST, everything discarded. */
  abort(): void;
  /** Switches Nagle's algorithm off (true) or on (false). */
  setNoDelay(noDelay?: boolean): void;
  info(): SocketInfo;
}

/** A listening port. */
export interface TcpListener {
  readonly port: number;
  readonly backlog: number;
  /** The next established connection, or null when none is waiting. */
  accept(): TcpSocket | null;
  on(event: 'connection', handler: ListenerEvents['connection']): this;
  /** Stops listening; connections not yet accepted are reset. */
  close(): void;
}
