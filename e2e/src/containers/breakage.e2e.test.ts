/**
 * Containers, real Docker, each case its own cluster: a VM protected by a primary and a backup VMM, a standby VMM
 * waiting, a verified bulk download and a checked RESP load from client containers; then, for real:
 *  - the primary's container killed (`docker kill`): the backup takes over, the standby re-protects it;
 *  - the primary's container frozen (`docker pause`, the cgroup freezer) past the failure timeout: the backup
 *    takes over, and the old primary, thawed (`docker unpause`), is fenced and publishes nothing more;
 *  - the primary's container cut from the network (`docker network disconnect`), then put back: the backup takes
 *    over, the old primary back on it is fenced;
 *  - the backup's container killed: the primary goes on unprotected, and the standby re-protects it;
 *  - the NATS container restarted mid-run (`docker restart`, its JetStream store kept): with or without a
 *    failover, one VMM serves afterwards.
 * In all, at most one VMM publishes to the clients at any time (every message names its sender and when it was
 * published, stamped before the VMM's last check that it may: see `mayPublish` in vnet), and the clients'
 * invariants hold: no reset connection, the stream's hash right, no acknowledged write lost.
 */
import { afterEach, expect, it } from 'vitest';
import { until } from '../cluster-checks.ts';
import {
  ContainerCluster,
  describeWithDocker,
  expectClientsWhole as expectBothWhole,
} from './container-cluster.ts';

describeWithDocker('a containerised cluster broken for real', () => {
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

  /**
   * At most one sender at any time, by when each message was published (its sender's stamp, taken before the
   * VMM's last check that it may still send): once the second VMM has published, the first never does again.
   * By publication, not arrival: a VMM cut from NATS keeps what it published in its client's buffer, and those
   * messages (committed output, published before the cut) arrive when it reconnects, as a hung host's NIC queue
   * drains when it wakes; the clients' TCP takes them as the duplicates they are.
   */
  function expectOneSenderAtATime(arrivals: Scenario['arrivals'], first: string, second: string): void {
    const firstOfSecond = Math.min(...arrivals.filter((a) => a.origin === second).map((a) => a.publishedAt));
    const fromFirst = arrivals.filter((a) => a.origin === first);
    expect(fromFirst.length).toBeGreaterThan(0);
    expect(fromFirst.filter((a) => !(a.publishedAt < firstOfSecond))).toEqual([]);
  }

  async function expectClientsWhole(clients: Scenario['clients']): Promise<void> {
    const [bulk, resp] = await clients;
    expectBothWhole(bulk, resp);
  }

  const promoted = (s: Scenario, backup: string) =>
    until(
      'the backup promoted',
      async () => (await s.c.counters('backup-vmm', backup))['backup.promoted'] === 1,
      30_000,
    );

  /** The VMM now running the guest (`service`/`instance`) is protected again: the standby joined and synced. */
  const reprotected = (s: Scenario, service: string, instance: string) =>
    until(
      `the standby to protect ${instance}`,
      async () => (await s.c.counters(service, instance))['repl.protected'] === 1,
      60_000,
    );

  it('docker kill of the primary: the backup takes over with the clients whole, and the standby re-protects', async () => {
    const s = await scenario('kill');
    await s.c.kill(s.primary);
    expect(s.clientsRunning(), 'both clients were under way at the kill').toBe(2);
    await promoted(s, 'kill-b');
    await expectClientsWhole(s.clients);
    await reprotected(s, 'backup-vmm', 'kill-b');
  }, 300_000);

  it('docker pause of the primary past the timeout: the backup takes over, the thawed primary is fenced and publishes nothing', async () => {
    const s = await scenario('pause');
    await s.c.pause(s.primary);
    expect(s.clientsRunning(), 'both clients were under way at the freeze').toBe(2);
    await promoted(s, 'pause-b');
    const thawedAt = Date.now();
    await s.c.unpause(s.primary);
    expect(await s.c.exitCode(s.primary)).toBe(3); // fenced
    const fromOld = s.arrivals.filter((a) => a.origin === 'pause-p');
    expect(fromOld.length).toBeGreaterThan(200);
    expect(fromOld.filter((a) => !(a.publishedAt < thawedAt))).toEqual([]);
    await expectClientsWhole(s.clients);
  }, 300_000);

  it('the primary cut from the network: the backup takes over, the old primary back on it is fenced', async () => {
    const s = await scenario('cut');
    await s.c.disconnect(s.primary);
    await promoted(s, 'cut-b');
    await s.c.reconnect(s.primary, 'cut-p');
    expect(await s.c.exitCode(s.primary)).toBe(3); // fenced
    expectOneSenderAtATime(s.arrivals, 'cut-p', 'cut-b');
    await expectClientsWhole(s.clients);
    await reprotected(s, 'backup-vmm', 'cut-b');
  }, 300_000);

  it('the backup killed: the primary goes on, and the standby re-protects it', async () => {
    const s = await scenario('lost');
    await s.c.kill(s.backup);
    await until(
      'the primary to run unprotected',
      async () => ((await s.c.counters('primary-vmm', 'lost-p'))['repl.won_unprotected'] ?? 0) > 0,
      30_000,
    );
    await reprotected(s, 'primary-vmm', 'lost-p');
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
});
