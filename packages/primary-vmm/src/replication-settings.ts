/**
 * Settings and wiring shared by primary-vmm and backup-vmm (a promoted backup runs the primary role): the guest's
 * memory (a backup's must match its primary's), replication timing, the lease bucket and the fault hook.
 */
import { VmLease } from '@vmha/replication';
import { openKvStore, withFaultInjection, type Logger } from '@vmha/service-runtime';
import type { NatsConnection } from '@nats-io/transport-node';

export const guestMemorySettings = {
  memoryMib: {
    type: 'int',
    default: 256,
    min: 16,
    max: 4095,
    description: "Guest memory in MiB (a backup's must match its primary's)",
  },
  respMemoryMib: {
    type: 'int',
    default: 64,
    min: 1,
    max: 2048,
    description: "Memory of the key-value server (a backup's must match its primary's)",
  },
} as const;

export const replicationSettings = {
  epochMs: {
    type: 'duration-ms',
    default: 25,
    min: 10,
    max: 1000,
    description: 'Epoch length in ms (Remus: 25): how often the primary checkpoints to its backup',
  },
  heartbeatMs: {
    type: 'duration-ms',
    default: 100,
    min: 10,
    max: 10_000,
    description: 'Heartbeat interval in ms, both ways',
  },
  failureTimeoutMs: {
    type: 'duration-ms',
    default: 1000,
    min: 50,
    max: 60_000,
    description:
      'Silence in ms after which a peer is failed (default 10 heartbeats: rides out GC pauses and big checkpoints)',
  },
  onBackupLoss: {
    type: 'enum',
    values: ['continue', 'pause'],
    default: 'continue',
    description: 'When the backup is lost (and the lease won): keep running unprotected, or pause the guest',
  },
  leaseBucket: { type: 'string', default: 'vmha_leases', description: 'JetStream KV bucket of VM leases' },
  faultInjection: {
    type: 'bool',
    default: false,
    description: 'Test hook: obey partition commands on vmha.v1.test.fault.<instance> (never in production)',
  },
} as const;

/**
 * The connection replication runs on (behind the fault hook when enabled: health stays on the service's own)
 * and the VM's lease in the KV bucket.
 */
export async function connectReplication(
  ctx: { nc: NatsConnection; instance: string; logger: Logger },
  config: { vmId: string; leaseBucket: string; faultInjection: boolean },
): Promise<{ nc: NatsConnection; lease: VmLease }> {
  const nc = config.faultInjection ? withFaultInjection(ctx.nc, ctx.instance, ctx.logger) : ctx.nc;
  const lease = new VmLease(await openKvStore(nc, config.leaseBucket), config.vmId, ctx.instance);
  return { nc, lease };
}
