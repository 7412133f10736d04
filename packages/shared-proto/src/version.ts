/**
 * The wire protocol version every vmha.v1 message carries in field 1. A peer drops a message with another
 * version (and logs and counts it) rather than guess at its layout.
 */
export const PROTOCOL_VERSION = 2;
// History: 1, the first; 2, IpPacket carries a burst of datagrams (repeated field 2) instead of exactly one.
