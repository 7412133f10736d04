/**
 * @vmha/guest-tcp: a pure, clock-injected, deterministic TCP/IPv4 stack for emulated guests and simulated clients.
 */
export {
  TcpStack,
  DEFAULT_TCP_CONFIG,
  STACK_STATE_VERSION,
  resolveConfig,
  type ConnectOptions,
  type StackDriver,
} from './stack.ts';
export {
  TcpSocketError,
  type Clock,
  type DropReason,
  type ListenerEvents,
  type SocketEvents,
  type SocketInfo,
  type TcpConfig,
  type TcpErrorCode,
  type TcpListener,
  type TcpSocket,
  type TcpStackOptions,
  type TcpState,
  type TcpStats,
} from './types.ts';
export type {
  AckEvent,
  CongestionControlOptions,
  CongestionController,
  CongestionControllerFactory,
  LossEvent,
  ReplicationStatus,
} from './congestion/types.ts';
export { NewRenoController } from './congestion/newreno.ts';
export { RaccController } from './congestion/racc.ts';
export { CubicController } from './congestion/cubic.ts';
export { congestionControllerFactory, registerCongestionController } from './congestion/registry.ts';
export { StateFormatError } from './internal/state-codec.ts';
export { SeededRandom } from './internal/rng.ts';
export { RtoEstimator, type RtoBounds } from './internal/rto.ts';
export { ByteQueue } from './internal/byte-queue.ts';
export type { StateCopy } from './internal/saved-streams.ts';
export { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt } from './internal/seq.ts';
export {
  IPV4_HEADER_BYTES,
  formatIpv4Address,
  parseIpv4Address,
  parseIpv4Header,
  toIpv4Address,
  type Ipv4Address,
  type Ipv4DropReason,
  type Ipv4Header,
} from './wire/ipv4.ts';
export { internetChecksum } from './wire/checksum.ts';
export {
  ACK,
  CWR,
  ECE,
  FIN,
  PSH,
  RST,
  SYN,
  URG,
  TCP_HEADER_BYTES,
  encodeTcpSegment,
  formatFlags,
  parseTcpOptions,
  parseTcpSegment,
  type SegmentDropReason,
  type SegmentFields,
  type TcpOptions,
  type TcpSegment,
} from './wire/tcp-segment.ts';
export { SimNetwork, SimClock, type SimNode, type SimStats } from './sim/network.ts';
export {
  LinkModel,
  resolveLinkOptions,
  type LinkImpairmentCounts,
  type LinkOptions,
  type ResolvedLinkOptions,
} from './sim/link-model.ts';
export { EventQueue } from './sim/event-queue.ts';
export { allocatePacket } from './wire/packet-allocator.ts';
