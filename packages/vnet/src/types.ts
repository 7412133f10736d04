/** Contracts of the virtual network. */

/** How an IPv4 datagram travels in a NATS message (the shared-proto IpPacket, or raw bytes for baselines). */
export interface PacketCodec {
  encode(datagram: Uint8Array): Uint8Array;
  decode(bytes: Uint8Array): { ok: true; datagram: Uint8Array } | { ok: false; reason: string };
}

/** The part of a NATS connection the network needs (a NatsConnection satisfies it). */
export interface PacketBus {
  publish(subject: string, data: Uint8Array): void;
  subscribe(
    subject: string,
    opts: { callback: (err: Error | null, msg: { data: Uint8Array; subject: string }) => void },
  ): { unsubscribe(): void; drain(): Promise<void> };
}

export interface AttachmentCounters {
  sent: number;
  received: number;
  /** Inbound messages dropped, by reason (garbage, wrong version, not IPv4, wrong destination, ...). */
  dropped: Record<string, number>;
}
