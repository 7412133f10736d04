/**
 * A Linux network namespace created for one run: a private network stack (interfaces, routes, firewall) that
 * disappears with `delete()`, so nothing the harness does touches the host's own networking.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { requireExecutable, runCommand, tryCommand } from './commands.ts';

export class NetworkNamespace {
  private deleted = false;
  /** Deletes the namespace even when the process exits without running the caller's clean-up. */
  private readonly deleteOnExit = (): void => this.delete();

  private constructor(
    readonly name: string,
    private readonly ipPath: string,
  ) {
    process.on('exit', this.deleteOnExit);
  }

  /** Creates `<prefix>-<pid>-<random>` (unique per run) with its loopback up. */
  static create(prefix = 'vmha'): NetworkNamespace {
    const ipPath = requireExecutable('ip');
    const name = `${prefix}-${process.pid}-${randomBytes(3).toString('hex')}`;
    runCommand(ipPath, ['netns', 'add', name]);
    const ns = new NetworkNamespace(name, ipPath);
    try {
      ns.ip(['link', 'set', 'lo', 'up']);
    } catch (e) {
      ns.delete();
      throw e;
    }
    return ns;
  }

  /** `ip -n <ns> ...`: iproute2 acting on this namespace. */
  ip(args: readonly string[]): string {
    return runCommand(this.ipPath, ['-n', this.name, ...args]);
  }

  /** Runs a command inside the namespace to completion and returns its stdout. */
  exec(file: string, args: readonly string[]): string {
    return runCommand(this.ipPath, ['netns', 'exec', this.name, file, ...args]);
  }

  /** exec() for clean-up: reports failure instead of throwing. */
  tryExec(file: string, args: readonly string[]): boolean {
    return tryCommand(this.ipPath, ['netns', 'exec', this.name, file, ...args]).ok;
  }

  /** Starts a long-running process inside the namespace (`ip netns exec` execs it, so the pid is its own). */
  spawn(file: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
    return spawn(this.ipPath, ['netns', 'exec', this.name, file, ...args], options);
  }

  /** Moves a host interface into this namespace. */
  adopt(device: string): void {
    runCommand(this.ipPath, ['link', 'set', device, 'netns', this.name]);
  }

  /** Idempotent and never throws: safe in afterAll and exit handlers. */
  delete(): void {
    if (this.deleted) return;
    this.deleted = true;
    process.off('exit', this.deleteOnExit);
    tryCommand(this.ipPath, ['netns', 'del', this.name]);
  }
}
