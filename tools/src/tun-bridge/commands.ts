/**
 * Running the system tools the bridge needs (ip, socat, iptables). Synchronous on purpose: set-up and clean-up
 * are short sequential steps, and clean-up must also work from a process 'exit' handler.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly command: string,
    readonly stderr: string,
  ) {
    super(`${command} failed${stderr ? `: ${stderr.trim()}` : ''}`);
  }
}

/** Runs a command to completion and returns its stdout; a non-zero exit throws CommandError with stderr. */
export function runCommand(file: string, args: readonly string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  } catch (e) {
    const stderr = (e as { stderr?: unknown }).stderr;
    const detail = typeof stderr === 'string' && stderr ? stderr : (e as Error).message;
    throw new CommandError([file, ...args].join(' '), detail);
  }
}

/** Like runCommand but for best-effort clean-up: failures are returned, never thrown. */
export function tryCommand(
  file: string,
  args: readonly string[],
): { ok: true } | { ok: false; error: string } {
  try {
    runCommand(file, args);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Where root's tools live even when PATH (e.g. a non-login shell's) leaves the sbin directories out. */
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The absolute path of an executable found on PATH or in the sbin directories, or undefined. */
export function findExecutable(name: string): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), ...SBIN_DIRS]) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The absolute path of a required tool; throws a clear error when it is not installed. */
export function requireExecutable(name: string): string {
  const path = findExecutable(name);
  if (!path) throw new Error(`${name} is not installed (or not on PATH)`);
  return path;
}
