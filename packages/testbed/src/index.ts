/**
 * @vmha/testbed: a replicated VM on virtual time (the real machine, output commit, speculation and checkpoint
 * path; an emulated client link), for the benchmarks that reproduce the papers and for tests of whole-path
 * behaviour that must not depend on this machine's speed.
 */
export {
  REPLICATION_MODES,
  isReplicated,
  isReplicationMode,
  isSpeculative,
  type ReplicationMode,
} from './replication-mode.ts';
export {
  CheckpointPipeline,
  CheckpointPipelineError,
  type CheckpointCosts,
  type EpochCheckpoint,
  type ReplicationLinkOptions,
} from './checkpoint-pipeline.ts';
export { SimulatedVmm, type SimulatedVmmOptions, type SimulatedVmmStats } from './simulated-vmm.ts';
export {
  CLIENT_ADDRESS,
  GUEST_ADDRESS,
  createTestbed,
  measureBulkThroughput,
  measureRespLatency,
  type BulkThroughput,
  type ClientLinkOptions,
  type RespLatency,
  type Testbed,
  type TestbedOptions,
} from './testbed.ts';
