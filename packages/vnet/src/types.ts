/** Contracts of the virtual network. */
import type { MsgHdrs } from '@nats-io/transport-node';

/**
 * How datagrams travel in a NATS message: the shared-proto IpPacket (a burst of datagrams per message), or raw
 * bytes (exactly one per message) for baselines that measure NATS itself.
 */
export interface PacketCodec {
  /** The most datagrams one message can carry. */
  readonly maxBurst: number;
  encode(datagrams: readonly Uint8Array[]): Uint8Array;
  decode(bytes: Uint8Array): { ok: true; datagrams: Uint8Array[] } | { ok: false; reason: string };
}

/** The part of a NATS connection the network needs (a NatsConnection satisfies it). */
export interface PacketBus {
  publish(subject: string, data: Uint8Array, options?: { headers?: MsgHdrs }): void;
  subscribe(
    subject: string,
    opts: { callback: (err: Error | null, msg: { data: Uint8Array; subject: string }) => void },
  ): { unsubscribe(): void; drain(): Promise<void> };
}

export interface AttachmentCounters {
  /** Datagrams published, and the NATS messages that carried them (bursts). */
  sent: number;
  messagesSent: number;
  /** Datagrams accepted for this address, and the messages that carried them. */
  received: number;
  messagesReceived: number;
  /** Inbound messages (garbage, wrong version) and datagrams (not IPv4, wrong destination) dropped, by reason. */
  dropped: Record<string, number>;
}
