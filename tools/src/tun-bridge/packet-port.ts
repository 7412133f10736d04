/** The seam between a TCP stack driver and whatever carries its IPv4 datagrams (a TUN bridge, a test link). */
export interface PacketPort {
  /** Sends one raw IPv4 datagram. */
  send(packet: Uint8Array): void;
  /** Registers the receiver of inbound raw IPv4 datagrams (one handler; a later call replaces it). */
  onPacket(handler: (packet: Uint8Array) => void): void;
}
