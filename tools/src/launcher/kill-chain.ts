/**
 * Cluster helpers for process-mode suites and benchmarks: reading service counters, waiting, and a chain of
 * kill -9 failovers on one VM.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import { requestHealth } from '@vmha/service-runtime';
import { IpPacket, decodeMessage, subjects } from '@vmha/shared-proto';
import type { LocalCluster } from './local-cluster.ts';
import type { RunningProcess } from './process-group.ts';

/** A service instance's health counters; empty when it does not answer (dead, stopped, starting). */
export async function counters(
  cluster: LocalCluster,
  service: string,
  instance: string,
): Promise<Record<string, number>> {
  try {
    return (await requestHealth(cluster.nc, service, instance, { timeoutMs: 500 })).counters;
  } catch {
    return {};
  }
}

/** Polls `cond` every 100 ms until it holds; throws naming `what` after `ms`. */
export async function until(what: string, cond: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A VMM process running the VM's guest (the primary-vmm, then each promoted backup-vmm). */
export interface GuestHost {
  service: string;
  instance: string;
  proc: RunningProcess;
}

export interface KillChainOptions<T> {
  runs: number;
  seed: number;
  /** Instance names are `${prefix}0`, `${prefix}1`, ... */
  prefix: string;
  /** Arguments of every VMM (VM id, memory, ...). */
  vmArgs: string[];
  /** The first primary's extra arguments (VIP, mode). */
  primaryArgs: string[];
  /** Starts run `run`'s clients against the guest. */
  clients(run: number): Promise<T>;
  /**
   * This run's client addresses, different in every run: the run is at work once the guest host has sent
   * `atWorkPackets` (default 200) datagrams to them. Its counters alone cannot tell this run's clients from the
   * previous run's: the last packets of departed clients can still be arriving, and a promoted guest still
   * retransmits to them.
   */
  clientAddresses(run: number): string[];
  atWorkPackets?: number;
  /** A further condition on the guest host's counters before the clients and now (e.g. speculation at work). */
  atWork?(before: Record<string, number>, now: Record<string, number>): boolean;
  /** Checks a run once the clients are done and the backup promoted; `killed`'s counters just before the kill. */
  check(
    run: number,
    outcome: T,
    r: { killed: GuestHost; promoted: GuestHost; atKill: Record<string, number> },
  ): void | Promise<void>;
}

/**
 * kill -9 of the guest's host `runs` times in a row on one VM: each time at a seeded random moment once the clients
 * are at work, the backup takes over, a fresh backup-vmm joins the promoted VMM (and is synced), and the next
 * kill hits the promoted one.
 */
export async function killChain<T>(cluster: LocalCluster, o: KillChainOptions<T>): Promise<void> {
  const rng = new SeededRandom(o.seed);
  const launchBackup = (n: number) =>
    cluster.launch({
      service: 'backup-vmm',
      instance: `${o.prefix}${n}`,
      entry: 'packages/backup-vmm/src/main.ts',
      args: o.vmArgs,
    });
  let current: GuestHost = {
    service: 'primary-vmm',
    instance: `${o.prefix}0`,
    proc: await cluster.launch({
      service: 'primary-vmm',
      instance: `${o.prefix}0`,
      entry: 'packages/primary-vmm/src/main.ts',
      args: [...o.vmArgs, ...o.primaryArgs],
    }),
  };
  let backup = { instance: `${o.prefix}1`, proc: await launchBackup(1) };
  for (let run = 1; run <= o.runs; run++) {
    const now = current;
    const t0 = performance.now();
    const phases: string[] = [];
    const mark = (what: string) => phases.push(`${what} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await until(
      `run ${run}: ${now.instance} protected`,
      async () => (await counters(cluster, now.service, now.instance))['repl.protected'] === 1,
    );
    // The next backup waits as a standby (the protected primary turns it away) and joins the promoted VMM once
    // that one runs the guest. Started before the clients and the kill, its process start-up (a second or more
    // of CPU) competes with neither the load nor the failover it is there to follow.
    mark('protected');
    const nextBackup = { instance: `${o.prefix}${run + 1}`, proc: await launchBackup(run + 1) };
    mark('next backup up');
    // The baseline must be this VMM's own counters: an empty answer (busy, timed out) would make any traffic
    // count as "at work", and the kill could land before this run's clients even start.
    let before: Record<string, number> = {};
    await until(
      `run ${run}: ${now.instance} answers`,
      async () => Object.keys((before = await counters(cluster, now.service, now.instance))).length > 0,
    );
    let served = 0;
    const watches = o.clientAddresses(run).map((a) =>
      cluster.nc.subscribe(subjects.netAddress(a), {
        callback: (_e, m) => {
          // One message may carry several datagrams (a replicated VMM releases an epoch's output at once).
          const packet = decodeMessage(IpPacket, m.data);
          if (packet.ok) served += packet.message.datagrams.length;
        },
      }),
    );
    await cluster.nc.flush();
    const clients = o.clients(run);
    try {
      await until(
        `run ${run}: the clients at work`,
        async () =>
          served >= (o.atWorkPackets ?? 200) &&
          (o.atWork?.(before, await counters(cluster, now.service, now.instance)) ?? true),
      );
    } finally {
      for (const w of watches) w.unsubscribe();
    }
    mark('clients at work');
    await new Promise((r) => setTimeout(r, rng.int(0, 1500)));
    const atKill = await counters(cluster, now.service, now.instance);
    now.proc.signal('SIGKILL');
    await now.proc.exited;
    const promoted: GuestHost = { service: 'backup-vmm', ...backup };
    mark('killed');
    const outcome = await clients;
    mark('clients done');
    await until(
      `run ${run}: ${promoted.instance} promoted`,
      async () => (await counters(cluster, 'backup-vmm', promoted.instance))['backup.promoted'] === 1,
    );
    mark('promoted');
    await o.check(run, outcome, { killed: now, promoted, atKill });
    mark('checked');
    // One line per run, so a slow or failing chain shows where its time went.
    console.info(`[kill-chain] run ${run}: ${phases.join(', ')}`);
    current = promoted;
    backup = nextBackup;
  }
  current.proc.signal('SIGTERM');
  backup.proc.signal('SIGTERM');
  await Promise.all([current.proc.exited, backup.proc.exited]);
}
