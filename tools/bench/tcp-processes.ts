/**
 * bench:tcp's reference rows on an unlimited link: the real services (primary-vmm, backup-vmm, client-sim) as
 * processes over nats-server on loopback, 25 ms epochs. No link emulator: this machine's CPU is the limit.
 */
import { requestHealth } from '@vmha/service-runtime';
import type { ReplicationMode } from '@vmha/testbed';
import { LocalCluster, runClient } from '../src/launcher/index.ts';

export interface ProcessRow {
  mode: ReplicationMode;
  epochMs: number | null;
  throughputMBps: number;
}

const BULK_MIB = 96;
const VM = ['--memory-mib', '128', '--resp-memory-mib', '16'];

export async function measureProcessRows(modes: readonly ReplicationMode[]): Promise<ProcessRow[]> {
  const cluster = await LocalCluster.start();
  const rows: ProcessRow[] = [];
  try {
    for (const mode of modes) {
      const name = mode.replace('+', '-'); // instance and VM ids are subject tokens: letters, digits, - and _
      const vmId = `vm-tcp-${name}`;
      const primary = await cluster.launch({
        service: 'primary-vmm',
        instance: `tcp-${name}`,
        entry: 'packages/primary-vmm/src/main.ts',
        args: ['--vm-id', vmId, ...VM, '--mode', mode, ...(mode === 'native' ? [] : ['--epoch-ms', '25'])],
      });
      const backup =
        mode === 'native'
          ? undefined
          : await cluster.launch({
              service: 'backup-vmm',
              instance: `tcp-${name}-b`,
              entry: 'packages/backup-vmm/src/main.ts',
              args: ['--vm-id', vmId, ...VM, '--epoch-ms', '25'],
            });
      if (backup) {
        const deadline = Date.now() + 120_000;
        for (;;) {
          const c = await requestHealth(cluster.nc, 'primary-vmm', `tcp-${name}`, { timeoutMs: 2000 }).catch(
            () => undefined,
          );
          if (c?.counters['repl.protected'] === 1) break;
          if (Date.now() > deadline) throw new Error(`${mode}: the backup never synced`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      const o = await runClient(cluster, `tcp-${name}-bulk`, [
        '--workload',
        'bulk',
        '--bytes',
        String(BULK_MIB << 20),
      ]);
      if (!o.result || o.result.verified !== true)
        throw new Error(`${mode} bulk failed: exit ${o.exitCode}; ${o.logTail.slice(-5).join(' | ')}`);
      rows.push({
        mode,
        epochMs: mode === 'native' ? null : 25,
        throughputMBps: Number(o.result.throughputBytesPerSecond) / 1e6,
      });
      for (const p of [primary, backup]) p?.signal('SIGTERM');
      await Promise.all([primary.exited, backup?.exited]);
    }
  } finally {
    await cluster.stop().catch(() => undefined);
  }
  return rows;
}
