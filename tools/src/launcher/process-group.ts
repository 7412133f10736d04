/**
 * Child processes that live and die together: the local cluster launcher starts nats-server and the services
 * through one group, prefixes their output, and stops all of them on shutdown, on Ctrl-C and when the launcher
 * itself exits (so a failed test or an interrupted demo never leaves processes behind).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProcessSpec {
  /** Short name used to prefix output lines. */
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Receives each output line (stdout and stderr); default prints it prefixed when `verbose`. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunningProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** Sends a signal to the process (SIGKILL for `kill -9` experiments). */
  signal(sig: NodeJS.Signals): void;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: if the launcher exits without stopping its group, take the children with it.
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export class ProcessGroup {
  private readonly procs: RunningProcess[] = [];

  constructor(private readonly options: { verbose?: boolean } = {}) {
    installExitHook();
  }

  start(spec: ProcessSpec): RunningProcess {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      // The child's stdin is a pipe we never write to: when this process dies, however it dies, the pipe closes
      // and a vmha service (VMHA_EXIT_WITH_PARENT) shuts down instead of living on as an orphan.
      env: { ...process.env, VMHA_EXIT_WITH_PARENT: '1', ...spec.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) throw new Error(`could not start ${spec.name} (${spec.command})`);
    live.add(child);
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, sig) => {
        live.delete(child);
        resolve(code ?? sig ?? 'unknown');
      });
      child.once('error', (err) => {
        live.delete(child);
        resolve(`error: ${err.message}`);
      });
    });
    const onLine =
      spec.onLine ??
      ((line: string) => {
        if (this.options.verbose) process.stderr.write(`[${spec.name}] ${line}\n`);
      });
    for (const [stream, name] of [
      [child.stdout, 'stdout'],
      [child.stderr, 'stderr'],
    ] as const) {
      if (stream) createInterface({ input: stream }).on('line', (l) => onLine(l, name));
    }
    const proc: RunningProcess = {
      name: spec.name,
      pid: child.pid,
      child,
      exited,
      signal: (sig) => {
        if (child.exitCode === null && child.signalCode === null) child.kill(sig);
      },
    };
    this.procs.push(proc);
    return proc;
  }

  get processes(): readonly RunningProcess[] {
    return this.procs;
  }

  /** Stops every process, newest first: SIGTERM, then SIGKILL after `graceMs`. */
  async stopAll(graceMs = 5000): Promise<void> {
    for (const p of [...this.procs].reverse()) {
      p.signal('SIGTERM');
      const done = await Promise.race([p.exited.then(() => true), delay(graceMs).then(() => false)]);
      if (!done) {
        p.signal('SIGKILL');
        await p.exited;
      }
    }
    this.procs.length = 0;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
