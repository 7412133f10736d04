/**
 * Containers, real Docker: the primary VMM's container is killed (`docker kill`) under client load. The backup
 * takes the VM over, the standby re-protects it, and the clients, in containers of their own, lose nothing: the
 * bulk stream arrives whole and verified, every RESP reply is checked (no reset connection, no acknowledged
 * write lost, counters monotonic).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../cluster-checks.ts';
import {
  ContainerCluster,
  containerSuitesSkipReason,
  vmArgs,
  type ClientResult,
} from './container-cluster.ts';

const skip = await containerSuitesSkipReason();
const VM = vmArgs({ vmId: 'vm-c1' });

const explain = (o: ClientResult) =>
  `exit ${o.exitCode}; violations ${JSON.stringify((o.result?.violations as unknown[] | undefined)?.slice(0, 3))}; log: ${o.logTail.slice(-5).join(' | ')}`;

describe.skipIf(skip !== undefined)(
  `docker kill of the primary's container${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let cluster: ContainerCluster;
    beforeAll(async () => {
      cluster = await ContainerCluster.start();
    }, 120_000);
    afterAll(async () => {
      await cluster?.stop();
    }, 60_000);

    it('fails over with the clients whole, and the standby re-protects the VM', async () => {
      const primary = await cluster.launch('primary-vmm', 'c-primary', [...VM, '--mode', 'remus']);
      await cluster.launch('backup-vmm', 'c-backup', VM);
      await until(
        'protected',
        async () => (await cluster.counters('primary-vmm', 'c-primary'))['repl.protected'] === 1,
        120_000,
      );
      await cluster.launch('backup-vmm', 'c-standby', VM);

      const bulk = cluster.runClient('c-bulk', [
        '--workload',
        'bulk',
        '--bytes',
        String(48 << 20),
        '--address',
        '10.0.0.101',
      ]);
      const resp = cluster.runClient('c-resp', [
        ...['--workload', 'resp', '--connections', '8', '--pipeline', '1', '--duration-ms', '15000'],
        ...['--address', '10.0.0.102'],
      ]);
      // Kill once both clients are under way (RESP replies counted).
      await until(
        'clients running',
        async () => (await cluster.counters('primary-vmm', 'c-primary'))['net.sent'] > 200,
        60_000,
      );
      await new Promise((r) => setTimeout(r, 2_000));
      await cluster.kill(primary);

      await until(
        'the backup promoted',
        async () => (await cluster.counters('backup-vmm', 'c-backup'))['backup.promoted'] === 1,
        30_000,
      );
      const [b, r] = await Promise.all([bulk, resp]);
      expect(b.exitCode, explain(b)).toBe(0);
      expect(b.result?.verified, explain(b)).toBe(true);
      expect(b.result?.violations, explain(b)).toEqual([]);
      expect(r.exitCode, explain(r)).toBe(0);
      expect(r.result?.violations, explain(r)).toEqual([]);
      // No reset connection, no acknowledged write lost (checked by the verification reads), counters monotonic.
      expect((r.result?.connections as { lost: number }).lost, explain(r)).toBe(0);
      expect((r.result?.operations as { failed: number }).failed, explain(r)).toBe(0);
      const checks = r.result?.checks as {
        writesAcknowledged: number;
        readsChecked: number;
        incrementsAcknowledged: number;
      };
      expect(checks.writesAcknowledged, explain(r)).toBeGreaterThan(20);
      expect(checks.readsChecked, explain(r)).toBeGreaterThan(20);
      // Re-protection: the promoted VMM has the standby as its backup.
      await until(
        'the standby protects the promoted VMM',
        async () => (await cluster.counters('backup-vmm', 'c-backup'))['repl.protected'] === 1,
        60_000,
      );
    }, 300_000);
  },
);
