/**
 * primary-vmm: runs one guest, its VIP on the virtual network and its apps serving clients. `--mode native` runs
 * it unreplicated; `--mode remus` takes the VM's lease and runs it as the primary of Remus-style replication
 * (a backup-vmm joins, is synced live, then protects every epoch; output leaves only once its epoch is acked).
 *
 *   node --import tsx packages/primary-vmm/src/main.ts --nats-url nats://127.0.0.1:4222 --vip 10.0.0.2 --mode remus
 */
import { Machine } from '@vmha/machine';
import { defineSettings, runService } from '@vmha/service-runtime';
import { encodeMessage, subjects, VipAnnouncement } from '@vmha/shared-proto';
import { standardGuestImage } from './guest-image.ts';
import { NativeVm } from './native-vm.ts';
import { ReplicatedVm } from './replicated-vm.ts';
import { ReplicationMetrics } from './replication-metrics.ts';
import { connectReplication, guestMemorySettings, replicationSettings } from './replication-settings.ts';

const settings = defineSettings({
  vmId: { type: 'string', default: 'vm1', description: 'The VM this VMM runs' },
  vip: { type: 'ipv4', default: '10.0.0.2', description: "The guest's address (its VIP)" },
  ...guestMemorySettings,
  seed: { type: 'int', default: 1, min: 0, description: 'Seed of the guest (ISNs, ports, hashing)' },
  mss: {
    type: 'int',
    default: 1460,
    min: 536,
    max: 8960,
    description: 'Guest TCP MSS (8960 for jumbo frames)',
  },
  ringSize: {
    type: 'int',
    default: 4096,
    min: 64,
    max: 32768,
    description: 'NIC RX and TX ring size (a full TX ring drops, so it must hold a window burst)',
  },
  mode: {
    type: 'enum',
    values: ['native', 'remus', 'speculative', 'speculative+racc'],
    default: 'native',
    description:
      'native: unreplicated; remus: primary of epoch replication (a backup-vmm protects it), output held until ' +
      "acked; speculative: remus with the guest's TCP segments acked at once and delivered by the VMM; " +
      "speculative+racc: speculative with the VMM's buffer announced to the guest's racc congestion control",
  },
  guestCongestionControl: {
    type: 'enum',
    values: ['racc', 'cubic', 'newreno'],
    default: 'racc',
    description:
      "The guest kernel's TCP congestion control. racc (replication-aware, VEE 2012) is CUBIC unless a " +
      'speculative+racc VMM announces its buffer, so a guest booted with it can be switched into that mode',
  },
  ...replicationSettings,
});

await runService({
  name: 'primary-vmm',
  description: 'Runs a guest VM and attaches it to the virtual network',
  settings,
  async main(ctx) {
    const c = ctx.config;
    const machineConfig = {
      address: c.vip,
      memoryBytes: c.memoryMib * 1024 * 1024,
      seed: c.seed,
      tcp: { mss: c.mss, congestionControl: c.guestCongestionControl },
      nic: { rxRingSize: c.ringSize, txRingSize: c.ringSize },
    };
    const programs = standardGuestImage({ respMemoryBytes: c.respMemoryMib * 1024 * 1024 });
    if (c.mode !== 'native') {
      const { nc, lease } = await connectReplication(ctx, c);
      const revision = await lease.acquireFresh('unprotected');
      const vm = new ReplicatedVm({
        vmId: c.vmId,
        instance: ctx.instance,
        machine: Machine.create(machineConfig, programs),
        nc,
        lease,
        logger: ctx.logger,
        counters: ctx.counters,
        epochMs: c.epochMs,
        heartbeatMs: c.heartbeatMs,
        failureTimeoutMs: c.failureTimeoutMs,
        onBackupLoss: c.onBackupLoss as 'continue' | 'pause',
        onFenced: (why) => void ctx.shutdown(`fenced: ${why}`, 3),
        onHandedOver: (to) => void ctx.shutdown(`handed the guest over to ${to}`, 0),
        tracer: ctx.tracer,
        metrics: new ReplicationMetrics(ctx.meter, c.vmId),
        speculation: c.mode === 'remus' ? undefined : {},
      });
      if (c.mode === 'speculative+racc') vm.setMode('speculative+racc');
      vm.start();
      ctx.logger.info('guest running as the primary', { vm: c.vmId, vip: c.vip, leaseRevision: revision });
      const timer = setInterval(() => {
        for (const [k, v] of Object.entries(vm.counters())) ctx.counters.set(k, v);
      }, 250);
      ctx.onShutdown('guest', async () => {
        clearInterval(timer);
        await vm.stop();
      });
      return;
    }
    const vm = new NativeVm({ machine: machineConfig, programs, bus: ctx.nc });
    vm.start();
    ctx.logger.info('guest running', { vm: c.vmId, vip: c.vip, mode: c.mode, memoryMib: c.memoryMib });

    const announce = (): void =>
      ctx.nc.publish(
        subjects.vipAnnounce(c.vmId),
        encodeMessage(VipAnnouncement, {
          vmId: c.vmId,
          address: c.vip,
          owner: ctx.instance,
          leaseRevision: 0,
        }),
      );
    announce();
    const publishCounters = (): void => {
      for (const [k, v] of Object.entries(vm.counters())) ctx.counters.set(k, v);
    };
    const timer = setInterval(() => {
      publishCounters();
      announce();
    }, 500);
    ctx.onShutdown('guest', async () => {
      clearInterval(timer);
      await vm.stop();
      ctx.logger.info('guest stopped', vm.counters());
    });
  },
});
