/**
 * Process mode, real nats-server: the primary of a replicated VM hangs (SIGSTOP) past the failure timeout under
 * client load. The backup wins the lease and takes over; when the old primary resumes (SIGCONT) it finds itself
 * fenced and exits without releasing a single packet, which the test checks on the wire: every virtual-network
 * message a VMM publishes names its sender and the time it was published (stamped before the VMM's last check,
 * see `mayPublish` in vnet), and none from the old primary was published after it resumed. (Messages it published
 * before it froze may still arrive after: they sat in its socket's send queue, as packets sit in a hung host's
 * NIC queue; they are output of acked epochs.) The clients lose nothing.
 */
import { subjects } from '@vmha/shared-proto';
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { ORIGIN_HEADER, RELEASED_AT_HEADER } from '@vmha/vnet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, explain, until } from './cluster-checks.ts';

const VM_ARGS = ['--memory-mib', '64', '--resp-memory-mib', '8'];

describe('a hung primary', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('is fenced when it wakes up after a failover and releases nothing more', async () => {
    const primary = await cluster.launch({
      service: 'primary-vmm',
      instance: 'hung-p',
      entry: 'packages/primary-vmm/src/main.ts',
      args: ['--vm-id', 'vm-hung', '--vip', '10.0.0.2', '--mode', 'remus', ...VM_ARGS],
    });
    const backup = await cluster.launch({
      service: 'backup-vmm',
      instance: 'hung-b',
      entry: 'packages/backup-vmm/src/main.ts',
      args: ['--vm-id', 'vm-hung', ...VM_ARGS],
    });
    await until(
      'protected',
      async () => (await counters(cluster, 'primary-vmm', 'hung-p'))['repl.protected'] === 1,
    );
    /** When each message from the old primary was published (its stamp) and when it arrived here. */
    const fromOldPrimary: Array<{ publishedAt: number; arrivedAt: number }> = [];
    for (const address of ['10.0.0.101', '10.0.0.102']) {
      cluster.nc.subscribe(subjects.netAddress(address), {
        callback: (_e, m) => {
          if (m.headers?.get(ORIGIN_HEADER) !== 'hung-p') return;
          const publishedAt = Number(m.headers.get(RELEASED_AT_HEADER) || NaN);
          fromOldPrimary.push({ publishedAt, arrivedAt: Date.now() });
        },
      });
    }
    const clients = Promise.all([
      runClient(cluster, 'hung-bulk', [
        '--workload',
        'bulk',
        '--bytes',
        String(32 << 20),
        '--seed',
        '7',
        '--address',
        '10.0.0.101',
      ]),
      runClient(cluster, 'hung-resp', [
        '--workload',
        'resp',
        '--connections',
        '16',
        '--duration-ms',
        '6s',
        '--seed',
        '8',
        '--address',
        '10.0.0.102',
      ]),
    ]);
    // Hang it once it is serving both clients (client processes take a while to start on a busy machine).
    await until('the clients to be served', async () => fromOldPrimary.length > 50);
    await new Promise((r) => setTimeout(r, 500));
    primary.signal('SIGSTOP');
    await until(
      'the backup to take over',
      async () => (await counters(cluster, 'backup-vmm', 'hung-b'))['backup.promoted'] === 1,
      15_000,
    );
    const resumedAt = Date.now();
    primary.signal('SIGCONT');
    expect(await primary.exited).toBe(3); // fenced
    expect(fromOldPrimary.filter((m) => !(m.publishedAt < resumedAt))).toEqual([]);
    const late = fromOldPrimary.filter((m) => m.arrivedAt >= resumedAt).length;
    if (late > 0) console.info(`${late} messages published before the freeze arrived after it`);
    const [bulk, resp] = await clients;
    expect(bulk.result?.verified, explain(bulk)).toBe(true);
    expect((resp.result?.connections as { lost: number }).lost, explain(resp)).toBe(0);
    expect(resp.result?.violations, explain(resp)).toEqual([]);
    backup.signal('SIGTERM');
    await backup.exited;
  }, 120_000);
});
