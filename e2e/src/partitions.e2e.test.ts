/**
 * Process mode, real nats-server: partitions of a replicated VM under client load, injected through the VMMs'
 * fault hook (`--fault-injection`: a VMM drops the subjects it is told to, both ways).
 *  - Primary and backup cut from each other while both reach NATS and the lease store: both suspect the other
 *    and race for the lease from the same revision; exactly one wins. The loser releases nothing more.
 *  - The primary cut from everything (NATS and the lease store): the backup takes over; the old primary, unable
 *    to reach its backup or to win the lease, fences itself (or, healed first, finds the lease taken) and exits.
 *  - nats-server restarted mid-run (same port and JetStream store): with or without a failover, one VMM serves.
 * In all, at most one VMM's packets reach the clients at any time (every message names its sender), and after
 * healing the clients' invariants hold: no reset, the stream's hash right, no acknowledged write lost.
 */
import { subjects } from '@vmha/shared-proto';
import { faultControlSubject } from '@vmha/service-runtime';
import { LocalCluster, runClient, type ClientRunOutcome } from '@vmha/tools/launcher';
import { ORIGIN_HEADER } from '@vmha/vnet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, explain, until } from './cluster-checks.ts';

const VM_ARGS = ['--memory-mib', '64', '--resp-memory-mib', '8', '--fault-injection'];

describe('partitions of a replicated VM', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const counter = async (service: string, instance: string, name: string): Promise<number | undefined> =>
    (await counters(cluster, service, instance))[name];
  const fault = async (instance: string, block: string[]): Promise<void> => {
    await cluster.nc.request(
      faultControlSubject(instance),
      new TextEncoder().encode(JSON.stringify({ block })),
      {
        timeout: 2000,
      },
    );
  };

  /** Starts a protected VM, clients and a log of which VMM sent each message to them. */
  let vipHost = 10;
  const leftovers: Array<{ signal(sig: NodeJS.Signals): void }> = [];
  afterAll(() => {
    for (const p of leftovers) p.signal('SIGKILL');
  });

  async function scenario(name: string) {
    const vm = `vm-${name}`;
    // Each scenario its own addresses: a failed one's VMMs must not answer the next one's clients.
    const host = vipHost++;
    const vip = `10.0.0.${host}`;
    const clientA = `10.0.0.${100 + host}`;
    const clientB = `10.0.0.${150 + host}`;
    const p = `${name}-p`;
    const b = `${name}-b`;
    const primary = await cluster.launch({
      service: 'primary-vmm',
      instance: p,
      entry: 'packages/primary-vmm/src/main.ts',
      args: ['--vm-id', vm, '--vip', vip, '--mode', 'remus', ...VM_ARGS],
    });
    leftovers.push(primary);
    const backup = await cluster.launch({
      service: 'backup-vmm',
      instance: b,
      entry: 'packages/backup-vmm/src/main.ts',
      args: ['--vm-id', vm, ...VM_ARGS],
    });
    leftovers.push(backup);
    await until('protected', async () => (await counter('primary-vmm', p, 'repl.protected')) === 1);
    const arrivals: Array<{ origin: string; at: number }> = [];
    const subs = [clientA, clientB].map((address) =>
      cluster.nc.subscribe(subjects.netAddress(address), {
        callback: (_e, m) => {
          arrivals.push({ origin: m.headers?.get(ORIGIN_HEADER) ?? '?', at: performance.now() });
        },
      }),
    );
    const clients = Promise.all([
      runClient(cluster, `${name}-bulk`, [
        '--workload',
        'bulk',
        '--bytes',
        String(32 << 20),
        '--seed',
        '5',
        '--address',
        clientA,
        '--target',
        vip,
      ]),
      runClient(cluster, `${name}-resp`, [
        '--workload',
        'resp',
        '--connections',
        '16',
        '--duration-ms',
        '8s',
        '--seed',
        '6',
        '--address',
        clientB,
        '--target',
        vip,
      ]),
    ]);
    // Break things once the primary is serving the clients (their processes take a while to start).
    await until('the clients to be served', async () => arrivals.filter((a) => a.origin === p).length > 50);
    await new Promise((r) => setTimeout(r, 500));
    return { p, b, primary, backup, arrivals, subs, clients };
  }

  /** At most one sender at any time: once the second VMM's packets appear, the first's never do again. */
  function expectOneSenderAtATime(
    arrivals: Array<{ origin: string; at: number }>,
    first: string,
    second: string,
  ): void {
    const firstOfSecond = arrivals.find((a) => a.origin === second)?.at ?? Infinity;
    const lateFromFirst = arrivals.filter((a) => a.origin === first && a.at > firstOfSecond);
    expect(lateFromFirst).toEqual([]);
  }

  /** Stops watching and stops whichever of the scenario's VMMs still runs. */
  async function end(s: Awaited<ReturnType<typeof scenario>>): Promise<void> {
    for (const sub of s.subs) sub.unsubscribe();
    for (const proc of [s.primary, s.backup]) proc.signal('SIGTERM');
    await Promise.all([s.primary.exited, s.backup.exited]);
  }

  async function expectClientsWhole(clients: Promise<ClientRunOutcome[]>): Promise<void> {
    const [bulk, resp] = await clients;
    expect(bulk.result?.verified, explain(bulk)).toBe(true);
    expect((resp.result?.connections as { lost: number }).lost, explain(resp)).toBe(0);
    expect(resp.result?.violations, explain(resp)).toEqual([]);
  }

  it('primary and backup cut from each other: one wins the lease, the other releases nothing more', async () => {
    const s = await scenario('split');
    await Promise.all([fault(s.p, ['vmha.v1.repl.']), fault(s.b, ['vmha.v1.repl.'])]);
    // Within a few failure timeouts, one of them has won: the backup promoted, or the primary unprotected.
    let winner: 'primary' | 'backup' | undefined;
    await until(
      'a winner',
      async () => {
        if ((await counter('backup-vmm', s.b, 'backup.promoted')) === 1) winner = 'backup';
        else if (((await counter('primary-vmm', s.p, 'repl.won_unprotected')) ?? 0) > 0) winner = 'primary';
        return winner !== undefined;
      },
      15_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    await Promise.all([fault(s.p, []).catch(() => undefined), fault(s.b, []).catch(() => undefined)]);
    if (winner === 'backup') {
      expect(await s.primary.exited).toBe(3); // the loser is fenced
      expectOneSenderAtATime(s.arrivals, s.p, s.b);
    } else {
      // The backup lost the race: it never sent a packet, and after healing it joins again and protects.
      expect(s.arrivals.filter((a) => a.origin === s.b)).toEqual([]);
      await until(
        're-protection',
        async () => (await counter('primary-vmm', s.p, 'repl.protected')) === 1,
        30_000,
      );
    }
    await expectClientsWhole(s.clients);
    await end(s);
  }, 120_000);

  it('nats-server restarted mid-run: at most one sender at a time, and the clients are whole after', async () => {
    const s = await scenario('restart');
    await cluster.restartNats();
    // Whatever the outage caused (nothing, or a failover), one VMM serves the clients afterwards.
    await new Promise((r) => setTimeout(r, 3000));
    const promoted = (await counter('backup-vmm', s.b, 'backup.promoted')) === 1;
    if (promoted) {
      expect(await s.primary.exited).toBe(3);
      expectOneSenderAtATime(s.arrivals, s.p, s.b);
    } else expect(s.arrivals.filter((a) => a.origin === s.b)).toEqual([]);
    await expectClientsWhole(s.clients);
    await end(s);
  }, 120_000);

  it('the primary cut from everything: the backup takes over and the old primary is fenced', async () => {
    const s = await scenario('isolated');
    await fault(s.p, ['*']);
    await until('takeover', async () => (await counter('backup-vmm', s.b, 'backup.promoted')) === 1, 15_000);
    await new Promise((r) => setTimeout(r, 1000));
    // It may have fenced itself already: unable to reach its backup or to win the lease, it may not go on.
    await fault(s.p, []).catch(() => undefined);
    expect(await s.primary.exited).toBe(3);
    expectOneSenderAtATime(s.arrivals, s.p, s.b);
    await expectClientsWhole(s.clients);
    await end(s);
  }, 120_000);
});
