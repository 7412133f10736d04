/** @vmha/primary-vmm: runs a guest, natively or as the primary of Remus-style replication. */
export { NativeVm, type NativeVmOptions } from './native-vm.ts';
export { standardGuestImage, type GuestImageOptions } from './guest-image.ts';
export { VcpuRunner, type RunnableMachine, type RunnerCounters, type RunnerState } from './vcpu-runner.ts';
export {
  ReplicatedVm,
  type HandoverResult,
  type Protection,
  type ReplicatedVmOptions,
  type ReplicationTiming,
} from './replicated-vm.ts';
export { ReplicationMetrics, type FailoverPhase, type OutputOccupancy } from './replication-metrics.ts';
export { connectReplication, guestMemorySettings, replicationSettings } from './replication-settings.ts';
