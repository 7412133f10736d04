/**
 * One TCP connection: the transmission control block and its state machine (RFC 9293 §3.3, §3.10),
 * reliable delivery (RFC 6298 timers, RFC 5681/6582 fast retransmit and NewReno, RFC 6675 SACK recovery),
 * flow control with window scaling and timestamps (RFC 7323), delayed ACKs, zero-window probing, Nagle,
 * and RFC 5961 hardening against blind RST/SYN/data injection.
 *
 * The class is also the public socket handle (`TcpSocket`): read/write/close and events.
 */
import type { CongestionController, LossEvent } from './congestion/types.ts';
import { ByteQueue } from './internal/byte-queue.ts';
import { ReassemblyQueue } from './internal/reassembly.ts';
import { RtoEstimator } from './internal/rto.ts';
import type { StreamLayout } from './internal/saved-streams.ts';
import { SackScoreboard, type SeqRange } from './internal/scoreboard.ts';
import { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt, seqMax } from './internal/seq.ts';
import type { StateReader, StateWriter } from './internal/state-codec.ts';
import {
  TcpSocketError,
  type SocketEvents,
  type SocketInfo,
  type TcpConfig,
  type TcpErrorCode,
  type TcpSocket,
  type TcpState,
  type TcpStats,
} from './types.ts';
import { formatIpv4Address, type Ipv4Address } from './wire/ipv4.ts';
import { copyBytes } from './wire/packet-allocator.ts';
import {
  ACK,
  FIN,
  MAX_WINDOW_SCALE,
  PSH,
  RST,
  SYN,
  encodeTcpSegment,
  optionBytes,
  type TcpOptions,
  type TcpSegment,
} from './wire/tcp-segment.ts';

/** What a connection needs from its stack. */
export interface ConnectionHost {
  readonly config: TcpConfig;
  readonly stats: TcpStats;
  now(): number;
  emit(packet: Uint8Array): void;
  nextIpId(): number;
  /** RFC 5961 §7 rate limit; false means suppress this challenge ACK. */
  allowChallengeAck(): boolean;
  /**
   * Inside a burst of input (`TcpStack.inputBurst`), takes an in-order ACK or window update this connection owes
   * and has it sent once when the burst ends (`sendOwedAck`); returns false outside a burst (send it now).
   */
  deferAck(conn: Connection): boolean;
  /** Queue an event for dispatch after the current input/tick/API call finishes. */
  notify(conn: Connection, event: SocketEventName): void;
  /** The connection reached ESTABLISHED from a passive open. */
  established(conn: Connection): void;
  /** The connection reached CLOSED and must leave the demultiplexing table. */
  closed(conn: Connection): void;
  createController(): CongestionController;
}

export type SocketEventName = keyof SocketEvents;

const TS_OPTION_BYTES = 12;
/** RFC 8985 §7.2 WCDelAckT: the longest a receiver may delay an ACK for a lone segment. */
const WORST_CASE_DELAYED_ACK_MS = 200;
/** Floor on the probe timeout, so clock granularity and scheduling jitter do not cause spurious probes. */
const MIN_PTO_MS = 10;
/** Smallest peer MSS honoured (payload + options), so timestamps still leave room for data. */
const MIN_PEER_MSS = 64;
/** RFC 5681 §3.2 DupThresh. */
const DUP_THRESH = 3;

/** States in which our side may still transmit data or a FIN. */
const SENDING_STATES: ReadonlySet<TcpState> = new Set([
  'ESTABLISHED',
  'CLOSE-WAIT',
  'FIN-WAIT-1',
  'CLOSING',
  'LAST-ACK',
]);
/** States in which segment text is accepted (RFC 9293 §3.10.7.4, seventh step). */
const RECEIVING_STATES: ReadonlySet<TcpState> = new Set(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2']);

export class Connection implements TcpSocket {
  state: TcpState;
  readonly localPort: number;
  readonly remoteAddr: Ipv4Address;
  readonly remotePort: number;
  /** Port of the listener that created this connection (passive open), or 0. */
  readonly listenerPort: number;

  // --- Send sequence space (RFC 9293 §3.3.1) ---
  iss = 0;
  sndUna = 0;
  sndNxt = 0;
  /** Highest sequence ever sent; SND.NXT goes back below it after a retransmission timeout (go-back-N). */
  sndMax = 0;
  /** Peer's window in bytes, already scaled. */
  sndWnd = 0;
  sndWl1 = 0;
  sndWl2 = 0;
  maxSndWnd = 0;
  /** Shift to apply to the peer's window field; ours to apply to our announcements. */
  sndWscale = 0;
  rcvWscale = 0;
  wscaleOk = false;
  /** Largest payload+options the peer accepts (its MSS option, capped by ours). */
  peerMss = 536;
  tsOk = false;
  sackOk = false;
  tsRecent = 0;
  lastAckSent = 0;
  tsOffset = 0;

  // --- Receive sequence space ---
  irs = 0;
  rcvNxt = 0;
  /** Right edge of the window we announced; never moved left (RFC 9293 §3.8.6.2.2). */
  rcvAdv = 0;
  /** Sequence of a FIN seen above RCV.NXT, processed once the data before it arrives. */
  pendingFin: number | undefined;
  finReceived = false;

  // --- Buffers ---
  readonly sendQueue = new ByteQueue();
  readonly recvQueue = new ByteQueue();
  readonly reassembly = new ReassemblyQueue();
  /** close() was called: a FIN follows the queued data. */
  finQueued = false;
  finAcked = false;
  /** The application was told write() was short and wants a 'writable' event. */
  wantWritable = false;
  endNotified = false;
  noDelay: boolean;

  // --- Timers (absolute clock times, undefined when stopped) ---
  rtoAt: number | undefined;
  /** RFC 8985 §7 tail loss probe timer (PTO). */
  tlpAt: number | undefined;
  delackAt: number | undefined;
  persistAt: number | undefined;
  timeWaitAt: number | undefined;
  finWait2At: number | undefined;
  persistBackoffs = 0;
  /** Consecutive retransmission timeouts without progress. */
  timeouts = 0;

  // --- RTT and congestion state ---
  readonly rtoEstimator: RtoEstimator;
  /** Karn's algorithm: time one segment at a time, never a retransmitted one. */
  rttSeq: number | undefined;
  rttStartMs = 0;
  cc: CongestionController;
  dupAcks = 0;
  inRecovery = false;
  /** RFC 6582 "recover": highest sequence sent when loss recovery (or an RTO) began. */
  recover = 0;
  /** RFC 6675 HighRxt: highest sequence retransmitted in this recovery. */
  highRxt = 0;
  readonly scoreboard = new SackScoreboard();
  /** End of the outstanding tail-loss-probe episode (one probe per episode), or undefined. */
  tlpHighSeq: number | undefined;
  /** The outstanding probe re-sent old data (rather than sending new data). */
  tlpRetransmitted = false;
  /** A D-SACK showed the probe's data had arrived already: no loss, no congestion response. */
  tlpDsacked = false;
  /** D-SACK block (RFC 2883) to report in our next ACK: a duplicate segment we received. */
  dsack: [number, number] | undefined;
  /** Segments received since our last ACK (delayed ACK, RFC 5681 §4.2: ACK at least every second one). */
  unackedSegments = 0;
  /** An in-order ACK deferred to the end of the current input burst (never set between stack calls). */
  private ackOwed = false;

  error: TcpSocketError | undefined;
  private handlers: { [K in SocketEventName]?: Array<SocketEvents[K]> } = {};

  constructor(
    private readonly host: ConnectionHost,
    readonly id: number,
    readonly localAddr: Ipv4Address,
    localPort: number,
    remoteAddr: Ipv4Address,
    remotePort: number,
    listenerPort: number,
    state: TcpState,
  ) {
    this.localPort = localPort;
    this.remoteAddr = remoteAddr;
    this.remotePort = remotePort;
    this.listenerPort = listenerPort;
    this.state = state;
    const c = host.config;
    this.noDelay = !c.nagle;
    this.rtoEstimator = new RtoEstimator({
      initialMs: c.initialRtoMs,
      minMs: c.minRtoMs,
      maxMs: c.maxRtoMs,
      granularityMs: 1,
    });
    this.cc = host.createController();
    // Smallest shift that lets the 16-bit field express the whole buffer (RFC 7323 §2.3).
    let shift = 0;
    while (shift < MAX_WINDOW_SCALE && c.receiveBufferBytes >>> shift > 0xffff) shift++;
    this.rcvWscale = shift;
  }

  // =====================================================================================================
  // Public socket API
  // =====================================================================================================

  get localAddress(): string {
    return formatIpv4Address(this.localAddr);
  }

  get remoteAddress(): string {
    return formatIpv4Address(this.remoteAddr);
  }

  /** Bytes that can be read now. */
  get readableLength(): number {
    return this.recvQueue.length;
  }

  /** True once the peer's FIN has been read past (no more data will arrive). */
  get readableEnded(): boolean {
    return this.finReceived && this.recvQueue.length === 0;
  }

  /** Free space in the send buffer: how much write() would accept now. */
  get writableLength(): number {
    if (!this.canWrite()) return 0;
    return Math.max(0, this.host.config.sendBufferBytes - this.sendQueue.length);
  }

  /** Bytes written but not yet acknowledged by the peer. */
  get unacknowledgedLength(): number {
    return this.sendQueue.length;
  }

  on<E extends SocketEventName>(event: E, handler: SocketEvents[E]): this {
    const list = (this.handlers[event] ??= []) as Array<SocketEvents[E]>;
    list.push(handler);
    return this;
  }

  off<E extends SocketEventName>(event: E, handler: SocketEvents[E]): this {
    const list = this.handlers[event] as Array<SocketEvents[E]> | undefined;
    if (list) this.handlers[event] = list.filter((h) => h !== handler) as never;
    return this;
  }

  /** Called by the stack's dispatcher. */
  dispatch(event: SocketEventName): void {
    const list = this.handlers[event];
    if (!list) return;
    for (const h of [...list]) {
      if (event === 'close') (h as SocketEvents['close'])(this.error);
      else (h as () => void)();
    }
  }

  setNoDelay(noDelay = true): void {
    this.noDelay = noDelay;
    if (noDelay) this.output();
  }

  /**
   * Queues bytes for sending (they are copied). Returns how many were accepted; fewer than offered means the
   * send buffer is full and a 'writable' event follows when space frees (back-pressure).
   */
  write(data: Uint8Array): number {
    if (!this.canWrite()) {
      throw new TcpSocketError(
        this.finQueued ? 'EPIPE' : 'ENOTCONN',
        `cannot write in state ${this.state}${this.finQueued ? ' after close()' : ''}`,
      );
    }
    const room = this.writableLength;
    const n = Math.min(room, data.length);
    if (n < data.length || room === 0) this.wantWritable = true; // a full buffer always earns 'writable' later
    if (n === 0) return 0;
    this.sendQueue.pushOwned(copyBytes(data.subarray(0, n)));
    this.output();
    return n;
  }

  /** Returns up to `max` buffered bytes, or null when none are available. */
  read(max?: number): Uint8Array | null {
    if (this.recvQueue.length === 0) return null;
    const out = this.recvQueue.take(max);
    this.afterRead();
    return out;
  }

  /** Graceful close of our sending side: a FIN follows queued data (RFC 9293 §3.10.4). Reading continues. */
  close(): void {
    switch (this.state) {
      case 'SYN-SENT':
        this.enterClosed(undefined);
        return;
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.finQueued = true;
        if (this.state === 'ESTABLISHED') this.state = 'FIN-WAIT-1';
        this.output();
        return;
      case 'CLOSE-WAIT':
        this.finQueued = true;
        this.state = 'LAST-ACK';
        this.output();
        return;
      default:
        return; // already closing or closed: idempotent
    }
  }

  /** Abortive close: RST to the peer, everything discarded (RFC 9293 §3.10.5). */
  abort(): void {
    if (this.state === 'CLOSED') return;
    if (this.isSynchronized() || this.state === 'SYN-RECEIVED') {
      this.sendControl(this.sndMax, this.rcvNxt, RST | ACK);
      this.host.stats.resetsSent++;
    }
    this.enterClosed(undefined);
  }

  info(): SocketInfo {
    return {
      id: this.id,
      state: this.state,
      localAddress: this.localAddress,
      localPort: this.localPort,
      remoteAddress: this.remoteAddress,
      remotePort: this.remotePort,
      cwnd: this.cc.cwnd,
      ssthresh: this.cc.ssthresh,
      srttMs: this.rtoEstimator.srtt,
      rtoMs: this.rtoEstimator.rto,
      sendWindow: this.sndWnd,
      receiveWindow: seqDiff(this.rcvAdv, this.rcvNxt),
      bytesInFlight: this.flightSize(),
      sendQueued: this.sendQueue.length,
      receiveQueued: this.recvQueue.length,
      sackEnabled: this.sackOk,
      timestampsEnabled: this.tsOk,
      windowScale: this.wscaleOk ? { send: this.sndWscale, receive: this.rcvWscale } : undefined,
      mss: this.sendMss(),
      inRecovery: this.inRecovery,
    };
  }

  // =====================================================================================================
  // Opening
  // =====================================================================================================

  /** Active open (RFC 9293 §3.10.1): send SYN, enter SYN-SENT. */
  startActiveOpen(iss: number, tsOffset: number): void {
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = seqAdd(iss, 1);
    this.sndMax = this.sndNxt;
    this.recover = iss;
    this.tsOffset = tsOffset;
    this.sendSyn(false);
    this.armRto();
  }

  /** Passive open: a SYN reached a listener; answer SYN-ACK and enter SYN-RECEIVED. */
  startPassiveOpen(syn: TcpSegment, iss: number, tsOffset: number): void {
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = seqAdd(iss, 1);
    this.sndMax = this.sndNxt;
    this.recover = iss;
    this.tsOffset = tsOffset;
    this.acceptSynOptions(syn);
    this.irs = syn.seq;
    this.rcvNxt = seqAdd(syn.seq, 1);
    this.rcvAdv = this.rcvNxt;
    this.sndWnd = syn.window; // never scaled in a SYN (RFC 7323 §2.2)
    this.sndWl1 = syn.seq;
    this.sndWl2 = syn.ack;
    this.maxSndWnd = this.sndWnd;
    this.sendSyn(true);
    this.armRto();
  }

  private acceptSynOptions(syn: TcpSegment): void {
    const c = this.host.config;
    const o = syn.options;
    // RFC 9293 §3.7.1: 536 when absent. A floor stops a peer from forcing tiny segments (CVE-2019-11479;
    // Linux's tcp_min_snd_mss is 48).
    this.peerMss = Math.max(Math.min(o.mss ?? 536, c.mss), MIN_PEER_MSS);
    this.wscaleOk = c.windowScaling && o.windowScale !== undefined;
    if (this.wscaleOk) this.sndWscale = o.windowScale ?? 0;
    else this.rcvWscale = 0;
    this.sackOk = c.sack && o.sackPermitted === true;
    this.tsOk = c.timestamps && o.timestamps !== undefined;
    if (this.tsOk && o.timestamps) this.tsRecent = o.timestamps.value;
  }

  private sendSyn(withAck: boolean): void {
    const c = this.host.config;
    const options: TcpOptions = {
      mss: c.mss,
      // In a SYN-ACK, offer only what the peer offered (RFC 7323 §2.2, §3.2; RFC 2018 §2).
      windowScale: withAck
        ? this.wscaleOk
          ? this.rcvWscale
          : undefined
        : c.windowScaling
          ? this.rcvWscale
          : undefined,
      sackPermitted: withAck ? this.sackOk : c.sack,
      timestamps: (withAck ? this.tsOk : c.timestamps)
        ? { value: this.tsValue(), echo: withAck ? this.tsRecent : 0 }
        : undefined,
    };
    // The window in a SYN is never scaled.
    const window = Math.min(c.receiveBufferBytes, 0xffff);
    if (withAck) {
      this.rcvAdv = seqAdd(this.rcvNxt, window);
      this.lastAckSent = this.rcvNxt;
    }
    this.emitSegment(this.iss, withAck ? this.rcvNxt : 0, SYN | (withAck ? ACK : 0), window, options, 0);
  }

  // =====================================================================================================
  // Segment arrival (RFC 9293 §3.10.7)
  // =====================================================================================================

  segmentArrives(seg: TcpSegment): void {
    this.host.stats.bytesIn += seg.payload.length;
    if (this.state === 'SYN-SENT') {
      this.synSentArrives(seg);
      return;
    }
    if (this.state === 'CLOSED') return;
    this.synchronizedArrives(seg);
  }

  /** RFC 9293 §3.10.7.3. */
  private synSentArrives(seg: TcpSegment): void {
    const hasAck = (seg.flags & ACK) !== 0;
    if (hasAck && (seqLe(seg.ack, this.iss) || seqGt(seg.ack, this.sndNxt))) {
      if (!(seg.flags & RST)) this.sendReset(seg.ack);
      this.drop('bad-ack');
      return;
    }
    if (seg.flags & RST) {
      // RFC 5961 §3.2: in SYN-SENT a RST is valid only if it acknowledges our SYN.
      if (hasAck) {
        this.host.stats.resetsReceived++;
        this.enterClosed(
          new TcpSocketError('ECONNREFUSED', `connection to ${this.remoteEndpoint()} refused`),
        );
      } else this.drop('bad-state');
      return;
    }
    if (!(seg.flags & SYN)) {
      this.drop('bad-state');
      return;
    }
    this.acceptSynOptions(seg);
    this.irs = seg.seq;
    this.rcvNxt = seqAdd(seg.seq, 1);
    this.rcvAdv = this.rcvNxt;
    if (hasAck) {
      this.sndUna = seg.ack;
      this.sndWnd = seg.window; // unscaled in a SYN-ACK
      this.sndWl1 = seg.seq;
      this.sndWl2 = seg.ack;
      this.maxSndWnd = this.sndWnd;
      this.sampleRttFromHandshake();
      this.stopRto();
      this.state = 'ESTABLISHED';
      this.host.stats.connectionsOpened++;
      this.sendAck();
      this.host.notify(this, 'connect');
      this.output();
    } else {
      // Simultaneous open (RFC 9293 §3.5, figure 8).
      this.state = 'SYN-RECEIVED';
      this.sndWnd = seg.window;
      this.sndWl1 = seg.seq;
      this.maxSndWnd = this.sndWnd;
      this.sendSyn(true);
      this.armRto();
    }
  }

  /** RFC 9293 §3.10.7.4, with RFC 7323 PAWS and RFC 5961 checks. */
  private synchronizedArrives(seg: TcpSegment): void {
    const flags = seg.flags;
    const seq = seg.seq;
    let payload = seg.payload;
    let fin = (flags & FIN) !== 0;
    const segLen = payload.length + (flags & SYN ? 1 : 0) + (fin ? 1 : 0);
    const rcvWnd = Math.max(0, seqDiff(this.rcvAdv, this.rcvNxt));

    // The peer's SYN again, in SYN-RECEIVED: it sits just below RCV.NXT, so handle it before the window test.
    if (this.state === 'SYN-RECEIVED' && flags & SYN && !(flags & RST) && seq === this.irs) {
      if (flags & ACK && seg.ack === this.sndNxt) {
        // Simultaneous open (RFC 9293 §3.5 figure 8, line 6): the crossing SYN-ACK acknowledges our SYN.
        this.establishFromSynReceived(seg, seg.window);
        this.sendAck();
        this.output();
      } else if (!(flags & ACK)) {
        this.sendSyn(true); // a retransmitted SYN: our SYN-ACK was lost
      } else {
        this.sendAck();
      }
      return;
    }
    // A retransmitted FIN in TIME-WAIT: our last ACK was lost. Re-ACK and restart 2 MSL (§3.10.7.4, TIME-WAIT).
    if (
      this.state === 'TIME-WAIT' &&
      flags & FIN &&
      !(flags & (RST | SYN)) &&
      seqAdd(seq, segLen) === this.rcvNxt
    ) {
      this.sendAck();
      this.timeWaitAt = this.host.now() + 2 * this.host.config.mslMs;
      return;
    }

    // RFC 7323 §5.3 PAWS: an older timestamp than TS.Recent marks an old duplicate.
    const ts = seg.options.timestamps;
    if (
      this.tsOk &&
      ts &&
      !(flags & RST) &&
      this.state !== 'SYN-RECEIVED' &&
      seqLt(ts.value, this.tsRecent)
    ) {
      this.sendAck();
      this.drop('paws');
      return;
    }

    // First: sequence number acceptability (RFC 9293 §3.10.7.4 table).
    let acceptable: boolean;
    if (segLen === 0) {
      acceptable =
        rcvWnd === 0
          ? seq === this.rcvNxt
          : seqGe(seq, this.rcvNxt) && seqLt(seq, seqAdd(this.rcvNxt, rcvWnd));
    } else if (rcvWnd === 0) {
      acceptable = false;
    } else {
      const last = seqAdd(seq, segLen - 1);
      const wndEnd = seqAdd(this.rcvNxt, rcvWnd);
      acceptable =
        (seqGe(seq, this.rcvNxt) && seqLt(seq, wndEnd)) || (seqGe(last, this.rcvNxt) && seqLt(last, wndEnd));
    }
    if (!acceptable) {
      // A zero window still takes the ACK field of an in-sequence segment (§3.10.7.4: "special allowance").
      const zeroWindowProbe = rcvWnd === 0 && seq === this.rcvNxt && !(flags & (RST | SYN));
      if (!zeroWindowProbe) {
        // Data wholly below RCV.NXT is a duplicate: report it as a D-SACK (RFC 2883 §4) with the ACK.
        const end = seqAdd(seq, payload.length);
        if (this.sackOk && payload.length > 0 && seqLe(end, this.rcvNxt)) this.dsack = [seq, end];
        if (!(flags & RST)) this.sendAck();
        this.drop('out-of-window');
        return;
      }
      payload = payload.subarray(0, 0);
      fin = false;
      this.sendAck();
    }

    // Second: RST (RFC 5961 §3.2): only an exact RCV.NXT match resets; in-window otherwise earns a challenge.
    if (flags & RST) {
      if (seq !== this.rcvNxt) {
        this.challengeAck();
        return;
      }
      this.host.stats.resetsReceived++;
      if (this.state === 'SYN-RECEIVED' && this.listenerPort !== 0) this.enterClosed(undefined);
      else if (this.state === 'SYN-RECEIVED') {
        // From a simultaneous open: the active OPEN was refused (RFC 9293 §3.10.7.4, second step).
        this.enterClosed(
          new TcpSocketError('ECONNREFUSED', `connection to ${this.remoteEndpoint()} refused`),
        );
      } else if (this.state === 'CLOSING' || this.state === 'LAST-ACK' || this.state === 'TIME-WAIT') {
        this.enterClosed(undefined);
      } else
        this.enterClosed(new TcpSocketError('ECONNRESET', `connection reset by ${this.remoteEndpoint()}`));
      return;
    }

    // Fourth: SYN in a synchronized state (RFC 5961 §4.2): never reset on it, challenge instead.
    if (flags & SYN) {
      this.challengeAck();
      return;
    }

    // Fifth: ACK.
    if (!(flags & ACK)) {
      this.drop('bad-state');
      return;
    }
    if (this.state === 'SYN-RECEIVED') {
      if (seqGt(seg.ack, this.sndUna) && seqLe(seg.ack, this.sndNxt)) {
        this.establishFromSynReceived(seg, this.scaledWindow(seg));
      } else {
        this.sendReset(seg.ack);
        this.drop('bad-ack');
        return;
      }
    }
    if (!this.processAck(seg)) return;
    // RFC 7323 §4.3: update TS.Recent when the segment covers Last.ACK.sent, and only once the segment passed
    // every check (a blind segment with a bad ACK must not plant a future timestamp; cf. Linux bd090dfc634d).
    if (this.tsOk && ts && seqGe(ts.value, this.tsRecent) && seqLe(seq, this.lastAckSent)) {
      this.tsRecent = ts.value;
    }
    if (this.state === 'CLOSED') return;

    // Seventh: segment text.
    if (payload.length > 0 && RECEIVING_STATES.has(this.state)) {
      this.receiveData(seq, payload);
    }
    // Eighth: FIN, processed only once everything before it has arrived.
    if (fin && !this.finReceived) {
      const finSeq = seqAdd(seq, seg.payload.length);
      if (seqLe(finSeq, this.rcvAdv)) this.pendingFin = finSeq; // a FIN past our window is not yet ours
    }
    if (this.pendingFin !== undefined && this.pendingFin === this.rcvNxt && !this.finReceived) {
      this.receiveFin();
    }
    this.output();
  }

  /** SYN-RECEIVED -> ESTABLISHED (or FIN-WAIT-1 when close() came first): our SYN is acknowledged. */
  private establishFromSynReceived(seg: TcpSegment, window: number): void {
    this.sndUna = seg.ack;
    this.stopRto();
    this.timeouts = 0;
    this.sampleRttFromHandshake();
    this.state = this.finQueued ? 'FIN-WAIT-1' : 'ESTABLISHED';
    this.sndWnd = window;
    this.sndWl1 = seg.seq;
    this.sndWl2 = seg.ack;
    if (window > this.maxSndWnd) this.maxSndWnd = window;
    this.host.stats.connectionsOpened++;
    if (this.listenerPort !== 0) this.host.established(this);
    else this.host.notify(this, 'connect');
  }

  /** Fifth step for synchronized states. Returns false when the segment must be dropped. */
  private processAck(seg: TcpSegment): boolean {
    const ack = seg.ack;
    // RFC 5961 §5.2: acceptable ACKs lie in [SND.UNA - MAX.SND.WND, SND.MAX].
    if (seqGt(ack, this.sndMax) || seqLt(ack, seqAdd(this.sndUna, -Math.max(this.maxSndWnd, 1)))) {
      this.challengeAck();
      this.drop('bad-ack');
      return false;
    }
    const now = this.host.now();
    const priorFlight = this.flightSize();
    const sackNew = this.sackOk ? this.recordSack(seg) : 0;
    const windowBefore = this.sndWnd;
    // Decide whether this ACK covers our FIN before newAck() consumes the send queue.
    const finOutstanding = this.finQueued && !this.finAcked && this.finSent();
    const finSeq = this.finSeq();

    if (seqGt(ack, this.sndUna)) {
      this.newAck(seg, priorFlight, now);
    } else if (
      ack === this.sndUna &&
      seg.payload.length === 0 &&
      !(seg.flags & (SYN | FIN)) &&
      seqGt(this.sndMax, this.sndUna) &&
      (this.scaledWindow(seg) === windowBefore || sackNew > 0)
    ) {
      this.duplicateAck(priorFlight);
    }
    this.updateWindow(seg);

    // State transitions that hinge on our FIN being acknowledged.
    if (finOutstanding && seqGt(ack, finSeq)) {
      this.finAcked = true;
      switch (this.state) {
        case 'FIN-WAIT-1':
          this.state = 'FIN-WAIT-2';
          // RFC 9293 has no FIN-WAIT-2 timer (the peer may legitimately keep sending); it is opt-in.
          if (this.host.config.finWait2TimeoutMs > 0)
            this.finWait2At = now + this.host.config.finWait2TimeoutMs;
          break;
        case 'CLOSING':
          this.enterTimeWait();
          break;
        case 'LAST-ACK':
          this.enterClosed(undefined);
          return false;
        default:
          break;
      }
    }
    return true;
  }

  private newAck(seg: TcpSegment, priorFlight: number, now: number): void {
    const ack = seg.ack;
    const acked = seqDiff(ack, this.sndUna);
    const dataAcked = Math.min(acked, this.sendQueue.length);
    if (dataAcked > 0) this.sendQueue.discard(dataAcked);
    this.sndUna = ack;
    if (seqLt(this.sndNxt, ack)) this.sndNxt = ack;
    this.scoreboard.pruneBelow(ack);
    if (seqLt(this.highRxt, ack)) this.highRxt = ack;

    let rttSample: number | undefined;
    if (this.rttSeq !== undefined && seqGe(ack, this.rttSeq)) {
      rttSample = now - this.rttStartMs;
      this.rtoEstimator.sample(rttSample);
      this.rttSeq = undefined;
    }
    this.timeouts = 0;
    this.rtoEstimator.clearBackoff();
    this.persistBackoffs = 0;

    const mss = this.sendMss();
    if (this.inRecovery) {
      if (seqGe(ack, this.recover)) {
        this.inRecovery = false;
        this.dupAcks = 0;
        this.cc.onRecoveryEnd({ flightBytes: this.flightSize(), mss, nowMs: now });
      } else if (!this.sackOk) {
        // RFC 6582 §3.2 step 5: partial ACK. Retransmit the next hole, deflate by the amount acked.
        this.retransmitFrom(this.sndUna, mss);
        let cwnd = this.cc.cwnd - acked;
        if (acked >= mss) cwnd += mss;
        this.cc.setCwnd(cwnd);
      }
    } else {
      this.dupAcks = 0;
      this.cc.onAck({
        ackedBytes: acked,
        flightBytes: priorFlight,
        mss,
        nowMs: now,
        srttMs: this.rtoEstimator.srtt,
        rttSampleMs: rttSample,
      });
    }

    // RFC 6298 §5.2/5.3: stop the timer when all is acked, else restart it.
    if (this.sndUna === this.sndMax) this.stopRto();
    else this.armRto();
    this.afterAckForTlp(seg, now);

    // 'writable' at a low-water mark, not per freed byte, so writers refill in large chunks.
    if (
      this.wantWritable &&
      this.writableLength >= Math.min(this.host.config.sendBufferBytes / 4, 256 * 1024)
    ) {
      this.wantWritable = false;
      this.host.notify(this, 'writable');
    }
  }

  /**
   * RFC 8985 §7.4: when the probe episode ends, a probe that re-sent data and was not reported as a duplicate
   * (D-SACK) repaired a real loss, so the congestion controller reacts as for fast recovery. Then the PTO is
   * re-armed for whatever is still outstanding (§7.2).
   */
  private afterAckForTlp(seg: TcpSegment, now: number): void {
    if (this.tlpHighSeq !== undefined) {
      const first = seg.options.sack?.[0];
      if (first && seqLe(first[1], seg.ack)) this.tlpDsacked = true;
      if (seqGe(seg.ack, this.tlpHighSeq)) {
        if (this.tlpRetransmitted && !this.tlpDsacked && !this.inRecovery) {
          const mss = this.sendMss();
          this.cc.onCongestionEvent({ flightBytes: this.flightSize() + mss, mss, nowMs: now });
          this.cc.setCwnd(this.cc.ssthresh);
        }
        this.tlpHighSeq = undefined;
      }
    }
    this.armTlp();
  }

  /**
   * RFC 8985 §7.2: PTO = 2*SRTT, plus the worst-case delayed-ACK time when one segment is in flight. Without
   * RACK, a probe repairs a lost tail (or a lost final ACK); losses before the tail still need SACK recovery.
   */
  private armTlp(): void {
    this.tlpAt = undefined;
    const srtt = this.rtoEstimator.srtt;
    if (!this.sackOk || this.inRecovery || this.tlpHighSeq !== undefined || srtt === undefined) return;
    if (this.sndUna === this.sndMax || !SENDING_STATES.has(this.state) || this.rtoAt === undefined) return;
    let pto = 2 * srtt;
    if (seqDiff(this.sndMax, this.sndUna) <= this.sendMss()) pto += WORST_CASE_DELAYED_ACK_MS;
    pto = Math.max(pto, MIN_PTO_MS);
    const now = this.host.now();
    if (this.rtoAt <= now) return; // the RTO is due: it, not a probe, handles this
    // §7.2: when the RTO would fire first, the probe goes at the RTO's time instead (no window collapse).
    this.tlpAt = Math.min(now + pto, this.rtoAt);
  }

  /**
   * After the guest resumed elsewhere (a failover activated it from a checkpoint): tell the peer now rather than
   * leave it waiting for timers. Data in flight: the first unacknowledged segment goes again (the peer's ACK then
   * restarts the flow); nothing in flight: an ACK carrying RCV.NXT and the window.
   */
  prompt(): void {
    if (!this.isSynchronized()) return;
    if (this.sndUna !== this.sndMax && SENDING_STATES.has(this.state)) {
      this.retransmitFrom(this.sndUna, this.sendMss());
      this.armRto();
    } else this.sendAck();
  }

  /** RFC 8985 §7.3: send one new segment if possible, else re-send the last one, to elicit an ACK. */
  private tailLossProbe(): void {
    if (this.inRecovery || this.sndUna === this.sndMax || !SENDING_STATES.has(this.state)) return;
    this.host.stats.tailLossProbes++;
    const before = this.sndMax;
    const wndRoom = seqDiff(seqAdd(this.sndUna, this.sndWnd), this.sndNxt);
    if (this.hasNewDataToSend() && wndRoom > 0) this.sendOneNewSegment(Number.MAX_SAFE_INTEGER);
    this.tlpRetransmitted = this.sndMax === before;
    if (this.tlpRetransmitted) {
      const finSeq = this.finSent() ? this.finSeq() : this.sndMax;
      const start = seqMax(this.sndUna, seqAdd(finSeq, -this.sendMss()));
      this.retransmitFrom(start, seqDiff(finSeq, start));
    }
    this.tlpHighSeq = this.sndMax;
    this.tlpDsacked = false;
    this.tlpAt = undefined; // one probe per episode (sending may have re-armed it)
    this.armRto();
  }

  private duplicateAck(priorFlight: number): void {
    const now = this.host.now();
    const mss = this.sendMss();
    this.dupAcks++;
    if (this.inRecovery) {
      // RFC 6582 §3.2 step 4: each further duplicate means a segment left the network.
      if (!this.sackOk) this.cc.setCwnd(this.cc.cwnd + mss);
      return;
    }
    const lossBySack = this.sackOk && this.scoreboard.sackedBytes > (DUP_THRESH - 1) * mss; // RFC 6675 §5 IsLost(SND.UNA)
    if (this.dupAcks < DUP_THRESH && !lossBySack) return;
    // RFC 6582 §3.2 step 2 / §4: no fast retransmit for duplicates from before an RTO's recovery point.
    if (seqLt(this.sndUna, this.recover)) return;
    this.inRecovery = true;
    this.tlpAt = undefined;
    this.recover = this.sndMax;
    this.highRxt = this.sndUna;
    this.host.stats.fastRetransmits++;
    const event: LossEvent = { flightBytes: priorFlight, mss, nowMs: now };
    this.cc.onCongestionEvent(event);
    this.rttSeq = undefined;
    if (!this.sackOk) this.cc.setCwnd(this.cc.ssthresh + DUP_THRESH * mss); // RFC 6582 step 2 inflation
    // RFC 6675 §5 step (4.3) / RFC 6582 step 2: retransmit the first lost segment at once.
    if (this.sackOk) {
      const hole = this.scoreboard.firstHole(this.sndUna, this.sndMax);
      if (hole) {
        const len = Math.min(seqDiff(hole[1], hole[0]), mss);
        this.retransmitFrom(hole[0], len);
        this.highRxt = seqAdd(hole[0], len);
      }
    } else this.retransmitFrom(this.sndUna, mss);
  }

  private recordSack(seg: TcpSegment): number {
    const blocks = seg.options.sack;
    if (!blocks) return 0;
    let added = 0;
    for (const [l, r] of blocks)
      added += this.scoreboard.add(l, r, seqMax(this.sndUna, seg.ack), this.sndMax);
    return added;
  }

  /** RFC 9293 §3.10.7.4 window update with the WL1/WL2 rule that rejects stale segments. */
  private updateWindow(seg: TcpSegment): void {
    if (seqLt(this.sndWl1, seg.seq) || (this.sndWl1 === seg.seq && seqLe(this.sndWl2, seg.ack))) {
      const wasZero = this.sndWnd === 0;
      this.sndWnd = this.scaledWindow(seg);
      this.sndWl1 = seg.seq;
      this.sndWl2 = seg.ack;
      if (this.sndWnd > this.maxSndWnd) this.maxSndWnd = this.sndWnd;
      if (wasZero && this.sndWnd > 0) {
        this.persistAt = undefined;
        this.persistBackoffs = 0;
      }
    }
  }

  private scaledWindow(seg: TcpSegment): number {
    return seg.window * 2 ** (this.wscaleOk ? this.sndWscale : 0);
  }

  private receiveData(seq: number, payload: Uint8Array): void {
    // Trim what lies before RCV.NXT (already received) and past the announced window.
    if (seqLt(seq, this.rcvNxt)) {
      const skip = seqDiff(this.rcvNxt, seq);
      if (skip >= payload.length) {
        // A pure duplicate: ACK at once (RFC 5681 §4.2), reporting it as a D-SACK (RFC 2883 §4).
        if (this.sackOk) this.dsack = [seq, seqAdd(seq, payload.length)];
        this.sendAck();
        return;
      }
      payload = payload.subarray(skip);
      seq = this.rcvNxt;
    }
    const room = seqDiff(this.rcvAdv, seq);
    if (room <= 0) return;
    if (payload.length > room) payload = payload.subarray(0, room);
    if (seq === this.rcvNxt) {
      const hadHoles = !this.reassembly.isEmpty;
      this.recvQueue.pushOwned(payload); // zero-copy: input() takes ownership of the packet bytes
      this.rcvNxt = seqAdd(this.rcvNxt, payload.length);
      if (hadHoles) {
        for (const piece of this.reassembly.popContiguous(this.rcvNxt)) {
          this.recvQueue.pushOwned(piece);
          this.rcvNxt = seqAdd(this.rcvNxt, piece.length);
        }
        this.sendAck(); // a segment that fills a hole is ACKed at once (RFC 5681 §4.2)
      } else {
        this.unackedSegments++;
        this.scheduleAck();
      }
      this.host.notify(this, 'readable');
    } else {
      this.reassembly.insert(seq, payload);
      this.sendAck(); // out of order: immediate duplicate ACK with SACK (RFC 5681 §4.2, RFC 2018 §4)
    }
  }

  private receiveFin(): void {
    this.finReceived = true;
    this.pendingFin = undefined;
    this.rcvNxt = seqAdd(this.rcvNxt, 1);
    this.sendAck();
    this.host.notify(this, 'readable');
    this.maybeNotifyEnd();
    switch (this.state) {
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.state = 'CLOSE-WAIT';
        break;
      case 'FIN-WAIT-1':
        if (this.finAcked) this.enterTimeWait();
        else this.state = 'CLOSING';
        break;
      case 'FIN-WAIT-2':
        this.enterTimeWait();
        break;
      default:
        break;
    }
  }

  // =====================================================================================================
  // Sending
  // =====================================================================================================

  /** Payload bytes per full-sized segment (the peer's MSS less the timestamp option we always carry). */
  sendMss(): number {
    return Math.max(this.peerMss - (this.tsOk ? TS_OPTION_BYTES : 0), 1);
  }

  /** Sequence number one past the last queued data byte (where the FIN goes). */
  private dataEnd(): number {
    return seqAdd(this.sndUna, this.sendQueue.length);
  }

  private finSeq(): number {
    return this.dataEnd();
  }

  private finSent(): boolean {
    return this.finQueued && (this.finAcked || seqGt(this.sndMax, this.dataEnd()));
  }

  /** Bytes in flight: sent, not cumulatively acked, not SACKed (RFC 6675 pipe outside recovery). */
  flightSize(): number {
    const out = seqDiff(this.sndNxt, this.sndUna);
    if (out <= 0) return 0;
    return this.sackOk ? out - this.scoreboard.sackedWithin(this.sndUna, this.sndNxt) : out;
  }

  /** RFC 6675 §4 SetPipe(), on byte ranges: outstanding, less SACKed, less lost holes not yet retransmitted. */
  private pipe(): number {
    const outstanding = seqDiff(this.sndMax, this.sndUna);
    const loss = this.scoreboard.lossBoundary(this.sndUna, (DUP_THRESH - 1) * this.sendMss(), DUP_THRESH);
    const from = seqMax(this.highRxt, this.sndUna);
    const lostNotRetransmitted = seqGt(loss, from) ? this.scoreboard.holesWithin(from, loss) : 0;
    return outstanding - this.scoreboard.sackedBytes - lostNotRetransmitted;
  }

  /** Sends what the windows, Nagle and the recovery state allow. Safe to call at any time. */
  output(): void {
    if (!SENDING_STATES.has(this.state)) return;
    if (this.inRecovery && this.sackOk) this.sackRecoveryOutput();
    this.sendNewData();
  }

  /** RFC 6675 §5 step (C): while cwnd - pipe >= 1 SMSS, send NextSeg(). */
  private sackRecoveryOutput(): void {
    const mss = this.sendMss();
    let guard = 0;
    while (this.cc.cwnd - this.pipe() >= mss && guard++ < 1000) {
      const loss = this.scoreboard.lossBoundary(this.sndUna, (DUP_THRESH - 1) * mss, DUP_THRESH);
      const from = seqMax(this.highRxt, this.sndUna);
      // Rule 1: the first lost hole above HighRxt.
      let hole = seqLt(from, loss) ? this.scoreboard.firstHole(from, loss) : undefined;
      // Rule 3: with no new data to send, a not-yet-lost hole.
      if (!hole && !this.hasNewDataToSend()) {
        const highSacked = this.scoreboard.highestSacked;
        if (highSacked !== undefined && seqLt(from, highSacked))
          hole = this.scoreboard.firstHole(from, highSacked);
      }
      if (hole) {
        const len = Math.min(seqDiff(hole[1], hole[0]), mss);
        this.retransmitFrom(hole[0], len);
        this.highRxt = seqAdd(hole[0], len);
        continue;
      }
      // Rule 2: new data, through the ordinary path (which honours the peer's window).
      if (!this.sendOneNewSegment(this.cc.cwnd - this.pipe())) break;
    }
  }

  private hasNewDataToSend(): boolean {
    return seqLt(this.sndNxt, this.dataEnd()) || (this.finQueued && !this.finSent());
  }

  private sendNewData(): void {
    let guard = 0;
    while (guard++ < 100000) {
      const budget =
        this.inRecovery && this.sackOk ? this.cc.cwnd - this.pipe() : this.cc.cwnd - this.flightSize();
      if (!this.sendOneNewSegment(budget)) break;
    }
  }

  /**
   * Sends the next segment at SND.NXT if the congestion budget, the peer's window, Nagle and sender-side
   * silly-window avoidance (RFC 9293 §3.8.6.2.1) allow. After an RTO, SND.NXT < SND.MAX and this re-sends
   * (go-back-N), skipping what the scoreboard shows the peer already holds.
   */
  private sendOneNewSegment(congestionBudget: number): boolean {
    // Skip ranges the peer has SACKed (only relevant below SND.MAX after an RTO).
    if (this.sackOk && seqLt(this.sndNxt, this.sndMax)) {
      const end = this.scoreboard.sackedRunEnd(this.sndNxt);
      if (end !== undefined) this.sndNxt = end;
    }
    const dataEnd = this.dataEnd();
    const pending = seqDiff(dataEnd, this.sndNxt);
    const finToSend = this.finQueued && !this.finAcked && seqLe(this.sndNxt, dataEnd);
    if (pending <= 0 && !finToSend) return false;

    const mss = this.sendMss();
    const wndEnd = seqAdd(this.sndUna, this.sndWnd);
    const wndRoom = seqDiff(wndEnd, this.sndNxt);
    const retransmission = seqLt(this.sndNxt, this.sndMax);
    let len = Math.min(pending, mss);
    if (this.sackOk && retransmission) {
      const next = this.scoreboard.nextSackedStart(this.sndNxt);
      if (next !== undefined) len = Math.min(len, seqDiff(next, this.sndNxt));
    }
    if (pending > 0) {
      if (congestionBudget <= 0) return false;
      const usable = Math.min(wndRoom, congestionBudget);
      if (usable <= 0) {
        this.maybeArmPersist();
        return false;
      }
      if (len > usable) {
        // Sender SWS avoidance: a window-limited runt goes out only if it is at least half the largest window.
        if (usable >= mss || usable >= this.maxSndWnd / 2) len = usable;
        else {
          if (wndRoom < mss) this.maybeArmPersist();
          return false;
        }
      }
      // Nagle (RFC 896; RFC 9293 §3.7.4): hold a runt while data is unacknowledged.
      if (
        len < mss &&
        len === pending &&
        !retransmission &&
        !this.finQueued &&
        !this.noDelay &&
        this.flightSize() > 0
      ) {
        return false;
      }
    }
    const withFin = finToSend && len === Math.max(pending, 0);
    if (len <= 0 && !withFin) return false;
    this.sendSegmentAt(this.sndNxt, Math.max(len, 0), withFin, retransmission);
    return true;
  }

  /** Retransmits up to `len` bytes starting at `seq` (a hole, or SND.UNA), with the FIN if it fits. */
  private retransmitFrom(seq: number, len: number): void {
    const dataEnd = this.dataEnd();
    const avail = seqDiff(dataEnd, seq);
    const n = Math.max(0, Math.min(len, avail));
    const withFin = this.finQueued && !this.finAcked && n === avail && this.finSent();
    if (n === 0 && !withFin) return;
    this.sendSegmentAt(seq, n, withFin, true);
  }

  private sendSegmentAt(seq: number, len: number, fin: boolean, retransmission: boolean): void {
    const now = this.host.now();
    const stats = this.host.stats;
    const sack = this.sackBlocksToSend();
    let options: TcpOptions = this.segmentOptions(sack);
    // Keep datagrams within the peer's MSS: options eat into the payload.
    const maxPayload = Math.max(this.peerMss - optionBytes(options), 1);
    if (len > maxPayload) {
      len = maxPayload;
      fin = false;
    }
    if (options.sack && len > 0 && optionBytes(options) > 40) options = this.segmentOptions(undefined);
    let flags = ACK;
    if (fin) flags |= FIN;
    const dataEnd = this.dataEnd();
    if (len > 0 && seqAdd(seq, len) === dataEnd) flags |= PSH;
    const offset = seqDiff(seq, this.sndUna);
    this.emitSegment(seq, this.rcvNxt, flags, this.announceWindow(), options, len, (buf, at) =>
      this.sendQueue.copyTo(buf, at, offset, len),
    );
    this.afterAckSent();
    const end = seqAdd(seq, len + (fin ? 1 : 0));
    if (retransmission) {
      stats.retransmittedSegments++;
      stats.retransmittedBytes += len;
    } else {
      stats.dataSegmentsOut++;
      stats.bytesOut += len;
    }
    if (seqGt(end, this.sndNxt) && seq === this.sndNxt) this.sndNxt = end;
    if (seqGt(end, this.sndMax)) {
      // Karn: time a segment only on its first transmission.
      if (this.rttSeq === undefined && !retransmission) {
        this.rttSeq = end;
        this.rttStartMs = now;
      }
      this.sndMax = end;
    }
    if (this.rtoAt === undefined) this.armRto();
    if (!retransmission && this.tlpAt === undefined) this.armTlp();
    this.persistAt = undefined;
  }

  private sackBlocksToSend(): ReadonlyArray<readonly [number, number]> | undefined {
    if (!this.sackOk) return undefined;
    const max = this.tsOk ? 3 : 4;
    const dsack = this.dsack;
    this.dsack = undefined; // reported once (RFC 2883 §4: D-SACK in the first block of one ACK)
    if (this.reassembly.isEmpty) return dsack ? [dsack] : undefined;
    const blocks = this.reassembly.sackBlocks(dsack ? max - 1 : max);
    return dsack ? [dsack, ...blocks] : blocks;
  }

  private segmentOptions(sack: ReadonlyArray<readonly [number, number]> | undefined): TcpOptions {
    if (!this.tsOk && !sack) return NO_OPTIONS;
    return {
      timestamps: this.tsOk ? { value: this.tsValue(), echo: this.tsRecent } : undefined,
      sack,
    };
  }

  /** A bare ACK: SEQ = SND.NXT, ACK = RCV.NXT, current window, SACK blocks when holding out-of-order data. */
  sendAck(): void {
    if (this.state === 'SYN-SENT' || this.state === 'CLOSED' || this.state === 'LISTEN') return;
    // SEQ = SND.MAX, not SND.NXT: after an RTO rewinds SND.NXT, a rewound SEQ would fall below the peer's RCV.NXT
    // and the peer would discard the ACK as out of window (BSD sends pure ACKs at snd_max for this reason).
    this.emitSegment(
      this.sndMax,
      this.rcvNxt,
      ACK,
      this.announceWindow(),
      this.segmentOptions(this.sackBlocksToSend()),
      0,
    );
    this.afterAckSent();
  }

  private afterAckSent(): void {
    this.ackOwed = false;
    this.lastAckSent = this.rcvNxt;
    this.unackedSegments = 0;
    this.delackAt = undefined;
  }

  /** Delayed ACK (RFC 5681 §4.2; RFC 9293 §3.8.6.3): every second segment at once, else within the timeout. */
  private scheduleAck(): void {
    const c = this.host.config;
    if (c.delayedAckMs <= 0 || this.unackedSegments >= 2) {
      this.ackSoon();
      return;
    }
    if (this.delackAt === undefined) this.delackAt = this.host.now() + c.delayedAckMs;
  }

  /** RFC 5961 §4.2, §3.2: answer a suspicious segment with an ACK of our true state, rate-limited. */
  private challengeAck(): void {
    if (this.host.allowChallengeAck()) {
      this.host.stats.challengeAcks++;
      this.sendAck();
    } else this.host.stats.challengeAcksSuppressed++;
  }

  private sendControl(seq: number, ack: number, flags: number): void {
    this.emitSegment(seq, ack, flags, 0, this.tsOk ? this.segmentOptions(undefined) : NO_OPTIONS, 0);
  }

  private sendReset(seq: number): void {
    this.host.stats.resetsSent++;
    this.emitSegment(seq, 0, RST, 0, NO_OPTIONS, 0);
  }

  /**
   * The window to announce (RFC 9293 §3.8.6.2.2 receiver SWS avoidance): the right edge moves only by at least
   * min(buffer/2, MSS), and never moves left.
   */
  private announceWindow(): number {
    const c = this.host.config;
    const free = Math.max(0, c.receiveBufferBytes - this.recvQueue.length - this.reassembly.size);
    const candidate = seqAdd(this.rcvNxt, free);
    const step = Math.min(c.receiveBufferBytes / 2, c.mss);
    if (seqDiff(candidate, this.rcvAdv) >= step) this.rcvAdv = candidate;
    if (seqLt(this.rcvAdv, this.rcvNxt)) this.rcvAdv = this.rcvNxt;
    // Round down: the peer never sends past what we accept (RCV.ADV may exceed the announcement slightly).
    return Math.min(Math.floor(seqDiff(this.rcvAdv, this.rcvNxt) / 2 ** this.rcvWscale), 0xffff);
  }

  /** After the application reads, announce a re-opened window at once rather than waiting for data. */
  private afterRead(): void {
    this.maybeNotifyEnd();
    if (!this.isSynchronized() || this.finReceived) return;
    const c = this.host.config;
    const free = Math.max(0, c.receiveBufferBytes - this.recvQueue.length - this.reassembly.size);
    const candidate = seqAdd(this.rcvNxt, free);
    const opened = seqDiff(candidate, this.rcvAdv);
    const announced = seqDiff(this.rcvAdv, this.rcvNxt);
    if (opened >= Math.min(c.receiveBufferBytes / 2, 2 * c.mss) || (announced < c.mss && opened >= c.mss)) {
      this.ackSoon();
    }
  }

  /**
   * An in-order ACK or window update: now, or once at the end of the current input burst. A burst's in-order
   * data is ACKed by one stretch ACK sent after the application has read it, as Linux does for a GRO-merged
   * segment; out-of-order and duplicate segments are still ACKed at once (RFC 5681 §4.2), so the sender's
   * duplicate-ACK count and SACK information are unchanged.
   */
  private ackSoon(): void {
    if (this.ackOwed) return;
    if (this.host.deferAck(this)) this.ackOwed = true;
    else this.sendAck();
  }

  /** Sends the ACK deferred during a burst, unless a segment sent since already carried it. */
  sendOwedAck(): void {
    if (!this.ackOwed) return;
    this.ackOwed = false;
    this.sendAck();
  }

  private maybeNotifyEnd(): void {
    if (this.finReceived && this.recvQueue.length === 0 && !this.endNotified) {
      this.endNotified = true;
      this.host.notify(this, 'end');
    }
  }

  private emitSegment(
    seq: number,
    ack: number,
    flags: number,
    window: number,
    options: TcpOptions,
    payloadLength: number,
    fill?: (buf: Uint8Array, at: number) => void,
  ): void {
    const packet = encodeTcpSegment(
      {
        src: this.localAddr,
        dst: this.remoteAddr,
        srcPort: this.localPort,
        dstPort: this.remotePort,
        seq,
        ack,
        flags,
        window,
        options,
        ipId: this.host.nextIpId(),
      },
      payloadLength,
      fill,
    );
    this.host.stats.packetsOut++;
    this.host.emit(packet);
  }

  private tsValue(): number {
    return (Math.floor(this.host.now()) + this.tsOffset) >>> 0;
  }

  private sampleRttFromHandshake(): void {
    // The SYN was timed implicitly: only when it was never retransmitted (Karn).
    if (this.timeouts === 0 && this.rtoAt !== undefined) {
      const sent = this.rtoAt - this.rtoEstimator.rto;
      this.rtoEstimator.sample(this.host.now() - sent);
    }
  }

  // =====================================================================================================
  // Timers
  // =====================================================================================================

  /** The earliest armed timer. Runs per connection on every packet and tick, so it allocates nothing. */
  nextDeadline(): number | undefined {
    const t = Math.min(
      this.rtoAt ?? Infinity,
      this.tlpAt ?? Infinity,
      this.delackAt ?? Infinity,
      this.persistAt ?? Infinity,
      this.timeWaitAt ?? Infinity,
      this.finWait2At ?? Infinity,
    );
    return t === Infinity ? undefined : t;
  }

  /** Fires every timer that is due at `now`. */
  onTimers(now: number): void {
    if (this.timeWaitAt !== undefined && now >= this.timeWaitAt) {
      this.timeWaitAt = undefined;
      this.enterClosed(undefined);
      return;
    }
    if (this.finWait2At !== undefined && now >= this.finWait2At) {
      this.finWait2At = undefined;
      if (this.state === 'FIN-WAIT-2') {
        this.enterClosed(undefined);
        return;
      }
    }
    if (this.delackAt !== undefined && now >= this.delackAt) {
      this.delackAt = undefined;
      this.sendAck();
    }
    // The probe first: when it shares its time with the RTO (§7.2), it replaces it and re-arms the RTO.
    if (this.tlpAt !== undefined && now >= this.tlpAt) {
      this.tlpAt = undefined;
      this.tailLossProbe();
    }
    if (this.rtoAt !== undefined && now >= this.rtoAt) {
      this.rtoAt = undefined;
      this.tlpAt = undefined;
      this.tlpHighSeq = undefined;
      this.retransmitTimeout();
      if (this.state === 'CLOSED') return;
    }
    if (this.persistAt !== undefined && now >= this.persistAt) {
      this.persistAt = undefined;
      this.zeroWindowProbe();
    }
  }

  private armRto(): void {
    this.rtoAt = this.host.now() + this.rtoEstimator.rto;
  }

  private stopRto(): void {
    this.rtoAt = undefined;
  }

  /** RFC 6298 §5.4-5.6 and RFC 5681 §3.1: back off, collapse the window, resend from SND.UNA. */
  private retransmitTimeout(): void {
    const c = this.host.config;
    const handshake = this.state === 'SYN-SENT' || this.state === 'SYN-RECEIVED';
    if (!handshake && this.sndUna === this.sndMax) return; // nothing outstanding (the timer raced an ACK)
    this.timeouts++;
    this.host.stats.retransmitTimeouts++;
    if (this.timeouts > (handshake ? c.synRetries : c.dataRetries)) {
      if (!handshake) this.sendControl(this.sndMax, this.rcvNxt, RST | ACK);
      this.enterClosed(new TcpSocketError('ETIMEDOUT', `no answer from ${this.remoteEndpoint()}`));
      return;
    }
    this.rtoEstimator.backOff();
    this.rttSeq = undefined;
    if (handshake) {
      if (this.state === 'SYN-SENT') this.sendSyn(false);
      else this.sendSyn(true);
      this.armRto();
      return;
    }
    const mss = this.sendMss();
    this.cc.onRetransmitTimeout({
      flightBytes: seqDiff(this.sndMax, this.sndUna),
      mss,
      nowMs: this.host.now(),
    });
    this.inRecovery = false;
    this.dupAcks = 0;
    this.recover = this.sndMax;
    this.highRxt = this.sndUna;
    this.sndNxt = this.sndUna;
    this.armRto();
    this.output();
    if (this.sndNxt === this.sndUna) {
      // Nothing could be sent (zero window): retransmit one segment anyway to learn the peer's state.
      this.retransmitFrom(this.sndUna, mss);
    }
  }

  /**
   * Arms the persist timer when the peer's window blocks sending and nothing is in flight (so no ACK is coming):
   * for a zero window it sends probes (RFC 9293 §3.8.6.1); for a window too small to fill a segment it is the
   * sender-side SWS override timeout (§3.8.6.2.1) after which the runt is sent anyway.
   */
  private maybeArmPersist(): void {
    if (this.persistAt === undefined && this.rtoAt === undefined) {
      const interval = Math.min(this.rtoEstimator.rto * 2 ** this.persistBackoffs, this.host.config.maxRtoMs);
      this.persistAt = this.host.now() + interval;
    }
  }

  /**
   * Zero-window probe (RFC 9293 §3.8.6.1): a segment that elicits an ACK carrying the current window. Like
   * Linux, send SEG.SEQ = SND.UNA - 1 with no data: the receiver sees an old sequence and re-ACKs.
   */
  private zeroWindowProbe(): void {
    if (!SENDING_STATES.has(this.state)) return;
    const room = seqDiff(seqAdd(this.sndUna, this.sndWnd), this.sndNxt);
    const pending = seqDiff(this.dataEnd(), this.sndNxt);
    if (room > 0 && pending > 0) {
      // SWS override: the window stayed too small for a full segment; send what fits.
      this.sendSegmentAt(
        this.sndNxt,
        Math.min(room, pending, this.sendMss()),
        false,
        seqLt(this.sndNxt, this.sndMax),
      );
      return;
    }
    if (this.sndWnd > 0) {
      this.output();
      return;
    }
    this.host.stats.zeroWindowProbes++;
    this.emitSegment(
      seqAdd(this.sndUna, -1),
      this.rcvNxt,
      ACK,
      this.announceWindow(),
      this.segmentOptions(undefined),
      0,
    );
    this.afterAckSent();
    this.persistBackoffs++;
    this.maybeArmPersist();
  }

  // =====================================================================================================
  // Closing
  // =====================================================================================================

  private enterTimeWait(): void {
    this.state = 'TIME-WAIT';
    this.stopRto();
    this.tlpAt = undefined;
    this.persistAt = undefined;
    this.finWait2At = undefined;
    this.timeWaitAt = this.host.now() + 2 * this.host.config.mslMs;
  }

  enterClosed(error: TcpSocketError | undefined): void {
    if (this.state === 'CLOSED') return;
    this.state = 'CLOSED';
    this.error = error;
    this.rtoAt = this.tlpAt = this.delackAt = this.persistAt = this.timeWaitAt = this.finWait2At = undefined;
    this.host.closed(this);
    this.host.notify(this, 'close');
  }

  private isSynchronized(): boolean {
    return (
      this.state !== 'CLOSED' &&
      this.state !== 'LISTEN' &&
      this.state !== 'SYN-SENT' &&
      this.state !== 'SYN-RECEIVED'
    );
  }

  private canWrite(): boolean {
    return (
      !this.finQueued &&
      (this.state === 'ESTABLISHED' ||
        this.state === 'CLOSE-WAIT' ||
        this.state === 'SYN-SENT' ||
        this.state === 'SYN-RECEIVED')
    );
  }

  private drop(reason: 'bad-ack' | 'out-of-window' | 'paws' | 'bad-state'): void {
    const d = this.host.stats.dropped;
    d[reason] = (d[reason] ?? 0) + 1;
  }

  private remoteEndpoint(): string {
    return `${this.remoteAddress}:${this.remotePort}`;
  }

  // =====================================================================================================
  // Snapshot (versioned by the stack's format; field order is the format)
  // =====================================================================================================

  /** Writes the connection's state; `streams`, if given, learns where its queues' bytes went. */
  /** Bytes in the queues a save copies (send, receive, out of order): to size the state once. */
  get queuedBytes(): number {
    return this.sendQueue.length + this.recvQueue.length + this.reassembly.size;
  }

  save(w: StateWriter, streams?: StreamLayout): void {
    w.u32(this.id)
      .string(this.state)
      .u32(this.localPort)
      .u32(this.remoteAddr)
      .u32(this.remotePort)
      .u32(this.listenerPort);
    for (const v of [
      this.iss,
      this.sndUna,
      this.sndNxt,
      this.sndMax,
      this.sndWl1,
      this.sndWl2,
      this.sndWscale,
      this.rcvWscale,
      this.peerMss,
      this.tsRecent,
      this.lastAckSent,
      this.tsOffset,
      this.irs,
      this.rcvNxt,
      this.rcvAdv,
      this.recover,
      this.highRxt,
      this.dupAcks,
      this.unackedSegments,
      this.persistBackoffs,
      this.timeouts,
      this.rtoEstimator.backoffs,
    ])
      w.u32(v);
    w.f64(this.sndWnd).f64(this.maxSndWnd).f64(this.rttStartMs);
    w.bool(this.wscaleOk).bool(this.tsOk).bool(this.sackOk).bool(this.finReceived).bool(this.finQueued);
    w.bool(this.finAcked)
      .bool(this.wantWritable)
      .bool(this.endNotified)
      .bool(this.noDelay)
      .bool(this.inRecovery);
    w.optF64(this.pendingFin).optF64(this.rttSeq);
    w.optF64(this.rtoAt)
      .optF64(this.tlpAt)
      .optF64(this.tlpHighSeq)
      .bool(this.tlpRetransmitted)
      .bool(this.tlpDsacked)
      .optF64(this.dsack?.[0])
      .optF64(this.dsack?.[1])
      .optF64(this.delackAt)
      .optF64(this.persistAt)
      .optF64(this.timeWaitAt)
      .optF64(this.finWait2At);
    w.optF64(this.rtoEstimator.srtt).f64(this.rtoEstimator.rttvar).f64(this.rtoEstimator.baseRto);
    for (const queue of [this.sendQueue, this.recvQueue]) {
      streams?.set(queue, { position: queue.headPosition, offset: w.offset + 4, length: queue.length });
      w.queue(queue);
    }
    const pieces = this.reassembly.entries();
    w.u32(pieces.length);
    for (const p of pieces) w.u32(p.seq).bytes(p.data);
    const recent = this.reassembly.recentEdges();
    w.u32(recent.length);
    for (const e of recent) w.u32(e);
    const ranges = this.scoreboard.entries();
    w.u32(ranges.length);
    for (const [s, e] of ranges) w.u32(s).u32(e);
    w.string(this.cc.name);
    const ccState = this.cc.save();
    const keys = Object.keys(ccState).sort();
    w.u32(keys.length);
    for (const k of keys) w.string(k).f64(ccState[k]);
    w.bool(this.error !== undefined);
    if (this.error) w.string(this.error.code).string(this.error.message);
  }

  static restore(host: ConnectionHost, localAddr: Ipv4Address, r: StateReader): Connection {
    const id = r.u32('socket id');
    const state = r.string('state');
    if (!TCP_STATES.has(state as TcpState)) throw new Error(`snapshot has unknown TCP state "${state}"`);
    const conn = new Connection(
      host,
      id,
      localAddr,
      r.u32('local port'),
      r.u32('remote address'),
      r.u32('remote port'),
      r.u32('listener port'),
      state as TcpState,
    );
    const u = (what: string): number => r.u32(what);
    conn.iss = u('iss');
    conn.sndUna = u('snd.una');
    conn.sndNxt = u('snd.nxt');
    conn.sndMax = u('snd.max');
    conn.sndWl1 = u('snd.wl1');
    conn.sndWl2 = u('snd.wl2');
    conn.sndWscale = u('snd.wscale');
    conn.rcvWscale = u('rcv.wscale');
    conn.peerMss = u('peer mss');
    conn.tsRecent = u('ts.recent');
    conn.lastAckSent = u('last.ack.sent');
    conn.tsOffset = u('ts offset');
    conn.irs = u('irs');
    conn.rcvNxt = u('rcv.nxt');
    conn.rcvAdv = u('rcv.adv');
    conn.recover = u('recover');
    conn.highRxt = u('highrxt');
    conn.dupAcks = u('dupacks');
    conn.unackedSegments = u('unacked segments');
    conn.persistBackoffs = u('persist backoffs');
    conn.timeouts = u('timeouts');
    conn.rtoEstimator.backoffs = u('rto backoffs');
    conn.sndWnd = r.f64('snd.wnd');
    conn.maxSndWnd = r.f64('max.snd.wnd');
    conn.rttStartMs = r.f64('rtt start');
    conn.wscaleOk = r.bool('wscale ok');
    conn.tsOk = r.bool('ts ok');
    conn.sackOk = r.bool('sack ok');
    conn.finReceived = r.bool('fin received');
    conn.finQueued = r.bool('fin queued');
    conn.finAcked = r.bool('fin acked');
    conn.wantWritable = r.bool('want writable');
    conn.endNotified = r.bool('end notified');
    conn.noDelay = r.bool('nodelay');
    conn.inRecovery = r.bool('in recovery');
    conn.pendingFin = r.optF64('pending fin');
    conn.rttSeq = r.optF64('rtt seq');
    conn.rtoAt = r.optF64('rto timer');
    conn.tlpAt = r.optF64('tail loss probe timer');
    conn.tlpHighSeq = r.optF64('tlp high seq');
    conn.tlpRetransmitted = r.bool('tlp retransmitted');
    conn.tlpDsacked = r.bool('tlp dsacked');
    const dsackStart = r.optF64('dsack start');
    const dsackEnd = r.optF64('dsack end');
    conn.dsack = dsackStart !== undefined && dsackEnd !== undefined ? [dsackStart, dsackEnd] : undefined;
    conn.delackAt = r.optF64('delack timer');
    conn.persistAt = r.optF64('persist timer');
    conn.timeWaitAt = r.optF64('time-wait timer');
    conn.finWait2At = r.optF64('fin-wait-2 timer');
    conn.rtoEstimator.srtt = r.optF64('srtt');
    conn.rtoEstimator.rttvar = r.f64('rttvar');
    conn.rtoEstimator.baseRto = r.f64('rto');
    conn.sendQueue.pushOwned(r.bytes('send queue'));
    conn.recvQueue.pushOwned(r.bytes('receive queue'));
    const nPieces = r.u32('reassembly count');
    const pieces: Array<{ seq: number; data: Uint8Array }> = [];
    for (let i = 0; i < nPieces; i++)
      pieces.push({ seq: r.u32('reassembly seq'), data: r.bytes('reassembly data') });
    const nRecent = r.u32('sack recent count');
    const recent: number[] = [];
    for (let i = 0; i < nRecent; i++) recent.push(r.u32('sack recent'));
    conn.reassembly.restore(pieces, recent);
    const nRanges = r.u32('scoreboard count');
    const ranges: SeqRange[] = [];
    for (let i = 0; i < nRanges; i++) ranges.push([r.u32('sack start'), r.u32('sack end')]);
    conn.scoreboard.restore(ranges);
    const ccName = r.string('congestion controller');
    if (conn.cc.name !== ccName) {
      throw new Error(
        `snapshot uses congestion controller "${ccName}" but the stack is configured for "${conn.cc.name}"`,
      );
    }
    const nKeys = r.u32('cc field count');
    const ccState: Record<string, number> = {};
    for (let i = 0; i < nKeys; i++) ccState[r.string('cc field')] = r.f64('cc value');
    conn.cc.restore(ccState);
    if (r.bool('has error')) {
      const code = r.string('error code') as TcpErrorCode;
      const message = r.string('error message');
      conn.error = Object.assign(new TcpSocketError(code, ''), { message });
    }
    return conn;
  }
}

const NO_OPTIONS: TcpOptions = Object.freeze({});

const TCP_STATES: ReadonlySet<TcpState> = new Set<TcpState>([
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
]);
