/** Helpers the process-mode suites share: explaining a client run, reading service counters, waiting. */
import { requestHealth } from '@vmha/service-runtime';
import type { ClientRunOutcome, LocalCluster } from '@vmha/tools/launcher';

/** A failed client run in one line: exit code, the first violations, the last log lines. */
export function explain(o: ClientRunOutcome): string {
  return `exit ${o.exitCode}; violations ${JSON.stringify((o.result?.violations as unknown[] | undefined)?.slice(0, 3))}; log: ${o.logTail.slice(-5).join(' | ')}`;
}

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
