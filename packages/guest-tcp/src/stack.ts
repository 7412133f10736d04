/**
 * The stack: one IPv4 address, its connections and listeners. Pure and deterministic: packets come in through
 * input(), leave through the `output` callback, time comes from the injected clock, and the driver calls
 * tick() at nextDeadline(). Its whole state saves to bytes and restores into a fresh stack.
 */
import { congestionControllerFactory } from './congestion/registry.ts';
import type {
  CongestionController,
  CongestionControllerFactory,
  ReplicationStatus,
} from './congestion/types.ts';
import { Connection, type ConnectionHost, type SocketEventName } from './connection.ts';
import { FourTupleMap } from './internal/four-tuple-map.ts';
import { SeededRandom, hash32 } from './internal/rng.ts';
import { copiesBetween, type StateCopy, type StreamLayout } from './internal/saved-streams.ts';
import { StateFormatError, StateReader, StateWriter } from './internal/state-codec.ts';
import { Listener } from './listener.ts';
import {
  TcpSocketError,
  type Clock,
  type DropReason,
  type TcpConfig,
  type TcpListener,
  type TcpSocket,
  type TcpStackOptions,
  type TcpStats,
} from './types.ts';
import { formatIpv4Address, toIpv4Address, type Ipv4Address } from './wire/ipv4.ts';
import {
  ACK,
  FIN,
  RST,
  SYN,
  encodeTcpSegment,
  parseTcpSegment,
  type TcpSegment,
} from './wire/tcp-segment.ts';

/** Snapshot format: magic "GTCP" then this version. Bump on any layout change. */
export const STACK_STATE_VERSION = 1;
const MAGIC = 0x47544350;

export const DEFAULT_TCP_CONFIG: Readonly<TcpConfig> = Object.freeze({
  mss: 1460,
  congestionControl: 'cubic',
  sendBufferBytes: 4 * 1024 * 1024,
  receiveBufferBytes: 4 * 1024 * 1024,
  windowScaling: true,
  timestamps: true,
  sack: true,
  delayedAckMs: 40,
  nagle: true,
  initialRtoMs: 1000,
  minRtoMs: 200,
  maxRtoMs: 60_000,
  mslMs: 30_000,
  finWait2TimeoutMs: 0,
  synRetries: 6,
  dataRetries: 15,
  initialWindowSegments: 10,
  challengeAckLimitPerSecond: 1000,
  backlog: 1024,
});

/** Validates a configuration; a bad value is an error that names the setting. */
export function resolveConfig(partial: Partial<TcpConfig>): TcpConfig {
  const c: TcpConfig = { ...DEFAULT_TCP_CONFIG };
  for (const key of Object.keys(DEFAULT_TCP_CONFIG) as Array<keyof TcpConfig>) {
    if (partial[key] !== undefined) (c as unknown as Record<string, unknown>)[key] = partial[key];
  }
  const int = (key: keyof TcpConfig, lo: number, hi: number): void => {
    const v = c[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
      throw new Error(`invalid TCP setting ${key}=${String(v)}: expected an integer in [${lo}, ${hi}]`);
    }
  };
  int('mss', 88, 65495);
  int('sendBufferBytes', 1, 1 << 30);
  int('receiveBufferBytes', 1, 1 << 30);
  int('delayedAckMs', 0, 499);
  int('initialRtoMs', 1, 600_000);
  int('minRtoMs', 1, 600_000);
  int('maxRtoMs', c.minRtoMs, 3_600_000);
  int('mslMs', 0, 600_000);
  int('finWait2TimeoutMs', 0, 3_600_000);
  int('synRetries', 0, 255);
  int('dataRetries', 1, 255);
  int('initialWindowSegments', 1, 1000);
  int('challengeAckLimitPerSecond', 0, 1_000_000);
  int('backlog', 1, 1_000_000);
  for (const key of ['windowScaling', 'timestamps', 'sack', 'nagle'] as const) {
    if (typeof c[key] !== 'boolean')
      throw new Error(`invalid TCP setting ${key}=${String(c[key])}: expected a boolean`);
  }
  congestionControllerFactory(c.congestionControl); // throws on an unknown name
  return c;
}

export interface ConnectOptions {
  /** Local port; an ephemeral one (49152-65535, RFC 6335) is chosen when omitted. */
  localPort?: number;
  noDelay?: boolean;
}

function newStats(): TcpStats {
  return {
    packetsIn: 0,
    packetsOut: 0,
    dataSegmentsOut: 0,
    bytesOut: 0,
    bytesIn: 0,
    retransmittedSegments: 0,
    retransmittedBytes: 0,
    fastRetransmits: 0,
    retransmitTimeouts: 0,
    zeroWindowProbes: 0,
    tailLossProbes: 0,
    challengeAcks: 0,
    challengeAcksSuppressed: 0,
    resetsSent: 0,
    resetsReceived: 0,
    connectionsOpened: 0,
    connectionsAccepted: 0,
    dropped: {},
  };
}

export class TcpStack {
  readonly address: Ipv4Address;
  readonly config: TcpConfig;
  readonly stats: TcpStats = newStats();

  private readonly clock: Clock;
  private readonly out: (packet: Uint8Array) => void;
  private readonly ccFactory: CongestionControllerFactory;
  private readonly replicationStatus: (() => ReplicationStatus | undefined) | undefined;
  private rng: SeededRandom;
  /** RFC 6528 secret, derived from the seed. */
  private secret: number;
  private readonly connections = new FourTupleMap<Connection>();
  private readonly byId = new Map<number, Connection>();
  /** Where the last saved state put each queue's bytes (for the next save's copies). */
  private savedStreams: StreamLayout = new Map();
  private readonly listeners = new Map<number, Listener>();
  private nextSocketId = 1;
  private ipId = 0;
  private challengeWindowStart = 0;
  private challengeCount = 0;
  /** Targets with undelivered events, each with a bitmask over EVENT_ORDER (no allocation per event). */
  private readonly pending = new Map<Connection | Listener, number>();
  private dispatching = false;
  /** Connections owing an ACK at the end of the burst being fed (`inputBurst`); undefined outside one. */
  private burst: Set<Connection> | undefined;
  private readonly host: ConnectionHost;

  constructor(options: TcpStackOptions) {
    const {
      address,
      clock,
      output,
      seed,
      congestionControllerFactory: factory,
      replicationStatus,
      ...partial
    } = options;
    this.replicationStatus = replicationStatus;
    this.address = toIpv4Address(address);
    this.config = resolveConfig(partial);
    this.clock = clock;
    this.out = output;
    this.ccFactory = factory ?? congestionControllerFactory(this.config.congestionControl);
    this.rng = new SeededRandom(seed ?? 1);
    this.secret = this.rng.nextU32();
    this.host = this.makeHost();
  }

  get addressText(): string {
    return formatIpv4Address(this.address);
  }

  // ------------------------------------------------------------------------------------------------
  // Driver interface
  // ------------------------------------------------------------------------------------------------

  /**
   * Feeds one inbound IPv4 datagram. Malformed or unwanted input is dropped and counted, never thrown.
   * The stack takes ownership of the bytes (payload is queued without copying): do not modify them afterwards.
   */
  input(packet: Uint8Array): void {
    this.inputOne(packet);
    this.flush();
  }

  /**
   * Feeds datagrams that arrived together (one poll of a NIC's ring, one message of the virtual network), as
   * Linux's GRO and NAPI do: every datagram is processed, then the applications get their events once, then
   * each connection sends one ACK for the in-order data and window it owes (a stretch ACK). Out-of-order and
   * duplicate segments are still ACKed at once. Same ownership rule as `input`.
   */
  inputBurst(packets: readonly Uint8Array[]): void {
    if (this.burst !== undefined) {
      // Re-entered from an event handler: the outer burst sends what is owed.
      for (const p of packets) this.inputOne(p);
      return;
    }
    const owed = new Set<Connection>();
    this.burst = owed;
    try {
      for (const p of packets) this.inputOne(p);
      this.flush(); // applications read here: the ACK below carries the window they opened
    } finally {
      this.burst = undefined;
    }
    for (const conn of owed) conn.sendOwedAck();
    this.flush();
  }

  private inputOne(packet: Uint8Array): void {
    this.stats.packetsIn++;
    const parsed = parseTcpSegment(packet);
    if (!parsed.ok) {
      this.countDrop(parsed.reason);
      return;
    }
    const seg = parsed.segment;
    if (seg.dst !== this.address) {
      this.countDrop('not-for-us');
      return;
    }
    const conn = this.connections.get(seg.src, seg.srcPort, seg.dstPort);
    if (conn) conn.segmentArrives(seg);
    else this.noConnection(seg);
  }

  /**
   * Prompts every connection's peer at once (after a failover activated this stack from a checkpoint): the first
   * unacknowledged segment again, or an ACK with the current window (`Connection.prompt`).
   */
  prompt(): void {
    for (const conn of this.byId.values()) conn.prompt();
    this.flush();
  }

  /** Runs every timer due now. Call at (or after) nextDeadline(). */
  tick(): void {
    const now = this.clock.now();
    for (const conn of [...this.byId.values()]) {
      const due = conn.nextDeadline();
      if (due !== undefined && due <= now) conn.onTimers(now);
    }
    this.flush();
  }

  /** The earliest time a timer is due, or undefined when none is armed. */
  nextDeadline(): number | undefined {
    let t: number | undefined;
    for (const conn of this.byId.values()) {
      const d = conn.nextDeadline();
      if (d !== undefined && (t === undefined || d < t)) t = d;
    }
    return t;
  }

  // ------------------------------------------------------------------------------------------------
  // Sockets API
  // ------------------------------------------------------------------------------------------------

  listen(port: number, options: { backlog?: number } = {}): TcpListener {
    checkPort(port, 'listen port');
    if (this.listeners.has(port))
      throw new TcpSocketError('EADDRINUSE', `port ${port} already has a listener`);
    const listener = new Listener(port, options.backlog ?? this.config.backlog, () =>
      this.listeners.delete(port),
    );
    this.listeners.set(port, listener);
    return listener;
  }

  connect(remoteAddress: string | number, remotePort: number, options: ConnectOptions = {}): TcpSocket {
    const remote = toIpv4Address(remoteAddress);
    checkPort(remotePort, 'remote port');
    const localPort = options.localPort ?? this.ephemeralPort(remote, remotePort);
    checkPort(localPort, 'local port');
    if (this.connections.has(remote, remotePort, localPort)) {
      throw new TcpSocketError(
        'EADDRINUSE',
        `${formatIpv4Address(remote)}:${remotePort} from port ${localPort} is in use`,
      );
    }
    const conn = this.createConnection(localPort, remote, remotePort, 0, 'SYN-SENT');
    if (options.noDelay !== undefined) conn.noDelay = options.noDelay;
    conn.startActiveOpen(this.isn(remote, remotePort, localPort), this.rng.nextU32());
    this.flush();
    return conn;
  }

  socket(id: number): TcpSocket | undefined {
    return this.byId.get(id);
  }

  sockets(): TcpSocket[] {
    return [...this.byId.values()];
  }

  listener(port: number): TcpListener | undefined {
    return this.listeners.get(port);
  }

  /** Runs an application action and then dispatches the events it caused (for calls made outside handlers). */
  run<T>(action: () => T): T {
    const result = action();
    this.flush();
    return result;
  }

  // ------------------------------------------------------------------------------------------------
  // Snapshot
  // ------------------------------------------------------------------------------------------------

  /** The whole stack as versioned bytes: restoring them into a fresh stack continues byte-identically. */
  saveState(): Uint8Array {
    return this.saveStateWithCopies().bytes;
  }

  /**
   * The state as `saveState()`, and the ranges it kept from the state saved last time (each connection's queues,
   * less what they lost from their heads): what lets a checkpoint carry a 4 MiB send queue that moved as its new
   * tail, without searching it. The copies refer to the previous call's bytes, whoever made that call.
   * `headroom`: zero bytes before the state for the caller's own header (so the record is not copied again to
   * prepend one); the copies count them.
   */
  saveStateWithCopies(options: { headroom?: number } = {}): { bytes: Uint8Array; copies: StateCopy[] } {
    const streams: StreamLayout = new Map();
    let queued = 0;
    for (const conn of this.byId.values()) queued += conn.queuedBytes;
    // Sized for the queues at once: growing by doubling would copy megabytes of them several times per save.
    const w = new StateWriter(64 * 1024 + queued).skip(options.headroom ?? 0);
    w.u32(MAGIC).u32(STACK_STATE_VERSION).u32(this.address);
    w.string(JSON.stringify(this.config));
    w.u32(this.rng.state).u32(this.secret).u32(this.nextSocketId).u32(this.ipId);
    w.f64(this.challengeWindowStart).u32(this.challengeCount);
    w.string(JSON.stringify(this.stats));
    w.u32(this.listeners.size);
    for (const l of this.listeners.values()) {
      w.u32(l.port).u32(l.backlog);
      const queued = l.queuedIds();
      w.u32(queued.length);
      for (const id of queued) w.u32(id);
    }
    w.u32(this.byId.size);
    for (const conn of this.byId.values()) conn.save(w, streams);
    const copies = copiesBetween(this.savedStreams, streams);
    this.savedStreams = streams;
    return { bytes: w.finish(), copies };
  }

  /**
   * Rebuilds a stack from saveState() bytes. The configuration, address and all connection state come from the
   * snapshot; the driver supplies the clock and output. Event handlers are not state: re-attach them by socket
   * id (`socket(id)`) and listener port (`listener(port)`).
   */
  static restore(bytes: Uint8Array, driver: StackDriver): TcpStack {
    return TcpStack.restoreFrom(new StateReader(bytes), driver);
  }

  /**
   * Checks that saveState() bytes restore, by restoring them into a stack that is dropped: throws what restore()
   * would. The queues are read in place, not copied (a backup checks every checkpoint this way).
   */
  static checkState(bytes: Uint8Array): void {
    TcpStack.restoreFrom(new StateReader(bytes, { borrow: true }), {
      clock: STOPPED_CLOCK,
      output: () => {},
    });
  }

  private static restoreFrom(r: StateReader, driver: StackDriver): TcpStack {
    if (r.u32('magic') !== MAGIC) throw new StateFormatError('not a guest-tcp snapshot (bad magic)');
    const version = r.u32('version');
    if (version !== STACK_STATE_VERSION) {
      throw new StateFormatError(
        `guest-tcp snapshot version ${version} is not supported (expected ${STACK_STATE_VERSION})`,
      );
    }
    const address = r.u32('address');
    let config: TcpConfig;
    try {
      config = JSON.parse(r.string('config')) as TcpConfig;
    } catch (e) {
      throw new StateFormatError(`snapshot config is not valid JSON: ${(e as Error).message}`);
    }
    const stack = new TcpStack({
      ...config,
      address,
      clock: driver.clock,
      output: driver.output,
      seed: 0,
      congestionControllerFactory: driver.congestionControllerFactory,
      replicationStatus: driver.replicationStatus,
    });
    stack.rng = new SeededRandom(r.u32('rng'));
    stack.secret = r.u32('secret');
    stack.nextSocketId = r.u32('next socket id');
    stack.ipId = r.u32('ip id');
    stack.challengeWindowStart = r.f64('challenge window');
    stack.challengeCount = r.u32('challenge count');
    try {
      Object.assign(stack.stats, JSON.parse(r.string('stats')));
    } catch (e) {
      throw new StateFormatError(`snapshot stats are not valid JSON: ${(e as Error).message}`);
    }
    const nListeners = r.u32('listener count');
    const queues: Array<[Listener, number[]]> = [];
    for (let i = 0; i < nListeners; i++) {
      const port = r.u32('listener port');
      const backlog = r.u32('listener backlog');
      const n = r.u32('accept queue length');
      const ids: number[] = [];
      for (let j = 0; j < n; j++) ids.push(r.u32('accept queue id'));
      const l = new Listener(port, backlog, () => stack.listeners.delete(port));
      stack.listeners.set(port, l);
      queues.push([l, ids]);
    }
    const nConns = r.u32('connection count');
    for (let i = 0; i < nConns; i++) {
      const conn = Connection.restore(stack.host, address, r);
      stack.connections.set(conn.remoteAddr, conn.remotePort, conn.localPort, conn);
      stack.byId.set(conn.id, conn);
    }
    r.end();
    for (const [l, ids] of queues) {
      for (const id of ids) {
        const conn = stack.byId.get(id);
        if (!conn) throw new StateFormatError(`accept queue names unknown socket ${id}`);
        l.restoreQueued(conn);
      }
    }
    return stack;
  }

  // ------------------------------------------------------------------------------------------------
  // Internals
  // ------------------------------------------------------------------------------------------------

  private makeHost(): ConnectionHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const stack = this;
    return {
      get config() {
        return stack.config;
      },
      get stats() {
        return stack.stats;
      },
      now: () => this.clock.now(),
      emit: (packet) => this.out(packet),
      nextIpId: () => {
        this.ipId = (this.ipId + 1) & 0xffff;
        return this.ipId;
      },
      allowChallengeAck: () => this.allowChallengeAck(),
      deferAck: (conn) => {
        if (this.burst === undefined) return false;
        this.burst.add(conn);
        return true;
      },
      notify: (conn, event) => this.enqueue(conn, event),
      established: (conn) => {
        const l = this.listeners.get(conn.listenerPort);
        if (!l) {
          conn.abort();
          return;
        }
        this.stats.connectionsAccepted++;
        l.enqueue(conn);
        this.enqueue(l, 'connection');
      },
      closed: (conn) => {
        this.connections.delete(conn.remoteAddr, conn.remotePort, conn.localPort);
        this.byId.delete(conn.id);
        if (conn.listenerPort) this.listeners.get(conn.listenerPort)?.forget(conn);
      },
      createController: (): CongestionController =>
        this.ccFactory({
          mss: this.config.mss,
          initialWindowSegments: this.config.initialWindowSegments,
          replicationStatus: this.replicationStatus,
        }),
    };
  }

  private createConnection(
    localPort: number,
    remote: Ipv4Address,
    remotePort: number,
    listenerPort: number,
    state: 'SYN-SENT' | 'SYN-RECEIVED',
  ): Connection {
    const conn = new Connection(
      this.host,
      this.nextSocketId++,
      this.address,
      localPort,
      remote,
      remotePort,
      listenerPort,
      state,
    );
    this.connections.set(remote, remotePort, localPort, conn);
    this.byId.set(conn.id, conn);
    return conn;
  }

  /** A segment for no connection: passive open on a listener, else RST (RFC 9293 §3.10.7.1, §3.10.7.2). */
  private noConnection(seg: TcpSegment): void {
    const listener = this.listeners.get(seg.dstPort);
    if (listener) {
      if (seg.flags & RST) return;
      if (seg.flags & ACK) {
        this.resetFor(seg);
        return;
      }
      if (!(seg.flags & SYN)) {
        this.countDrop('bad-state');
        return;
      }
      if (listener.pendingCount() >= listener.backlog) {
        this.countDrop('listen-backlog-full');
        return;
      }
      const conn = this.createConnection(seg.dstPort, seg.src, seg.srcPort, seg.dstPort, 'SYN-RECEIVED');
      listener.trackPending(conn);
      conn.startPassiveOpen(seg, this.isn(seg.src, seg.srcPort, seg.dstPort), this.rng.nextU32());
      return;
    }
    this.countDrop('no-socket');
    if (!(seg.flags & RST)) this.resetFor(seg);
  }

  private resetFor(seg: TcpSegment): void {
    const len = seg.payload.length + (seg.flags & SYN ? 1 : 0) + (seg.flags & FIN ? 1 : 0);
    const withAck = (seg.flags & ACK) === 0;
    this.stats.resetsSent++;
    this.stats.packetsOut++;
    this.out(
      encodeTcpSegment({
        src: this.address,
        dst: seg.src,
        srcPort: seg.dstPort,
        dstPort: seg.srcPort,
        seq: withAck ? 0 : seg.ack,
        ack: withAck ? (seg.seq + len) >>> 0 : 0,
        flags: withAck ? RST | ACK : RST,
        window: 0,
      }),
    );
  }

  /** RFC 6528: ISN = M + F(4-tuple, secret), M a 4-microsecond clock. */
  private isn(remote: Ipv4Address, remotePort: number, localPort: number): number {
    const m = Math.floor(this.clock.now() * 250);
    return (m + hash32(this.address, remote, (remotePort << 16) | localPort, this.secret)) >>> 0;
  }

  private ephemeralPort(remote: Ipv4Address, remotePort: number): number {
    for (let attempt = 0; attempt < 16384; attempt++) {
      const port = 49152 + (this.rng.nextU32() % 16384);
      if (!this.connections.has(remote, remotePort, port) && !this.listeners.has(port)) return port;
    }
    throw new TcpSocketError(
      'EADDRINUSE',
      `no free ephemeral port toward ${formatIpv4Address(remote)}:${remotePort}`,
    );
  }

  private allowChallengeAck(): boolean {
    const now = this.clock.now();
    if (now - this.challengeWindowStart >= 1000) {
      this.challengeWindowStart = now;
      this.challengeCount = 0;
    }
    if (this.challengeCount >= this.config.challengeAckLimitPerSecond) return false;
    this.challengeCount++;
    return true;
  }

  private countDrop(reason: DropReason): void {
    this.stats.dropped[reason] = (this.stats.dropped[reason] ?? 0) + 1;
  }

  private enqueue(target: Connection | Listener, event: SocketEventName | 'connection'): void {
    this.pending.set(target, (this.pending.get(target) ?? 0) | EVENT_BIT[event]);
  }

  /** Dispatches queued events once the stack's own processing is finished, so handlers never re-enter it. */
  private flush(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (this.pending.size > 0) {
        const [target, events] = this.pending.entries().next().value as [Connection | Listener, number];
        this.pending.delete(target);
        // Deliver in a stable order: connect before data, data before end, close last.
        for (let i = 0; i < EVENT_ORDER.length; i++) {
          if (!(events & (1 << i))) continue;
          if (target instanceof Listener) target.dispatch();
          else target.dispatch(EVENT_ORDER[i] as SocketEventName);
        }
      }
    } finally {
      this.dispatching = false;
    }
  }
}

const EVENT_ORDER = ['connection', 'connect', 'readable', 'writable', 'end', 'close'] as const;
const EVENT_BIT = Object.fromEntries(EVENT_ORDER.map((e, i) => [e, 1 << i])) as Record<
  (typeof EVENT_ORDER)[number],
  number
>;

function checkPort(port: number, what: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new TcpSocketError('EINVAL', `invalid ${what} ${port}: expected an integer in [1, 65535]`);
  }
}

/** What a restored stack is given by its driver: time, the wire, and optionally its congestion control. */
export interface StackDriver {
  clock: Clock;
  output: (packet: Uint8Array) => void;
  congestionControllerFactory?: CongestionControllerFactory;
  replicationStatus?: () => ReplicationStatus | undefined;
}

/** The clock of a stack restored only to be checked: it never runs. */
const STOPPED_CLOCK: Clock = { now: () => 0 };
