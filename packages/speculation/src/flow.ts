/**
 * One speculated TCP connection (see docs/design/speculation.md): the guest's bytes are acknowledged to the guest
 * as soon as they are buffered here, and delivered to the client by this flow after their epoch commits, with its
 * own retransmission timer (RFC 6298), fast retransmit and NewReno recovery (RFC 5681, RFC 6582), within the
 * client's advertised window, probing it when it is zero (RFC 9293 §3.8.6.1).
 *
 * Sequence numbers are the guest's: `clientUna` ≤ `sndNxt` ≤ `releasedEdge` ≤ `specAck`.
 */
import {
  ACK,
  ByteQueue,
  FIN,
  PSH,
  RtoEstimator,
  encodeTcpSegment,
  seqAdd,
  seqDiff,
  seqGe,
  seqGt,
  seqLe,
  seqLt,
  type RtoBounds,
  type TcpOptions,
  type TcpSegment,
} from '@vmha/guest-tcp';

export interface FlowKey {
  guestAddress: number;
  guestPort: number;
  clientAddress: number;
  clientPort: number;
}

/** What the two SYNs said. */
export interface FlowOptions {
  /** The shift the client applies to its windows (and the guest to the windows it is shown). */
  clientWindowShift: number;
  timestamps: boolean;
  /** Largest segment toward the client. */
  mss: number;
}

export interface FlowCounters {
  specAcks: number;
  windowUpdates: number;
  guestDuplicates: number;
  guestRefused: number;
  absorbedAcks: number;
  segmentsSent: number;
  bytesSent: number;
  retransmits: number;
  timeouts: number;
  probes: number;
  /** Recoveries undone: a D-SACK showed the resent segment had arrived (reordering, not loss). */
  undos: number;
  tailLossProbes: number;
}

/** Every flow counter at zero. */
export function zeroFlowCounters(): FlowCounters {
  return {
    specAcks: 0,
    windowUpdates: 0,
    guestDuplicates: 0,
    guestRefused: 0,
    absorbedAcks: 0,
    segmentsSent: 0,
    bytesSent: 0,
    retransmits: 0,
    timeouts: 0,
    probes: 0,
    undos: 0,
    tailLossProbes: 0,
  };
}

export interface FlowHost {
  now(): number;
  toGuest(packet: Uint8Array): void;
  toNetwork(packet: Uint8Array): void;
  counters: FlowCounters;
  /**
   * Release pacing: the most a flow sends at once, in milliseconds of its pacing rate (at least two segments).
   * Undefined: no pacing, committed data leaves as fast as the windows allow.
   */
  pacingBurstMs?: number;
}

/** A flow's state for a checkpoint: everything but the buffered bytes, which travel beside it raw. */
export interface FlowState {
  key: FlowKey;
  options: FlowOptions;
  specAck: number;
  guestRcvNxt: number;
  lastShownWindow: number;
  bufferedBytes: number;
  finSeq: number | null;
  edges: Array<{ epoch: number; edge: number }>;
  releasedEdge: number;
  headers: GuestHeader[];
  committed: Omit<GuestHeader, 'epoch'>;
  lastClientTsVal: number;
  clientFinSeen: boolean;
  handshakeAckDue: boolean;
  clientUna: number;
  sndMax: number;
  clientWindow: number;
  ssthresh: number;
  rto: { srtt: number | null; rttvar: number; baseRto: number };
}

interface GuestHeader {
  epoch: number;
  ack: number;
  window: number;
  timestamps: { value: number; echo: number } | undefined;
}

export class SpeculativeFlow {
  /** The next byte expected from the guest: everything before it is buffered here and acked to the guest. */
  private specAck: number;
  /** The guest's latest ACK field (its RCV.NXT): the sequence number of the ACKs shown to it. */
  private guestRcvNxt: number;
  private lastShownWindow = -1;
  private readonly buffer = new ByteQueue();
  /** The guest's FIN, once buffered (its sequence number). */
  private finSeq: number | undefined;
  /** Each uncommitted epoch's right edge (the seq after its last byte). */
  private readonly edges: Array<{ epoch: number; edge: number }> = [];
  private releasedEdge: number;
  /** ACK field, window and timestamps of the guest's segments, until their epoch commits. */
  private readonly headers: GuestHeader[] = [];
  private committed: Omit<GuestHeader, 'epoch'>;
  private lastClientTsVal = 0;
  private clientFinSeen = false;
  /** The guest answered a SYN: the client's ACK completing the handshake must reach it, even without data. */
  private handshakeAckDue: boolean;

  // The client side: RFC 5681 / 6582 sender state.
  private clientUna: number;
  private sndNxt: number;
  private sndMax: number;
  private clientWindow: number;
  private cwnd: number;
  /** Pacing (see paceAllows): bytes that may leave now, when they were last topped up, when to send on. */
  private paceTokens = 0;
  private paceRefilledAt: number | undefined;
  private paceDeadline: number | undefined;
  private ssthresh = Number.MAX_SAFE_INTEGER;
  private dupAcks = 0;
  private recover: number | undefined;
  /** What the client SACKed above its cumulative ACK (RFC 2018), merged, in order. */
  private sacked: Array<[number, number]> = [];
  /** During recovery: holes below this were already retransmitted once (RFC 6675's HighRxt). */
  private highRxt = 0;
  /** The window before the last reduction, and what recovery resent: restored if a D-SACK shows it spurious. */
  private undo:
    | {
        cwnd: number;
        ssthresh: number;
        from: number;
        to: number;
        /** Segments this recovery resent that no D-SACK has shown to have arrived twice. */
        retransmits: number;
      }
    | undefined;
  /** SACKed bytes above a hole that make it lost: 3 segments, raised each time reordering fooled it (as Linux). */
  private dupThreshBytes: number;
  private readonly rto: RtoEstimator;
  private rtoDeadline: number | undefined;
  private persistDeadline: number | undefined;
  /** Tail loss probe (RFC 8985 §7): a flight whose last segments were lost gets no duplicate ACKs. */
  private tlpDeadline: number | undefined;
  private rttProbe: { seq: number; sentAt: number } | undefined;

  constructor(
    readonly key: FlowKey,
    private readonly options: FlowOptions,
    /** The guest's first data byte (its ISS + 1) and its ACK field at the handshake. */
    start: {
      guestSeq: number;
      guestAck: number;
      clientWindow: number;
      clientTsVal: number;
      /** The guest is the passive opener: its SYN-ACK still awaits the client's ACK. */
      passive: boolean;
    },
    private readonly host: FlowHost,
    private readonly bufferBytes: number,
    rtoBounds: RtoBounds,
  ) {
    this.specAck = start.guestSeq;
    this.handshakeAckDue = start.passive;
    this.releasedEdge = start.guestSeq;
    this.clientUna = start.guestSeq;
    this.sndNxt = start.guestSeq;
    this.sndMax = start.guestSeq;
    this.guestRcvNxt = start.guestAck;
    this.clientWindow = start.clientWindow;
    this.lastClientTsVal = start.clientTsVal;
    this.committed = { ack: start.guestAck, window: 0, timestamps: undefined };
    this.cwnd = 10 * options.mss; // RFC 6928 initial window
    this.dupThreshBytes = 3 * options.mss;
    this.rto = new RtoEstimator(rtoBounds);
  }

  /** Every byte the guest sent was delivered and acknowledged, and both sides closed. */
  get finished(): boolean {
    return this.finSeq !== undefined && this.clientFinSeen && this.clientUna === seqAdd(this.finSeq, 1);
  }

  get nextDeadline(): number | undefined {
    let next: number | undefined;
    for (const d of [this.rtoDeadline, this.persistDeadline, this.tlpDeadline, this.paceDeadline])
      if (d !== undefined && (next === undefined || d < next)) next = d;
    return next;
  }

  /** Bytes buffered here (acked to the guest, not yet acked by the client). */
  get buffered(): number {
    return seqDiff(this.specAck, this.clientUna);
  }

  // --- Checkpoints ---------------------------------------------------------------------------------------

  /**
   * The flow's state, and its buffered bytes (from the client's cumulative ACK on) as the queue holding them:
   * the caller copies them once, straight into the state it builds.
   */
  saveState(): { state: FlowState; bytes: Pick<ByteQueue, 'length' | 'views'> } {
    return {
      state: {
        key: this.key,
        options: this.options,
        specAck: this.specAck,
        guestRcvNxt: this.guestRcvNxt,
        lastShownWindow: this.lastShownWindow,
        bufferedBytes: this.buffer.length,
        finSeq: this.finSeq ?? null,
        edges: this.edges.map((e) => ({ ...e })),
        releasedEdge: this.releasedEdge,
        headers: this.headers.map((h) => ({ ...h })),
        committed: { ...this.committed },
        lastClientTsVal: this.lastClientTsVal,
        clientFinSeen: this.clientFinSeen,
        handshakeAckDue: this.handshakeAckDue,
        clientUna: this.clientUna,
        sndMax: this.sndMax,
        clientWindow: this.clientWindow,
        ssthresh: this.ssthresh,
        rto: { srtt: this.rto.srtt ?? null, rttvar: this.rto.rttvar, baseRto: this.rto.baseRto },
      },
      bytes: this.buffer,
    };
  }

  /**
   * The flow as a checkpoint captured it, on the VMM that resumes the guest from that checkpoint. Whatever the
   * old primary sent of it the client may hold: every buffered byte counts as sent once, and delivery starts
   * again from the client's last ACK (duplicates are harmless to it), with a fresh congestion window.
   */
  static restore(
    state: FlowState,
    bytes: Uint8Array,
    host: FlowHost,
    bufferBytes: number,
    rtoBounds: RtoBounds,
  ): SpeculativeFlow {
    if (bytes.length !== state.bufferedBytes)
      throw new RangeError(`flow state has ${bytes.length} buffered bytes, expected ${state.bufferedBytes}`);
    const flow = new SpeculativeFlow(
      state.key,
      state.options,
      {
        guestSeq: state.clientUna,
        guestAck: state.guestRcvNxt,
        clientWindow: state.clientWindow,
        clientTsVal: state.lastClientTsVal,
        passive: state.handshakeAckDue,
      },
      host,
      bufferBytes,
      rtoBounds,
    );
    if (bytes.length > 0) flow.buffer.pushOwned(bytes.slice());
    flow.specAck = state.specAck;
    flow.lastShownWindow = state.lastShownWindow;
    flow.finSeq = state.finSeq ?? undefined;
    flow.edges.push(...state.edges);
    flow.releasedEdge = state.releasedEdge;
    flow.headers.push(...state.headers);
    flow.committed = { ...state.committed };
    flow.clientFinSeen = state.clientFinSeen;
    flow.sndMax = seqGt(state.specAck, state.sndMax) ? state.specAck : state.sndMax;
    flow.ssthresh = state.ssthresh;
    flow.rto.srtt = state.rto.srtt ?? undefined;
    flow.rto.rttvar = state.rto.rttvar;
    flow.rto.baseRto = state.rto.baseRto;
    return flow;
  }

  // --- From the guest ------------------------------------------------------------------------------------

  /** A data or FIN segment from the guest during `epoch`: buffered and acknowledged to the guest at once. */
  fromGuest(seg: TcpSegment, epoch: number): void {
    this.noteGuestHeader(seg, epoch);
    const fin = (seg.flags & FIN) !== 0;
    const end = seqAdd(seg.seq, seg.payload.length + (fin ? 1 : 0));
    if (seqLe(end, this.specAck)) {
      // Already buffered (the guest retransmitted before our ACK reached it): show it the ACK again.
      this.host.counters.guestDuplicates++;
      this.ackGuest(seg);
      return;
    }
    if (seqGt(seg.seq, this.specAck) || this.finSeq !== undefined) {
      this.host.counters.guestRefused++; // a gap (an earlier segment was refused): the guest will resend
      return;
    }
    const skip = seqDiff(this.specAck, seg.seq);
    const room = this.bufferBytes - this.buffered;
    const data = seg.payload.subarray(skip);
    const take = Math.min(data.length, Math.max(0, room));
    if (take > 0) {
      this.buffer.pushOwned(data.slice(0, take));
      this.specAck = seqAdd(this.specAck, take);
    }
    if (fin && take === data.length) {
      this.finSeq = this.specAck;
      this.specAck = seqAdd(this.specAck, 1);
    }
    if (take < data.length) this.host.counters.guestRefused++;
    const last = this.edges.at(-1);
    if (last?.epoch === epoch) last.edge = this.specAck;
    else this.edges.push({ epoch, edge: this.specAck });
    this.ackGuest(seg);
  }

  /** A segment without data from the guest (a pure ACK): its ACK field and window count once committed. */
  noteGuestHeader(seg: TcpSegment, epoch: number): void {
    this.guestRcvNxt = seg.ack;
    const last = this.headers.at(-1);
    const header = { epoch, ack: seg.ack, window: seg.window, timestamps: seg.options.timestamps };
    if (last?.epoch === epoch) this.headers[this.headers.length - 1] = header;
    else this.headers.push(header);
  }

  /** A guest pure ACK released at commit: sent with a sequence number the client will accept. */
  releasePureAck(seg: TcpSegment): Uint8Array {
    return this.segmentToClient(this.sndNxt, 0, ACK, {
      ack: seg.ack,
      window: seg.window,
      timestamps: seg.options.timestamps,
    });
  }

  // --- Commit --------------------------------------------------------------------------------------------

  commit(epoch: number): void {
    while (this.headers.length > 0 && this.headers[0].epoch <= epoch) {
      const h = this.headers.shift()!;
      this.committed = { ack: h.ack, window: h.window, timestamps: h.timestamps };
    }
    while (this.edges.length > 0 && this.edges[0].epoch <= epoch)
      this.releasedEdge = this.edges.shift()!.edge;
    this.send();
  }

  // --- From the client -----------------------------------------------------------------------------------

  /**
   * A segment from the client. Returns the segment to deliver to the guest (its ACK raised to what the guest was
   * shown, its window this buffer's, SACK blocks removed), or undefined when nothing in it concerns the guest.
   */
  fromClient(seg: TcpSegment): Uint8Array | undefined {
    if (seg.options.timestamps) this.lastClientTsVal = seg.options.timestamps.value;
    const windowBefore = this.clientWindow;
    this.clientWindow = seg.window << this.options.clientWindowShift;
    let carries = seg.payload.length > 0 || (seg.flags & FIN) !== 0;
    if (this.handshakeAckDue && seg.flags & ACK && seqGe(seg.ack, this.clientUna)) {
      this.handshakeAckDue = false;
      carries = true; // the guest's SYN-ACK is acknowledged: it must see that
    }
    if (seg.flags & ACK) {
      this.noteSack(seg.ack, seg.options.sack);
      this.onClientAck(seg.ack, !carries && this.clientWindow === windowBefore);
    }
    if ((seg.flags & FIN) !== 0) this.clientFinSeen = true;
    this.send();
    this.maybeWindowUpdate();
    if (!carries) {
      this.host.counters.absorbedAcks++;
      return undefined;
    }
    return encodeTcpSegment(
      {
        src: seg.src,
        dst: seg.dst,
        srcPort: seg.srcPort,
        dstPort: seg.dstPort,
        seq: seg.seq,
        ack: this.specAck,
        flags: seg.flags | ACK,
        window: this.guestWindowField(),
        options: seg.options.timestamps ? { timestamps: seg.options.timestamps } : undefined,
      },
      seg.payload.length,
      (buf, at) => buf.set(seg.payload, at),
    );
  }

  private onClientAck(ack: number, couldBeDuplicate: boolean): void {
    if (seqGt(ack, this.clientUna) && seqLe(ack, this.sndMax)) {
      const acked = seqDiff(ack, this.clientUna);
      const dataAcked = Math.min(acked, this.buffer.length);
      if (dataAcked > 0) this.buffer.discard(dataAcked);
      this.clientUna = ack;
      if (seqLt(this.sndNxt, ack)) this.sndNxt = ack;
      if (this.rttProbe && seqGe(ack, this.rttProbe.seq)) {
        this.rto.sample(this.host.now() - this.rttProbe.sentAt);
        this.rttProbe = undefined;
      }
      this.rto.clearBackoff();
      if (this.recover !== undefined) {
        if (seqGe(ack, this.recover)) {
          this.recover = undefined; // full ACK: leave recovery (RFC 6582 §3.2 step 3)
          this.cwnd = Math.min(this.ssthresh, this.inFlight + this.options.mss);
        } else if (this.sacked.length > 0) {
          this.retransmitHoles(); // RFC 6675: resend what the scoreboard shows lost, within the pipe
        } else {
          this.retransmit(); // partial ACK: the next hole (§3.2 step 5)
          this.cwnd = Math.max(this.cwnd - acked + this.options.mss, this.options.mss);
        }
      } else if (this.cwnd < this.ssthresh) {
        // Slow start counts every byte a stretch ACK covers (clients that coalesce ACK whole bursts, as Linux's
        // GRO does; RFC 3465's L=2 would make growth linear behind them).
        this.cwnd += acked;
      } else this.cwnd += Math.max(1, Math.floor((this.options.mss * acked) / this.cwnd));
      this.dupAcks = 0;
      this.rtoDeadline = this.clientUna === this.sndMax ? undefined : this.host.now() + this.rto.rto;
      this.armTlp();
      return;
    }
    if (ack !== this.clientUna || !seqGt(this.sndMax, this.clientUna)) return;
    if (couldBeDuplicate) this.dupAcks++;
    if (this.recover === undefined) {
      // Loss: three duplicate ACKs (RFC 5681 §3.2), or three segments' worth SACKed above the first hole
      // (RFC 6675 §5's DupThresh in bytes: clients that ACK whole bursts send fewer duplicates).
      const dupThresh = this.dupThreshBytes / this.options.mss;
      if (this.dupAcks >= dupThresh || this.sackedBytes() >= this.dupThreshBytes) this.enterRecovery();
    } else if (this.sacked.length > 0) this.retransmitHoles();
    else if (this.dupAcks > 3) this.cwnd += this.options.mss;
  }

  private enterRecovery(): void {
    this.undo = {
      cwnd: this.cwnd,
      ssthresh: this.ssthresh,
      from: this.clientUna,
      to: this.sndMax,
      retransmits: 0,
    };
    this.ssthresh = Math.max(Math.floor(this.inFlight / 2), 2 * this.options.mss);
    this.recover = this.sndMax;
    this.highRxt = this.clientUna;
    if (this.sacked.length > 0) {
      this.cwnd = this.ssthresh;
      this.retransmitHoles();
    } else {
      this.retransmit();
      this.cwnd = this.ssthresh + 3 * this.options.mss;
    }
  }

  /**
   * The client's SACK blocks: a block below its cumulative ACK (or inside the first) is a D-SACK (RFC 2883),
   * saying a segment arrived twice. Once every segment a recovery resent has been reported so, the recovery was
   * spurious (reordering, not loss) and the window it cut is restored (RFC 3708 §3.2, counted as Linux's
   * undo_retrans): one duplicate among real repairs undoes nothing.
   */
  private noteSack(ack: number, blocks: ReadonlyArray<readonly [number, number]> | undefined): void {
    this.sacked = this.sacked.filter(([, r]) => seqGt(r, ack)).map(([l, r]) => [seqGt(l, ack) ? l : ack, r]);
    if (!blocks) return;
    for (let i = 0; i < blocks.length; i++) {
      const [l, r] = blocks[i];
      if (
        seqLe(r, ack) ||
        (i === 0 && blocks.length > 1 && seqGe(l, blocks[1][0]) && seqLe(r, blocks[1][1]))
      ) {
        const u = this.undo;
        if (u && seqGe(l, u.from) && seqLe(r, u.to))
          u.retransmits -= Math.max(1, Math.ceil(seqDiff(r, l) / this.options.mss));
        if (u && u.retransmits <= 0 && seqGe(l, u.from) && seqLe(r, u.to)) {
          this.cwnd = Math.max(this.cwnd, u.cwnd);
          this.ssthresh = Math.max(this.ssthresh, u.ssthresh);
          this.recover = undefined;
          this.undo = undefined;
          this.host.counters.undos++;
          this.dupAcks = 0;
          this.dupThreshBytes = Math.min(2 * this.dupThreshBytes, 128 * this.options.mss);
        }
        continue;
      }
      if (!seqGt(r, ack) || seqGt(r, this.sndMax)) continue;
      this.addSacked(seqGt(l, ack) ? l : ack, r);
    }
  }

  private addSacked(l: number, r: number): void {
    const merged: Array<[number, number]> = [];
    let cur: [number, number] = [l, r];
    for (const b of this.sacked) {
      if (seqLt(b[1], cur[0])) merged.push(b);
      else if (seqLt(cur[1], b[0])) {
        merged.push(cur);
        cur = b;
      } else cur = [seqLt(b[0], cur[0]) ? b[0] : cur[0], seqGt(b[1], cur[1]) ? b[1] : cur[1]];
    }
    merged.push(cur);
    this.sacked = merged;
  }

  private sackedAbove(seq: number): number {
    let n = 0;
    for (const [l, r] of this.sacked) if (seqGt(r, seq)) n += seqDiff(r, seqGt(l, seq) ? l : seq);
    return n;
  }

  private sackedBytes(): number {
    let n = 0;
    for (const [l, r] of this.sacked) n += seqDiff(r, l);
    return n;
  }

  /** RFC 6675 §5 (simplified): resend each hole below the highest SACKed byte once, while the pipe allows. */
  private retransmitHoles(): void {
    const mss = this.options.mss;
    let pipe = this.inFlight - this.sackedBytes();
    let at = seqGt(this.highRxt, this.clientUna) ? this.highRxt : this.clientUna;
    for (const [l, r] of this.sacked) {
      // IsLost (RFC 6675 §4): only a hole with DupThresh segments' worth SACKed above it; the rest may be in
      // flight or reordered.
      if (this.sackedAbove(at) < this.dupThreshBytes) break;
      while (seqLt(at, l) && pipe < this.cwnd) {
        const len = Math.min(mss, seqDiff(l, at), seqDiff(this.releasedEdge, at));
        if (len <= 0) return;
        this.transmit(at, len, ACK);
        at = seqAdd(at, len);
        pipe += len;
      }
      if (seqLt(at, l)) break; // the pipe filled before this hole was resent: it goes at the next ACK, not never
      if (seqLt(at, r)) at = r;
      if (pipe >= this.cwnd) break;
    }
    this.highRxt = at;
  }

  // --- Timers --------------------------------------------------------------------------------------------

  tick(now: number): void {
    if (this.paceDeadline !== undefined && now >= this.paceDeadline) {
      this.paceDeadline = undefined;
      this.send();
    }
    if (this.tlpDeadline !== undefined && now >= this.tlpDeadline) {
      this.tlpDeadline = undefined;
      this.tailLossProbe();
    }
    if (this.rtoDeadline !== undefined && now >= this.rtoDeadline) {
      this.tlpDeadline = undefined;
      // RFC 6298 §5.4-5.6, and RFC 5681 §3.1's loss window.
      this.host.counters.timeouts++;
      this.ssthresh = Math.max(Math.floor(this.inFlight / 2), 2 * this.options.mss);
      this.cwnd = this.options.mss;
      this.recover = undefined;
      this.undo = undefined;
      // (The scoreboard stays: resending what the client SACKed would cost a whole window; if it reneged, the
      // next timeout resends from its cumulative ACK again.)
      this.dupAcks = 0;
      this.rto.backOff();
      this.rttProbe = undefined;
      this.sndNxt = this.clientUna; // go back: resend from the oldest unacknowledged byte
      this.rtoDeadline = undefined;
      this.send();
      if (this.rtoDeadline === undefined && seqGt(this.sndMax, this.clientUna))
        this.rtoDeadline = now + this.rto.rto;
    }
    if (this.persistDeadline !== undefined && now >= this.persistDeadline) {
      this.persistDeadline = undefined;
      this.probe();
    }
  }

  // --- Sending to the client -----------------------------------------------------------------------------

  private get inFlight(): number {
    return seqDiff(this.sndMax, this.clientUna);
  }

  /** Sends what is committed, within the client's window and the congestion window. */
  private send(): void {
    const mss = this.options.mss;
    const fin = this.finSeq;
    const dataEnd = fin ?? this.specAck;
    const committedDataEnd = seqLt(this.releasedEdge, dataEnd) ? this.releasedEdge : dataEnd;
    const finReleased = fin !== undefined && seqGt(this.releasedEdge, fin);
    const sacked = this.sackedBytes(); // (the scoreboard only changes on the client's ACKs, not while sending)
    for (;;) {
      // After a timeout SND.NXT went back: skip what the client SACKed, and stop short of the next such block.
      let sackedLimit = Infinity;
      for (const [l, r] of this.sacked) {
        if (seqGe(this.sndNxt, l) && seqLt(this.sndNxt, r)) this.sndNxt = r;
        else if (seqLt(this.sndNxt, l)) {
          sackedLimit = seqDiff(l, this.sndNxt);
          break;
        }
      }
      const windowRoom = seqDiff(seqAdd(this.clientUna, this.clientWindow), this.sndNxt);
      // The pipe (RFC 6675 §4): what is in flight, less what the client SACKed.
      const cwndRoom = this.cwnd - (seqDiff(this.sndNxt, this.clientUna) - sacked);
      const available = seqDiff(committedDataEnd, this.sndNxt);
      const n = Math.min(mss, available, windowRoom, cwndRoom, sackedLimit);
      if (n > 0 && !this.paceAllows(n)) break; // the rest leaves at the pacing deadline
      if (n > 0) {
        // The FIN rides on the last data segment (it takes no window space).
        const withFin = finReleased && seqAdd(this.sndNxt, n) === fin;
        this.transmitNew(n, ACK | (n === available ? PSH : 0) | (withFin ? FIN : 0));
        if (withFin) break;
        continue;
      }
      if (finReleased && this.sndNxt === fin && cwndRoom > 0) this.transmitNew(0, ACK | FIN);
      break;
    }
    const unsent = seqGt(committedDataEnd, this.sndNxt) || (finReleased && seqLe(this.sndNxt, fin!));
    const windowShut = seqLe(seqAdd(this.clientUna, this.clientWindow), this.sndNxt);
    if (unsent && windowShut && this.clientUna === this.sndMax) {
      this.persistDeadline ??= this.host.now() + this.rto.rto; // zero window: probe it (RFC 9293 §3.8.6.1)
    } else this.persistDeadline = undefined;
  }

  // --- Pacing -----------------------------------------------------------------------------------------------

  /**
   * The VMM's own sender paces what it releases (as Linux's sk_pacing_rate: 2·cwnd/SRTT in slow start, 1.2·cwnd/SRTT
   * after), so an epoch's worth of committed data does not hit the client's path as one line-rate burst: a token
   * bucket of at most `pacingBurstMs` of the rate. Taking `n` bytes from it, or arming the deadline when they
   * are not there yet. Unpaced before the first RTT sample.
   */
  private paceAllows(n: number): boolean {
    const burstMs = this.host.pacingBurstMs;
    const srtt = this.rto.srtt;
    if (burstMs === undefined || srtt === undefined) return true;
    const now = this.host.now();
    const rate = ((this.cwnd < this.ssthresh ? 2 : 1.2) * this.cwnd) / Math.max(srtt, 0.01); // bytes per ms
    const burst = Math.max(2 * this.options.mss, rate * burstMs);
    this.paceTokens =
      this.paceRefilledAt === undefined
        ? burst
        : Math.min(burst, this.paceTokens + rate * (now - this.paceRefilledAt));
    this.paceRefilledAt = now;
    if (this.paceTokens >= n - 1e-6) {
      this.paceTokens = Math.max(0, this.paceTokens - n);
      return true;
    }
    this.paceDeadline = now + Math.max((n - this.paceTokens) / rate, 0.001); // strictly later (float residue)
    return false;
  }

  /** Sends `len` bytes (and the FIN if flagged) at SND.NXT, and advances it. */
  private transmitNew(len: number, flags: number): void {
    this.transmit(this.sndNxt, len, flags);
    this.sndNxt = seqAdd(this.sndNxt, len + (flags & FIN ? 1 : 0));
    if (seqGt(this.sndNxt, this.sndMax)) this.sndMax = this.sndNxt;
  }

  private transmit(seq: number, len: number, flags: number): void {
    const fresh = seqGe(seq, this.sndMax);
    if (!fresh) {
      this.host.counters.retransmits++;
      if (this.undo) this.undo.retransmits++;
    }
    this.host.counters.segmentsSent++;
    this.host.counters.bytesSent += len;
    if (fresh && this.rttProbe === undefined)
      this.rttProbe = { seq: seqAdd(seq, len), sentAt: this.host.now() };
    else if (!fresh && this.rttProbe && seqLe(seq, this.rttProbe.seq)) this.rttProbe = undefined; // Karn
    this.rtoDeadline ??= this.host.now() + this.rto.rto;
    this.host.toNetwork(this.segmentToClient(seq, len, flags, this.committed));
    if (fresh) this.armTlp();
  }

  /** PTO = 2·SRTT (RFC 8985 §7.2), at least 10 ms, while data is outstanding and no recovery runs. */
  private armTlp(): void {
    if (this.recover !== undefined || this.clientUna === this.sndMax) {
      this.tlpDeadline = undefined;
      return;
    }
    const pto = Math.max(2 * (this.rto.srtt ?? 50), 10);
    this.tlpDeadline = this.host.now() + pto;
  }

  /** Sends new data if there is some the windows allow, else the last segment again: either draws a SACK. */
  private tailLossProbe(): void {
    if (this.clientUna === this.sndMax) return;
    this.host.counters.tailLossProbes++;
    const before = this.sndNxt;
    this.send();
    if (this.sndNxt !== before) return;
    const len = Math.min(this.options.mss, seqDiff(this.sndMax, this.clientUna));
    const dataEnd = this.finSeq ?? this.specAck;
    const seq = seqAdd(this.sndMax, -len);
    const dataLen = seqLt(seq, dataEnd) ? Math.min(len, seqDiff(dataEnd, seq)) : 0;
    const fin =
      this.finSeq !== undefined && seqAdd(seq, dataLen) === this.finSeq && this.sndMax !== this.finSeq;
    if (dataLen > 0 || fin) this.transmit(seq, dataLen, ACK | (fin ? FIN : 0));
  }

  /** Resends the segment at the oldest unacknowledged byte. */
  private retransmit(): void {
    const dataLeft = this.finSeq === undefined ? this.buffer.length : seqDiff(this.finSeq, this.clientUna);
    const len = Math.min(this.options.mss, dataLeft, seqDiff(this.releasedEdge, this.clientUna));
    const fin = this.finSeq !== undefined && seqAdd(this.clientUna, Math.max(0, len)) === this.finSeq;
    if (len <= 0 && !fin) return;
    this.transmit(this.clientUna, Math.max(0, len), ACK | (fin ? FIN : 0));
  }

  /** One byte past a zero window, to learn when it opens; backed off like the RTO. */
  private probe(): void {
    this.host.counters.probes++;
    const hasData = seqLt(this.sndNxt, this.finSeq ?? this.specAck) && seqLt(this.sndNxt, this.releasedEdge);
    this.host.toNetwork(this.segmentToClient(this.sndNxt, hasData ? 1 : 0, ACK, this.committed));
    // If the window had opened, the client takes the byte and acknowledges it: let that ACK count.
    if (hasData && seqGe(this.sndNxt, this.sndMax)) this.sndMax = seqAdd(this.sndNxt, 1);
    this.rto.backOff();
    this.persistDeadline = this.host.now() + this.rto.rto;
  }

  private segmentToClient(
    seq: number,
    len: number,
    flags: number,
    h: Omit<GuestHeader, 'epoch'>,
  ): Uint8Array {
    const options: TcpOptions | undefined =
      this.options.timestamps && h.timestamps ? { timestamps: h.timestamps } : undefined;
    const offset = seqDiff(seq, this.clientUna);
    return encodeTcpSegment(
      {
        src: this.key.guestAddress,
        dst: this.key.clientAddress,
        srcPort: this.key.guestPort,
        dstPort: this.key.clientPort,
        seq,
        ack: h.ack,
        flags,
        window: h.window,
        options,
      },
      len,
      (buf, at) => this.buffer.copyTo(buf, at, offset, len),
    );
  }

  // --- To the guest --------------------------------------------------------------------------------------

  /** The window shown to the guest: this buffer's free space, in the client's scale. */
  private guestWindowField(): number {
    const free = Math.max(0, this.bufferBytes - this.buffered);
    const field = Math.min(free >>> this.options.clientWindowShift, 0xffff);
    this.lastShownWindow = field;
    return field;
  }

  /** The ACK for everything buffered, as if from the client. */
  private ackGuest(seg: TcpSegment): void {
    this.host.counters.specAcks++;
    this.host.toGuest(this.ackToGuest(seg.options.timestamps?.value));
  }

  /** After the client freed buffer space the guest was told it lacked: a window update (not a duplicate ACK). */
  private maybeWindowUpdate(): void {
    const free = Math.max(0, this.bufferBytes - this.buffered) >>> this.options.clientWindowShift;
    const shown = this.lastShownWindow;
    if (shown < 0 || Math.min(free, 0xffff) <= shown) return;
    const gain = (Math.min(free, 0xffff) - shown) << this.options.clientWindowShift;
    if (gain < Math.min(this.bufferBytes / 4, 2 * this.options.mss) && shown > 0) return;
    this.host.counters.windowUpdates++;
    this.host.toGuest(this.ackToGuest(undefined));
  }

  private ackToGuest(echo: number | undefined): Uint8Array {
    return encodeTcpSegment({
      src: this.key.clientAddress,
      dst: this.key.guestAddress,
      srcPort: this.key.clientPort,
      dstPort: this.key.guestPort,
      seq: this.guestRcvNxt,
      ack: this.specAck,
      flags: ACK,
      window: this.guestWindowField(),
      options: this.options.timestamps
        ? { timestamps: { value: this.lastClientTsVal, echo: echo ?? this.committed.timestamps?.value ?? 0 } }
        : undefined,
    });
  }
}
