/** @vmha/vnet: the virtual network. IPv4 datagrams over NATS subjects keyed by address, with a link emulator. */
export {
  LinkEmulator,
  realTimeHost,
  validateImpairments,
  type LinkCounters,
  type LinkImpairments,
  type TimerHost,
} from './link-emulator.ts';
export {
  NetworkAttachment,
  ORIGIN_HEADER,
  RELEASED_AT_HEADER,
  ipPacketCodec,
  netSubject,
  rawCodec,
  type AttachmentOptions,
} from './network-attachment.ts';
export type { AttachmentCounters, PacketBus, PacketCodec } from './types.ts';
