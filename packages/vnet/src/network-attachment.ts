/**
 * One IPv4 address's presence on the virtual network: it subscribes to the subject keyed by its address and
 * publishes outgoing datagrams to the subject of their destination. Whoever owns an address attaches it; moving
 * a VIP (failover, migration) is closing one attachment and opening another elsewhere. Link impairments apply
 * at this edge, per direction, per datagram.
 *
 * Datagrams sent in one synchronous run (a vCPU slice's transmissions, the ACKs for one received burst) leave
 * as one message per destination, in order, when the run ends (a microtask) or a message fills: a burst, as
 * virtio-net hands the host several buffers per kick. NATS' per-message costs, in both clients and the server,
 * are then paid per burst rather than per datagram; nothing waits for a timer.
 */
import { LinkEmulator, type LinkImpairments, type TimerHost, realTimeHost } from './link-emulator.ts';
import { formatIpv4Address, parseIpv4Address } from '@vmha/guest-tcp';
import { decodeIpPacket, encodeIpPacket, subjects } from '@vmha/shared-proto';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import type { AttachmentCounters, PacketBus, PacketCodec } from './types.ts';

/** The header naming the sender of the virtual network's messages (see `AttachmentOptions.origin`). */
export const ORIGIN_HEADER = 'vmha-origin';
/** The header with the wall-clock time (ms) at which the sender published a message (see `mayPublish`). */
export const RELEASED_AT_HEADER = 'vmha-released-at';

export interface AttachmentOptions {
  bus: PacketBus;
  /** The address this attachment receives for, dotted quad. */
  address: string;
  /** Default: the versioned IpPacket envelope. */
  codec?: PacketCodec;
  /** Subject carrying datagrams to an address; default: shared-proto's `vmha.v1.net.<a>.<b>.<c>.<d>`. */
  subjectFor?: (address: string) => string;
  /** Called for each datagram addressed to `address`, after ingress impairments. */
  onPacket: (datagram: Uint8Array) => void;
  /**
   * Names the sender in a `vmha-origin` header on every message it publishes (VMMs set their instance, so tests
   * and operators can tell which VMM released a packet). Default: no header.
   */
  origin?: string;
  /**
   * Asked right before each message is published, after it has been stamped with the time in a `vmha-released-at`
   * header: false holds it (and everything after it, in order) until the next `flush()`. A replicated VMM answers
   * false while it may have been frozen long enough for a backup to take over. Taking the stamp before asking
   * makes the stamp a witness: a message stamped after the process woke from a freeze was asked about after it
   * too, so no message from a fenced VMM carries a time later than its freeze (held messages are re-stamped).
   * Default: everything is published at once, unstamped.
   */
  mayPublish?: () => boolean;
  /** Largest message a burst grows to before it is published (default 64 KiB, GSO's largest super-packet). */
  maxMessageBytes?: number;
  egress?: LinkImpairments;
  ingress?: LinkImpairments;
  timers?: TimerHost;
}

export class NetworkAttachment {
  readonly address: string;
  readonly counters: AttachmentCounters = {
    sent: 0,
    messagesSent: 0,
    received: 0,
    messagesReceived: 0,
    dropped: {},
  };
  private readonly addressValue: number;
  private readonly egress: LinkEmulator;
  private readonly ingress: LinkEmulator;
  private readonly subscription: { unsubscribe(): void; drain(): Promise<void> };
  /** Per destination address: its subject (computing it per packet would dominate) and the burst being built. */
  private readonly destinations = new Map<number, Burst>();
  /** Destinations with a burst waiting for the end of this synchronous run. */
  private readonly pending: Burst[] = [];
  /** Encoded messages `mayPublish` refused, oldest first. */
  private readonly held: Array<{ subject: string; payload: Uint8Array; datagrams: number }> = [];
  private flushQueued = false;
  private readonly maxMessageBytes: number;
  private publishOptions: { headers?: MsgHdrs } | undefined;
  private closed = false;

  private readonly codec: PacketCodec;
  private readonly subjectFor: (address: string) => string;

  constructor(private readonly o: AttachmentOptions) {
    this.address = o.address;
    this.codec = o.codec ?? ipPacketCodec;
    this.subjectFor = o.subjectFor ?? netSubject;
    this.addressValue = parseIpv4Address(o.address);
    this.maxMessageBytes = o.maxMessageBytes ?? 64 * 1024;
    if (o.origin !== undefined) {
      this.publishOptions = { headers: natsHeaders() };
      this.publishOptions.headers!.set(ORIGIN_HEADER, o.origin);
    }
    const timers = o.timers ?? realTimeHost;
    this.egress = new LinkEmulator(o.egress ?? {}, (p) => this.publish(p), timers);
    this.ingress = new LinkEmulator(o.ingress ?? {}, (p) => o.onPacket(p), timers);
    this.subscription = o.bus.subscribe(this.subjectFor(o.address), {
      callback: (err, msg) => {
        if (err) {
          this.drop('subscription-error');
          return;
        }
        this.receive(msg.data);
      },
    });
  }

  /** Sends one IPv4 datagram toward its destination address. Malformed datagrams are counted, not sent. */
  send(datagram: Uint8Array): void {
    if (this.closed) return;
    if (datagram.length < 20 || datagram[0] >> 4 !== 4) {
      this.drop('outbound-not-ipv4');
      return;
    }
    this.egress.send(datagram);
  }

  get impairmentCounters() {
    return { egress: this.egress.counters, ingress: this.ingress.counters };
  }

  /** Datagrams held back by `mayPublish`. */
  get heldDatagrams(): number {
    let n = 0;
    for (const h of this.held) n += h.datagrams;
    return n;
  }

  /**
   * Stops receiving; datagrams already sent leave unless `mayPublish` refuses them (then they are discarded, as
   * are packets still inside the emulated link).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.held.length > 0) this.drop('held-at-close', this.heldDatagrams);
    this.held.length = 0;
    this.egress.close();
    this.ingress.close();
    await this.subscription.drain().catch(() => this.subscription.unsubscribe());
  }

  /**
   * Publishes every burst still being built now, rather than when the current synchronous run ends, after any
   * messages `mayPublish` held back.
   */
  flush(): void {
    while (this.held.length > 0 && !this.closed) {
      const h = this.held[0];
      if (!this.publishMessage(h.subject, h.payload, h.datagrams)) break;
      this.held.shift();
    }
    for (const burst of this.pending) this.publishBurst(burst);
    this.pending.length = 0;
  }

  private publish(datagram: Uint8Array): void {
    if (this.closed) return;
    const dst = ((datagram[16] << 24) | (datagram[17] << 16) | (datagram[18] << 8) | datagram[19]) >>> 0;
    let burst = this.destinations.get(dst);
    if (burst === undefined) {
      burst = { subject: this.subjectFor(formatIpv4Address(dst)), datagrams: [], bytes: 0 };
      this.destinations.set(dst, burst);
    }
    if (burst.datagrams.length > 0 && burst.bytes + datagram.length + 8 > this.maxMessageBytes)
      this.publishBurst(burst); // full: this one starts the next message (still in order)
    if (burst.datagrams.length === 0) this.pending.push(burst);
    burst.datagrams.push(datagram);
    burst.bytes += datagram.length + 8; // room for the envelope's tag and length
    if (burst.datagrams.length >= this.codec.maxBurst) this.publishBurst(burst);
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(this.flushAtEndOfRun);
    }
  }

  private readonly flushAtEndOfRun = (): void => {
    this.flushQueued = false;
    if (!this.closed) this.flush();
  };

  /** Publishes a burst's datagrams as one message; an already-published (empty) burst is left alone. */
  private publishBurst(burst: Burst): void {
    if (burst.datagrams.length === 0) return;
    const datagrams = burst.datagrams;
    burst.datagrams = [];
    burst.bytes = 0;
    const payload = this.codec.encode(datagrams);
    if (this.held.length > 0 || !this.publishMessage(burst.subject, payload, datagrams.length))
      this.held.push({ subject: burst.subject, payload, datagrams: datagrams.length });
  }

  /** Publishes one message unless `mayPublish` refuses it (false: the caller holds it). */
  private publishMessage(subject: string, payload: Uint8Array, datagrams: number): boolean {
    let options = this.publishOptions;
    if (this.o.mayPublish !== undefined) {
      const headers = natsHeaders();
      if (this.o.origin !== undefined) headers.set(ORIGIN_HEADER, this.o.origin);
      headers.set(RELEASED_AT_HEADER, String(Date.now())); // stamped first, then asked: see `mayPublish`
      if (!this.o.mayPublish()) return false;
      options = { headers };
    }
    try {
      this.o.bus.publish(subject, payload, options);
    } catch {
      // The connection is closed or closing: the datagrams are lost, as on a link that went down.
      this.drop('publish-failed', datagrams);
      return true;
    }
    this.counters.sent += datagrams;
    this.counters.messagesSent++;
    return true;
  }

  private receive(bytes: Uint8Array): void {
    if (this.closed) return;
    const decoded = this.codec.decode(bytes);
    if (!decoded.ok) {
      this.drop(decoded.reason);
      return;
    }
    this.counters.messagesReceived++;
    for (const d of decoded.datagrams) {
      if (d.length < 20 || d[0] >> 4 !== 4) {
        this.drop('not-ipv4');
        continue;
      }
      const dst = ((d[16] << 24) | (d[17] << 16) | (d[18] << 8) | d[19]) >>> 0;
      if (dst !== this.addressValue) {
        this.drop('wrong-destination');
        continue;
      }
      this.counters.received++;
      this.ingress.send(d);
    }
  }

  private drop(reason: string, count = 1): void {
    this.counters.dropped[reason] = (this.counters.dropped[reason] ?? 0) + count;
  }
}

interface Burst {
  readonly subject: string;
  datagrams: Uint8Array[];
  /** Encoded size so far, an upper bound. */
  bytes: number;
}

/** Raw datagrams with no envelope, one per message: for baselines that measure NATS itself. */
export const rawCodec: PacketCodec = {
  maxBurst: 1,
  encode: (d) => d[0],
  decode: (b) => ({ ok: true, datagrams: [b] }),
};

/** Bursts of datagrams in the versioned `vmha.v1.IpPacket`: what the virtual network carries. */
export const ipPacketCodec: PacketCodec = {
  maxBurst: Infinity,
  encode: (d) => encodeIpPacket(d),
  decode: (b) => {
    const r = decodeIpPacket(b);
    return r.ok ? { ok: true, datagrams: r.message.datagrams } : { ok: false, reason: r.reason };
  },
};

/** The subject that carries datagrams to `address` (shared-proto's subject names). */
export const netSubject = (address: string): string => subjects.netAddress(address);
