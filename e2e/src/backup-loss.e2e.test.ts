/**
 * Process mode, real nats-server: the backup is killed (SIGKILL) under client load. The primary notices, wins its
 * lease by CAS to run unprotected, and follows its policy: `continue` keeps the guest running and serving;
 * `pause` stops the guest (no output, its clock still) until protected again. A new backup then joins, is synced
 * live, and protection resumes with the guest running. The clients lose nothing either way.
 */
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, explain, until } from './cluster-checks.ts';

const VM_ARGS = ['--memory-mib', '64', '--resp-memory-mib', '8'];

describe('backup killed under load', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  for (const policy of ['continue', 'pause'] as const) {
    it(`policy ${policy}: the primary goes on by policy, and a new backup restores protection`, async () => {
      const vm = `vm-bl-${policy}`;
      const p = `bl-${policy}-p`;
      const primary = await cluster.launch({
        service: 'primary-vmm',
        instance: p,
        entry: 'packages/primary-vmm/src/main.ts',
        args: ['--vm-id', vm, '--vip', '10.0.0.2', '--mode', 'remus', '--on-backup-loss', policy, ...VM_ARGS],
      });
      const backup = await cluster.launch({
        service: 'backup-vmm',
        instance: `bl-${policy}-b1`,
        entry: 'packages/backup-vmm/src/main.ts',
        args: ['--vm-id', vm, ...VM_ARGS],
      });
      const primaryCounters = () => counters(cluster, 'primary-vmm', p);
      await until('protected', async () => (await primaryCounters())['repl.protected'] === 1);
      const clients = Promise.all([
        runClient(cluster, `bl-${policy}-bulk`, [
          '--workload',
          'bulk',
          '--bytes',
          String(24 << 20),
          '--seed',
          '11',
          '--address',
          '10.0.0.101',
        ]),
        runClient(cluster, `bl-${policy}-resp`, [
          '--workload',
          'resp',
          '--connections',
          '16',
          '--duration-ms',
          '8s',
          '--seed',
          '12',
          '--address',
          '10.0.0.102',
        ]),
      ]);
      await until('the clients to be served', async () => ((await primaryCounters())['net.sent'] ?? 0) > 500);

      backup.signal('SIGKILL');
      await backup.exited;
      await until('the primary to run unprotected', async () => {
        const c = await primaryCounters();
        return c['repl.won_unprotected'] === 1 && c['repl.protected'] === 0;
      });
      // Watch the guest for a while without a backup.
      const before = await primaryCounters();
      await new Promise((r) => setTimeout(r, 1500));
      const after = await primaryCounters();
      if (policy === 'continue') {
        expect(after['vcpu.running']).toBe(1);
        expect(after['vm.virtual_time_ms']).toBeGreaterThan(before['vm.virtual_time_ms']);
        expect(after['net.sent']).toBeGreaterThan(before['net.sent']); // still serving
      } else {
        expect(after['vcpu.running']).toBe(0);
        expect(after['vm.virtual_time_ms']).toBe(before['vm.virtual_time_ms']); // the guest stands still
        expect(after['net.sent']).toBe(before['net.sent']); // and sends nothing
      }

      const replacement = await cluster.launch({
        service: 'backup-vmm',
        instance: `bl-${policy}-b2`,
        entry: 'packages/backup-vmm/src/main.ts',
        args: ['--vm-id', vm, ...VM_ARGS],
      });
      await until('protection to resume', async () => (await primaryCounters())['repl.protected'] === 1);
      const resumed = await primaryCounters();
      expect(resumed['vcpu.running']).toBe(1);
      await until('the guest to serve again under protection', async () => {
        const c = await primaryCounters();
        return c['net.sent'] > resumed['net.sent'] && c['repl.acked_epoch'] > resumed['repl.acked_epoch'];
      });

      const [bulk, resp] = await clients;
      expect(bulk.result?.verified, explain(bulk)).toBe(true);
      expect((resp.result?.connections as { lost: number }).lost, explain(resp)).toBe(0);
      expect(resp.result?.violations, explain(resp)).toEqual([]);
      primary.signal('SIGTERM');
      replacement.signal('SIGTERM');
      await Promise.all([primary.exited, replacement.exited]);
    }, 120_000);
  }
});
