/**
 * Helpers the process-mode suites share: explaining a client run (counters, waiting and the kill -9 chain live in
 * the launcher, shared with the benchmarks).
 */
import type { ClientRunOutcome } from '@vmha/tools/launcher';

export { counters, killChain, until, type GuestHost, type KillChainOptions } from '@vmha/tools/launcher';

/** A failed client run in one line: exit code, the first violations, the last log lines. */
export function explain(o: ClientRunOutcome): string {
  return `exit ${o.exitCode}; violations ${JSON.stringify((o.result?.violations as unknown[] | undefined)?.slice(0, 3))}; log: ${o.logTail.slice(-5).join(' | ')}`;
}
