/** @vmha/machine: the emulated guest machine shared by both VMMs and the migrator. */
export {
  Machine,
  type ChainPosition,
  type CheckpointCapture,
  type MachineCounters,
  type MachineDigest,
} from './machine.ts';
export { MachineReplica, type PageWrite } from './replication/machine-replica.ts';
export {
  GUEST_SOCKETS_RECORD,
  LAYOUT_RECORD_VERSION,
  MACHINE_RECORD_NAMES,
  type MachineRecords,
} from './replication/machine-records.ts';
export { PageCrcTable } from './replication/page-crc-table.ts';
export {
  DEFAULT_MEMORY_BYTES,
  DEFAULT_RING_SIZE,
  MAX_MEMORY_BYTES,
  resolveMachineConfig,
  type MachineConfig,
  type NicConfig,
  type ResolvedMachineConfig,
} from './machine-config.ts';
export {
  GuestFault,
  MachineConfigError,
  MachineStateError,
  SnapshotFormatError,
  SnapshotMismatchError,
} from './errors.ts';
export { GuestMemory, GuestMemoryFault, PAGE_SIZE, PAGE_SHIFT, type DirtyLogStats } from './guest-memory.ts';
export type { MemorySnapshot } from './memory-snapshot.ts';
export type { GuestEnv, GuestProgram, MemoryRegion } from './program.ts';
export type { RegionEntry } from './memory-map.ts';
export { VCPU_RECORD_VERSION, type SliceReport, type VcpuRunState } from './vcpu.ts';
export {
  NIC_DROP_REASONS,
  NIC_RECORD_VERSION,
  type NicCounters,
  type NicDropReason,
} from './devices/virtio-net.ts';
export type { NicLayout, QueueLayout } from './devices/virtio-net-layout.ts';
export { DRIVER_COUNTER_NAMES, type DriverCounters } from './kernel/nic-driver.ts';
export { KERNEL_RECORD_VERSION } from './kernel/guest-kernel.ts';
export { SNAPSHOT_FORMAT_VERSION, type SnapshotInfo, type SnapshotKind } from './snapshot/format.ts';
