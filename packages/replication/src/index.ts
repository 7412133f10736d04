/**
 * @vmha/replication: Remus-style replication as pure, clock-injected state machines, wired to NATS by
 * primary-vmm and backup-vmm. See docs/design/replication.md.
 */
export { OutputCommitBuffer, type OutputCommitCounters, type OutputCommitOptions } from './output-commit.ts';
export { CheckpointApplier, VMM_RECORD_PREFIX, type ApplierOutcome } from './checkpoint-applier.ts';
export {
  CheckpointEncoder,
  type EncodedCheckpoint,
  type EncoderOptions,
  type VmmRecord,
} from './checkpoint-encoder.ts';
export { chunkMessages, receivedChunk, type ChunkSender } from './checkpoint-wire.ts';
export { FailureDetector } from './failure-detector.ts';
export {
  PrimaryStream,
  type AckVerdict,
  type InFlight,
  type PrimaryStreamOptions,
} from './primary-stream.ts';
export {
  MemoryLeaseStore,
  VmLease,
  type CasResult,
  type LeaseMode,
  type LeaseStore,
  type LeaseValue,
} from './lease.ts';
