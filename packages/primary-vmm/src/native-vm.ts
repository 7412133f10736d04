/**
 * A guest running unreplicated ("native" mode): the machine on the host's clock, its VIP attached to the virtual
 * network, every packet straight through. The baseline every replication mode is measured against.
 */
import { Machine, type GuestProgram, type MachineConfig } from '@vmha/machine';
import { NetworkAttachment, type LinkImpairments, type PacketBus } from '@vmha/vnet';
import { VcpuRunner } from './vcpu-runner.ts';

export interface NativeVmOptions {
  machine: MachineConfig & { address: string };
  programs: readonly GuestProgram[];
  bus: PacketBus;
  /** Impairments on the VMM's own edge of the network (clients usually carry them instead). */
  egress?: LinkImpairments;
  ingress?: LinkImpairments;
}

export class NativeVm {
  readonly machine: Machine;
  readonly runner: VcpuRunner;
  readonly attachment: NetworkAttachment;

  constructor(options: NativeVmOptions) {
    this.machine = Machine.create(options.machine, options.programs);
    this.runner = new VcpuRunner(this.machine, (p) => this.attachment.send(p));
    this.attachment = new NetworkAttachment({
      bus: options.bus,
      address: options.machine.address,
      onPacket: (p) => this.runner.deliver(p),
      egress: options.egress,
      ingress: options.ingress,
    });
  }

  start(): void {
    this.runner.start();
  }

  /** Stops the guest and leaves the network (the VIP is free for another owner). */
  async stop(): Promise<void> {
    this.runner.stop();
    await this.attachment.close();
  }

  /** Flat numeric counters for health replies and metrics. */
  counters(): Record<string, number> {
    const m = this.machine.counters();
    const out: Record<string, number> = {
      'vm.virtual_time_ms': this.machine.virtualNow(),
      'vm.dirty_pages': m.dirtyPages,
      'runner.slices': this.runner.counters.slices,
      'runner.packets_in': this.runner.counters.packetsIn,
      'runner.packets_out': this.runner.counters.packetsOut,
      'runner.rx_ring_drops': this.runner.counters.rxRingDrops,
      'net.sent': this.attachment.counters.sent,
      'net.received': this.attachment.counters.received,
      'net.messages_sent': this.attachment.counters.messagesSent,
      'net.messages_received': this.attachment.counters.messagesReceived,
    };
    for (const [reason, n] of Object.entries(this.attachment.counters.dropped))
      out[`net.dropped.${reason}`] = n;
    for (const [k, v] of Object.entries(m.tcp)) if (typeof v === 'number') out[`guest.tcp.${k}`] = v;
    return out;
  }
}
