/**
 * The embedded default: a whole cluster on this machine as local processes. nats-server (JetStream on,
 * loopback, a free port, a temp store) and each service as a `node --import tsx` process, started in order and
 * gated on health ("serving"); stopped newest first. `npm run demo` and the process-mode e2e suites share it.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { requestHealth, startNatsServer } from '@vmha/service-runtime';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessGroup, type RunningProcess } from './process-group.ts';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ServiceLaunch {
  /** Service name as it registers for health (e.g. "primary-vmm"). */
  service: string;
  /** Instance id passed to the service (`--instance`). */
  instance: string;
  /** Entry file relative to the repo root. */
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  /** Extra Node.js flags for this process (e.g. `--cpu-prof` to profile a service). */
  nodeArgs?: string[];
  /** Wait until it reports "serving" (default true). */
  awaitServing?: boolean;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface LocalClusterOptions {
  /** Print every service's log lines, prefixed. */
  verbose?: boolean;
  jetstream?: boolean;
}

export class LocalCluster {
  private readonly group: ProcessGroup;
  private constructor(
    readonly natsUrl: string,
    private readonly nats: Awaited<ReturnType<typeof startNatsServer>>,
    readonly nc: NatsConnection,
    private readonly options: LocalClusterOptions,
  ) {
    this.group = new ProcessGroup({ verbose: options.verbose });
  }

  static async start(options: LocalClusterOptions = {}): Promise<LocalCluster> {
    const nats = await startNatsServer({ jetstream: options.jetstream ?? true });
    const nc = await connect({ servers: nats.url, name: 'launcher' });
    return new LocalCluster(nats.url, nats, nc, options);
  }

  /** Starts a service process and (by default) waits until its health says "serving". */
  async launch(spec: ServiceLaunch, timeoutMs = 30_000): Promise<RunningProcess> {
    const proc = this.group.start({
      name: spec.instance,
      command: process.execPath,
      args: [
        ...(spec.nodeArgs ?? []),
        '--import',
        'tsx',
        join(REPO_ROOT, spec.entry),
        '--nats-url',
        this.natsUrl,
        '--instance',
        spec.instance,
        ...(spec.args ?? []),
      ],
      cwd: REPO_ROOT,
      env: { ...spec.env },
      onLine: spec.onLine,
    });
    if (spec.awaitServing !== false) await this.awaitServing(spec.service, spec.instance, proc, timeoutMs);
    return proc;
  }

  /** Polls the service's health subject until it answers "serving". */
  async awaitServing(
    service: string,
    instance: string,
    proc: RunningProcess,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited: number | string | undefined;
    void proc.exited.then((code) => (exited = code));
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (exited !== undefined) throw new Error(`${instance} exited (${exited}) before serving`);
      try {
        const reply = await requestHealth(this.nc, service, instance, { timeoutMs: 500 });
        if (reply.status === 'serving') return;
        last = reply.status;
      } catch (e) {
        last = (e as Error).message;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${instance} did not report serving within ${timeoutMs} ms (last: ${last})`);
  }

  get processes(): readonly RunningProcess[] {
    return this.group.processes;
  }

  /** Restarts nats-server on the same port and JetStream store (clients reconnect; KV contents survive). */
  async restartNats(): Promise<void> {
    await this.nats.restart();
  }

  /** Stops every service, then nats-server. */
  async stop(): Promise<void> {
    await this.group.stopAll();
    await this.nc.close().catch(() => undefined);
    await this.nats.stop();
  }

  get verbose(): boolean {
    return this.options.verbose ?? false;
  }
}
