/**
 * @vmha/guest-apps: the software inside the emulated guest. Every program keeps all of its state in guest memory
 * (its region, through the guest heap), so checkpoints capture it and `resume()` after a restore continues it.
 */
export { GuestHeap, GUEST_HEAP_VERSION, type GuestHeapStats } from './heap/guest-heap.ts';
export {
  GuestHeapCorruptionError,
  GuestHeapExhaustedError,
  GuestHeapFormatError,
} from './heap/heap-errors.ts';
export { GuestByteQueue, BYTE_QUEUE_DESCRIPTOR_BYTES } from './heap/guest-byte-queue.ts';

export {
  TcpServerProgram,
  GuestProgramStateError,
  type ConnectionState,
  type ServerProgramOptions,
  type ServerStats,
} from './server/tcp-server-program.ts';
export type { ServerConnection } from './server/server-connection.ts';

export {
  RespServer,
  OUTPUT_HIGH_WATER,
  type RespServerOptions,
  type RespServerStats,
} from './resp/resp-server.ts';
export {
  MAX_BULK_LENGTH,
  MAX_INLINE_BYTES,
  MAX_MULTIBULK_LENGTH,
  parseRequest,
  type ParsedRequest,
} from './resp/request-parser.ts';

export {
  BulkStreamGenerator,
  BulkStreamVerifier,
  MAX_BULK_SEED,
  bulkStreamBytes,
  bulkStreamSha256,
} from './bulk/bulk-stream.ts';
export {
  BulkStreamServer,
  parseStreamRequest,
  type BulkStreamProgress,
  type BulkStreamStats,
} from './bulk/bulk-stream-server.ts';
export { EchoServer, type EchoStats } from './simple/echo-server.ts';
export { SinkServer, type SinkStats } from './simple/sink-server.ts';

export { bootStandalone, type StandaloneGuest } from './standalone.ts';
