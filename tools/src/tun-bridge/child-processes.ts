/** Lifetime of the helper processes (socat, Linux peers): never leave one running behind the test process. */
import type { ChildProcess } from 'node:child_process';

/** Kills `child` if this process exits first (crash, vitest teardown) while it still runs. */
export function killOnExit(child: ChildProcess): void {
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGTERM, then SIGKILL if it has not exited within a second; resolves once it is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
  await exited;
  clearTimeout(timer);
}
