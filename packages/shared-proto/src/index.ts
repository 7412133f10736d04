/**
 * @vmha/shared-proto: the vmha.v1 wire. Protobuf messages (generated from proto/vmha/v1 by `npm run generate`),
 * version-checked encode/decode that never throws on bad input, the IpPacket fast path, and NATS subject names.
 */
export { PROTOCOL_VERSION } from './version.ts';
export { decodeMessage, encodeMessage, encodeMessageWithPayload } from './codec.ts';
export { decodeIpPacket, encodeIpPacket, type DecodedIpPacket } from './ip-packet.ts';
export {
  CheckpointAck,
  CheckpointChunk,
  CheckpointKind,
  EpochEvent,
  EpochReport,
  HandoverReply,
  HandoverRequest,
  HealthReply,
  HealthRequest,
  Heartbeat,
  IpPacket,
  JoinReply,
  JoinRequest,
  ModeReply,
  ModeRequest,
  TakeoverOrder,
  TakeoverReply,
  VipAnnouncement,
  VmStatus,
  vmha,
} from './messages.ts';
export * as subjects from './subjects.ts';
export { REPLICATION_MODES, isReplicationMode, type ReplicationMode } from './replication-modes.ts';
export { SubjectError, isSubjectToken } from './subjects.ts';
export type {
  DecodeFailureReason,
  DecodeResult,
  HealthStatus,
  MessageDecoder,
  MessageEncoder,
  MessageFields,
  Versioned,
  VmMode,
} from './types.ts';
