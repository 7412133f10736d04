/**
 * Containers, real Docker, each case its own cluster: a protected VM under load from client containers (a
 * verified bulk download, a checked RESP load), a standby VMM waiting, and then the primary VMM's container
 *  - killed (`docker kill`): the backup takes the VM over and the standby re-protects it;
 *  - frozen (`docker pause`, the cgroup freezer) past the failure timeout: the backup takes over, and when the old
 *    primary is thawed (`docker unpause`) it finds itself fenced and exits without releasing a single packet,
 *    checked on the wire: every virtual-network message a VMM publishes names its sender and when it was
 *    published (stamped before the VMM's last check, see `mayPublish` in vnet).
 * The clients lose nothing: the stream arrives whole, no RESP connection resets, no acknowledged write is lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../cluster-checks.ts';
import { ContainerCluster, containerSuitesSkipReason, expectClientsWhole } from './container-cluster.ts';

const skip = await containerSuitesSkipReason();

describe.skipIf(skip !== undefined)(
  `the primary VMM's container failing${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let cluster: ContainerCluster | undefined;
    afterEach(async () => {
      await cluster?.stop();
      cluster = undefined;
    }, 60_000);

    const underLoad = async (name: string) => {
      const c = (cluster = await ContainerCluster.start());
      return { c, ...(await c.protectedVmUnderLoad(name)) };
    };

    it('docker kill: the backup takes over with the clients whole, and the standby re-protects the VM', async () => {
      const s = await underLoad('kill');
      await s.c.kill(s.primary);
      expect(s.clientsRunning(), 'both clients were under way at the kill').toBe(2);
      await until(
        'the backup promoted',
        async () => (await s.c.counters('backup-vmm', 'kill-b'))['backup.promoted'] === 1,
        30_000,
      );
      expectClientsWhole(await s.load.bulk, await s.load.resp);
      await until(
        'the standby to protect the promoted VMM',
        async () => (await s.c.counters('backup-vmm', 'kill-b'))['repl.protected'] === 1,
        60_000,
      );
    }, 300_000);

    it('docker pause past the timeout: the backup takes over, the thawed old primary is fenced and releases nothing', async () => {
      const s = await underLoad('pause');
      await s.c.pause(s.primary);
      expect(s.clientsRunning(), 'both clients were under way at the freeze').toBe(2);
      await until(
        'the backup promoted',
        async () => (await s.c.counters('backup-vmm', 'pause-b'))['backup.promoted'] === 1,
        30_000,
      );
      const thawedAt = Date.now();
      await s.c.unpause(s.primary);
      expect(await s.c.exitCode(s.primary)).toBe(3); // fenced
      const fromOld = s.arrivals.filter((a) => a.origin === 'pause-p');
      expect(fromOld.length).toBeGreaterThan(200);
      expect(fromOld.filter((a) => !(a.publishedAt < thawedAt))).toEqual([]);
      expectClientsWhole(await s.load.bulk, await s.load.resp);
    }, 300_000);
  },
);
