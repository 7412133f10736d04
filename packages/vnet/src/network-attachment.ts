/**
 * One IPv4 address's presence on the virtual network: it subscribes to the subject keyed by its address and
 * publishes each outgoing datagram to the subject of the datagram's destination. Whoever owns an address
 * attaches it; moving a VIP (failover, migration) is closing one attachment and opening another elsewhere.
 * Link impairments apply at this edge, per direction.
 */
import { LinkEmulator, type LinkImpairments, type TimerHost, realTimeHost } from './link-emulator.ts';
import { formatIpv4Address, parseIpv4Address } from '@vmha/guest-tcp';
import { decodeIpPacket, encodeIpPacket, subjects } from '@vmha/shared-proto';
import type { AttachmentCounters, PacketBus, PacketCodec } from './types.ts';

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
  egress?: LinkImpairments;
  ingress?: LinkImpairments;
  timers?: TimerHost;
}

export class NetworkAttachment {
  readonly address: string;
  readonly counters: AttachmentCounters = { sent: 0, received: 0, dropped: {} };
  private readonly addressValue: number;
  private readonly egress: LinkEmulator;
  private readonly ingress: LinkEmulator;
  private readonly subscription: { unsubscribe(): void; drain(): Promise<void> };
  /** Destination subject per address, cached: computing it per packet would dominate the send path. */
  private readonly subjects = new Map<number, string>();
  private closed = false;

  private readonly codec: PacketCodec;
  private readonly subjectFor: (address: string) => string;

  constructor(private readonly o: AttachmentOptions) {
    this.address = o.address;
    this.codec = o.codec ?? ipPacketCodec;
    this.subjectFor = o.subjectFor ?? netSubject;
    this.addressValue = parseIpv4Address(o.address);
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

  /** Stops receiving; packets still inside the emulated link are discarded. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.egress.close();
    this.ingress.close();
    await this.subscription.drain().catch(() => this.subscription.unsubscribe());
  }

  private publish(datagram: Uint8Array): void {
    const dst = ((datagram[16] << 24) | (datagram[17] << 16) | (datagram[18] << 8) | datagram[19]) >>> 0;
    let subject = this.subjects.get(dst);
    if (subject === undefined) {
      subject = this.subjectFor(formatIpv4Address(dst));
      this.subjects.set(dst, subject);
    }
    this.counters.sent++;
    this.o.bus.publish(subject, this.codec.encode(datagram));
  }

  private receive(bytes: Uint8Array): void {
    if (this.closed) return;
    const decoded = this.codec.decode(bytes);
    if (!decoded.ok) {
      this.drop(decoded.reason);
      return;
    }
    const d = decoded.datagram;
    if (d.length < 20 || d[0] >> 4 !== 4) {
      this.drop('not-ipv4');
      return;
    }
    const dst = ((d[16] << 24) | (d[17] << 16) | (d[18] << 8) | d[19]) >>> 0;
    if (dst !== this.addressValue) {
      this.drop('wrong-destination');
      return;
    }
    this.counters.received++;
    this.ingress.send(d);
  }

  private drop(reason: string): void {
    this.counters.dropped[reason] = (this.counters.dropped[reason] ?? 0) + 1;
  }
}

/** Raw datagrams with no envelope: for baselines that measure NATS itself. */
export const rawCodec: PacketCodec = {
  encode: (d) => d,
  decode: (b) => ({ ok: true, datagram: b }),
};

/** Datagrams wrapped in the versioned `vmha.v1.IpPacket`: what the virtual network carries. */
export const ipPacketCodec: PacketCodec = {
  encode: (d) => encodeIpPacket(d),
  decode: (b) => {
    const r = decodeIpPacket(b);
    return r.ok ? { ok: true, datagram: r.message.datagram } : { ok: false, reason: r.reason };
  },
};

/** The subject that carries datagrams to `address` (shared-proto's subject names). */
export const netSubject = (address: string): string => subjects.netAddress(address);
