/**
 * @vmha/client-sim: client workloads (bulk download, upload, RESP load over many connections) and the checkers
 * that prove no client ever loses what it was told. Transport-independent: workloads run on a ClientHost, which
 * is a SimNetwork in tests and a real-time driver over a packet transport in services.
 */
export type { ClientHost, PacketPort } from './host/client-host.ts';
export { SimClientHost, runInSim, type SimClientHostOptions } from './host/sim-client-host.ts';
export { RealtimeClientHost, type RealtimeClientHostOptions } from './host/realtime-client-host.ts';

export type { WorkloadRun } from './workloads/workload-run.ts';
export type { TransferProgress } from './workloads/progress.ts';
export {
  BULK_STREAM_PORT,
  startBulkDownload,
  type BulkDownloadOptions,
  type BulkDownloadResult,
  type BulkStreamBytes,
  type BulkStreamSource,
  type BulkVerification,
} from './workloads/bulk-download.ts';
export { SINK_PORT, startUpload, type UploadOptions, type UploadResult } from './workloads/upload.ts';
export {
  RESP_PORT,
  startRespLoad,
  type RespLoadOptions,
  type RespLoadProgress,
  type RespLoadResult,
  type RespLoadStop,
  type RespOperationKind,
  type RespOperationMix,
} from './workloads/resp-load.ts';

export {
  ViolationLog,
  type Violation,
  type ViolationKind,
  type ViolationRecord,
} from './checkers/violations.ts';
export {
  RegisterChecker,
  type ReadHandle,
  type RegisterCheckerStats,
  type WriteHandle,
} from './checkers/register-checker.ts';
export {
  CounterChecker,
  type CounterCheckerStats,
  type CounterReadHandle,
  type IncrHandle,
} from './checkers/counter-checker.ts';
export { ConnectionWatch } from './checkers/connection-watch.ts';

// The RESP wire format lives in @vmha/resp; re-exported so workloads' users need one import.
export {
  DEFAULT_RESP_LIMITS,
  RespParser,
  describeRespValue,
  encodeCommand,
  encodeValue,
  type RespArgument,
  type RespFeedResult,
  type RespParserLimits,
  type RespProtocolError,
  type RespValue,
} from '@vmha/resp';
export {
  RespClientConnection,
  type RespClientOptions,
  type RespFailure,
  type RespOutcome,
} from './resp/resp-client-connection.ts';

export { LatencyHistogram, type LatencySummary } from './report/latency-histogram.ts';
export { renderTable, type Cell } from './report/table.ts';
export {
  formatLatencyTable,
  formatResult,
  formatViolations,
  reportToJson,
  type WorkloadResult,
} from './report/report.ts';
