/**
 * backup-vmm: protects a VM run by a primary-vmm in remus mode. It joins the primary, is synced live, applies
 * every epoch's checkpoint to a replica that never runs, and acks it; when the primary falls silent it takes the
 * lease by CAS, activates the guest from the last applied checkpoint, takes the VIP and runs it as the primary
 * (accepting a new backup the same way). Memory settings must match the primary's.
 *
 *   node --import tsx packages/backup-vmm/src/main.ts --nats-url nats://127.0.0.1:4222 --vm-id vm1
 */
import {
  connectReplication,
  guestMemorySettings,
  replicationSettings,
  standardGuestImage,
} from '@vmha/primary-vmm';
import { defineSettings, runService } from '@vmha/service-runtime';
import { BackupVm } from './backup-vm.ts';

const settings = defineSettings({
  vmId: { type: 'string', default: 'vm1', description: 'The VM this VMM protects' },
  ...guestMemorySettings,
  ...replicationSettings,
});

await runService({
  name: 'backup-vmm',
  description: 'Protects a replicated VM and takes it over when its primary fails',
  settings,
  async main(ctx) {
    const c = ctx.config;
    const { nc, lease } = await connectReplication(ctx, c);
    const backup = new BackupVm({
      vmId: c.vmId,
      instance: ctx.instance,
      nc,
      lease,
      logger: ctx.logger,
      counters: ctx.counters,
      programs: () => standardGuestImage({ respMemoryBytes: c.respMemoryMib * 1024 * 1024 }),
      memoryBytes: c.memoryMib * 1024 * 1024,
      epochMs: c.epochMs,
      heartbeatMs: c.heartbeatMs,
      failureTimeoutMs: c.failureTimeoutMs,
      onPromoted: () => ctx.counters.set('backup.promoted', 1),
      onFenced: (why) => void ctx.shutdown(`fenced: ${why}`, 3),
      onHandedOver: (to) => void ctx.shutdown(`handed the guest over to ${to}`, 0),
      tracer: ctx.tracer,
      meter: ctx.meter,
    });
    backup.start();
    ctx.logger.info('backup started: joining', { vm: c.vmId });
    const timer = setInterval(() => {
      ctx.counters.set('backup.state_primary', backup.state.kind === 'primary' ? 1 : 0);
      for (const [k, v] of Object.entries(backup.counters())) ctx.counters.set(k, v);
    }, 250);
    ctx.onShutdown('backup', async () => {
      clearInterval(timer);
      await backup.stop();
    });
  },
});
