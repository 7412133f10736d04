/** @vmha/primary-vmm: runs a guest (native mode now; Remus-style replication next). */
export { NativeVm, type NativeVmOptions } from './native-vm.ts';
export { standardGuestImage, type GuestImageOptions } from './guest-image.ts';
export { VcpuRunner, type RunnableMachine, type RunnerCounters, type RunnerState } from './vcpu-runner.ts';
