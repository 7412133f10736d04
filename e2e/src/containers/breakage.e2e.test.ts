/**
 * Containers, real Docker, each case its own cluster (network, NATS, a primary and a backup VMM under bulk and
 * RESP load from client containers):
 *  - the primary's container cut from the network (`docker network disconnect`), then put back: the backup takes
 *    over, and the old primary, back on the network, is fenced;
 *  - the backup's container killed: the primary goes on unprotected, and the standby re-protects it;
 *  - the NATS container restarted mid-run (`docker restart`, its JetStream store kept): with or without a
 *    failover, one VMM serves afterwards.
 * In all, at most one VMM's packets reach the clients at any time (every message names its sender), and the
 * clients' invariants hold: no reset connection, the stream's hash right, no acknowledged write lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../cluster-checks.ts';
import {
  ContainerCluster,
  containerSuitesSkipReason,
  expectClientsWhole as expectBothWhole,
} from './container-cluster.ts';

const skip = await containerSuitesSkipReason();

describe.skipIf(skip !== undefined)(
  `a containerised cluster broken for real${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let cluster: ContainerCluster | undefined;
    afterEach(async () => {
      await cluster?.stop();
      cluster = undefined;
    }, 60_000);

    type Scenario = Awaited<ReturnType<typeof scenario>>;

    /** A protected VM, a standby and the load under way, in a cluster of its own. */
    async function scenario(name: string) {
      const c = (cluster = await ContainerCluster.start());
      const s = await c.protectedVmUnderLoad(name);
      return { c, ...s, clients: Promise.all([s.load.bulk, s.load.resp]) };
    }

    /** At most one sender at any time: once the second VMM's packets appear, the first's never do again. */
    /**
     * At most one sender at any time, by when each message was published (its sender's stamp, taken before the
     * VMM's last check that it may still send): once the second VMM has published, the first never does again.
     * By publication, not arrival: a VMM cut from NATS keeps what it published in its client's buffer, and those
     * messages (committed output, published before the cut) arrive when it reconnects, as a hung host's NIC queue
     * drains when it wakes; the clients' TCP takes them as the duplicates they are.
     */
    function expectOneSenderAtATime(arrivals: Scenario['arrivals'], first: string, second: string): void {
      const firstOfSecond = Math.min(
        ...arrivals.filter((a) => a.origin === second).map((a) => a.publishedAt),
      );
      const fromFirst = arrivals.filter((a) => a.origin === first);
      expect(fromFirst.length).toBeGreaterThan(0);
      expect(fromFirst.filter((a) => !(a.publishedAt < firstOfSecond))).toEqual([]);
    }

    async function expectClientsWhole(clients: Scenario['clients']): Promise<void> {
      const [bulk, resp] = await clients;
      expectBothWhole(bulk, resp);
    }

    it('the primary cut from the network: the backup takes over, the old primary back on it is fenced', async () => {
      const s = await scenario('cut');
      await s.c.disconnect(s.primary);
      await until(
        'the backup to take over',
        async () => (await s.c.counters('backup-vmm', 'cut-b'))['backup.promoted'] === 1,
        30_000,
      );
      await s.c.reconnect(s.primary, 'cut-p');
      expect(await s.c.exitCode(s.primary)).toBe(3); // fenced
      expectOneSenderAtATime(s.arrivals, 'cut-p', 'cut-b');
      await expectClientsWhole(s.clients);
      await until(
        'the standby to re-protect the promoted VMM',
        async () => (await s.c.counters('backup-vmm', 'cut-b'))['repl.protected'] === 1,
        60_000,
      );
    }, 300_000);

    it('the backup killed: the primary goes on, and the standby re-protects it', async () => {
      const s = await scenario('lost');
      await s.c.kill(s.backup);
      await until(
        'the primary to run unprotected',
        async () => ((await s.c.counters('primary-vmm', 'lost-p'))['repl.won_unprotected'] ?? 0) > 0,
        30_000,
      );
      await until(
        'the standby to protect the primary',
        async () => (await s.c.counters('primary-vmm', 'lost-p'))['repl.protected'] === 1,
        60_000,
      );
      expect(s.arrivals.filter((a) => a.origin !== 'lost-p')).toEqual([]); // nobody else ever sent
      await expectClientsWhole(s.clients);
    }, 300_000);

    it('NATS restarted mid-run: at most one sender at a time, and the clients are whole after', async () => {
      const s = await scenario('nats');
      await s.c.restartNats();
      // Whatever the outage caused (nothing, or a failover), one VMM serves the clients afterwards.
      await new Promise((r) => setTimeout(r, 3000));
      if ((await s.c.counters('backup-vmm', 'nats-b'))['backup.promoted'] === 1) {
        expect(await s.c.exitCode(s.primary)).toBe(3);
        expectOneSenderAtATime(s.arrivals, 'nats-p', 'nats-b');
      } else expect(s.arrivals.filter((a) => a.origin === 'nats-b')).toEqual([]);
      await expectClientsWhole(s.clients);
    }, 300_000);
  },
);
