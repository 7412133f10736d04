/**
 * A cluster in containers for the e2e suites (testcontainers): its own Docker network, a NATS container with
 * JetStream, and the services as containers of the one image (VMHA_IMAGE, built by tools/scripts/build-image.sh),
 * finding each other through `nats`. The test process reaches NATS through the published port, to read the
 * services' health and counters. Everything a cluster started is removed by `stop()`, which the suites call in
 * `afterAll` whether or not a test failed; each container carries the label `vmha.e2e` with the run's id, so
 * `.ci/run` can sweep any a killed test runner left behind.
 *
 * The suites need a Docker engine (without one they skip and say so, unless VMHA_REQUIRE_DOCKER=1, as in CI) and
 * the images (missing ones fail the suite, naming the command that builds them).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { requestHealth } from '@vmha/service-runtime';
import { subjects } from '@vmha/shared-proto';
import { ORIGIN_HEADER, RELEASED_AT_HEADER } from '@vmha/vnet';
import {
  GenericContainer,
  Network,
  Wait,
  type StartedNetwork,
  type StartedTestContainer,
} from 'testcontainers';
import { describe, expect } from 'vitest';
import { until } from '../cluster-checks.ts';

const run = promisify(execFile);

/** A TCP port nothing listens on now (for a fixed host port that stays the same across a container restart). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** The images the suites use, from the same environment overrides as compose.yaml. */
export const IMAGES = {
  app: process.env.VMHA_IMAGE ?? 'vmha/app:dev',
  nats: process.env.VMHA_NATS_IMAGE ?? 'nats:2.10',
};

// Ryuk, testcontainers' reaper, is an image of its own that cannot be pulled where no registry is reachable:
// clean-up is `stop()` in afterAll, and the label sweep in .ci/run.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

/** Why this machine cannot run containers (no Docker engine answers), or undefined when it can. */
async function dockerEngineMissing(): Promise<string | undefined> {
  try {
    await run('docker', ['info'], { timeout: 10_000 });
    return undefined;
  } catch {
    return 'no Docker engine answers (apt-get install docker.io; dockerd &)';
  }
}

const noEngine = await dockerEngineMissing();

/**
 * A container suite: it runs where a Docker engine answers, and says why it skips where none does (a machine
 * without containers), except under VMHA_REQUIRE_DOCKER=1 (CI), where that is a failure. `alsoMissing` is why a
 * further tool the suite needs is not there (compose), treated the same way. Missing images are not a reason to
 * skip: `ContainerCluster.start` fails naming the command that builds them.
 */
export function describeWithDocker(title: string, suite: () => void, alsoMissing?: string): void {
  const missing = noEngine ?? alsoMissing;
  if (missing !== undefined && process.env.VMHA_REQUIRE_DOCKER === '1')
    throw new Error(`VMHA_REQUIRE_DOCKER=1 but the container suites cannot run: ${missing}`);
  describe.skipIf(missing !== undefined)(missing ? `${title} (skipped: ${missing})` : title, suite);
}

/** Fails naming how to build an image the suites need that is not there. */
export async function requireImages(): Promise<void> {
  for (const image of [IMAGES.app, IMAGES.nats]) {
    try {
      await run('docker', ['image', 'inspect', image], { timeout: 10_000 });
    } catch {
      throw new Error(
        `image ${image} is missing: eval "$(sh tools/scripts/ensure-docker.sh)" builds the images ` +
          '(or tools/scripts/build-image.sh, with tools/scripts/offline-images.sh where no registry answers)',
      );
    }
  }
}

export interface ClientResult {
  exitCode: number;
  /** The `result` object client-sim printed last (undefined if it died first). */
  result: Record<string, unknown> | undefined;
  logTail: string[];
}

/** A message that reached a client: its sender (VMM instance), its arrival (performance.now) and its stamp. */
export interface Arrival {
  origin: string;
  at: number;
  /** When the sender published it (its wall clock, ms): stamped before the VMM's last check. */
  publishedAt: number;
}

export interface VmSettings {
  vmId: string;
  memoryMib?: number;
  respMemoryMib?: number;
}

export class ContainerCluster {
  private readonly containers: StartedTestContainer[] = [];

  private constructor(
    /** Labels every container of this cluster (`vmha.e2e=<runId>`). */
    readonly runId: string,
    readonly network: StartedNetwork,
    readonly nats: StartedTestContainer,
    /**
     * The test's own connection to NATS (through a fixed published port, so that it reconnects, subscriptions and
     * all, across a restart of the container): health, counters, watching subjects.
     */
    readonly nc: NatsConnection,
  ) {}

  static async start(): Promise<ContainerCluster> {
    await requireImages();
    const runId = randomUUID().slice(0, 8);
    const network = await new Network().start();
    let nats: StartedTestContainer | undefined;
    try {
      nats = await new GenericContainer(IMAGES.nats)
        .withNetwork(network)
        .withNetworkAliases('nats')
        .withLabels({ 'vmha.e2e': runId })
        .withCommand(['-js', '-sd', '/tmp/jetstream', '-n', 'nats'])
        .withExposedPorts({ container: 4222, host: await freePort() })
        .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
        .start();
      const nc = await connect({
        servers: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
      });
      return new ContainerCluster(runId, network, nats, nc);
    } catch (e) {
      await nats?.stop().catch(() => undefined);
      await network.stop().catch(() => undefined);
      throw e;
    }
  }

  /** Starts a service of the image (`packages/<service>`) and waits until it says it is serving. */
  async launch(
    service: string,
    instance: string,
    args: string[],
    env: Record<string, string> = {},
  ): Promise<StartedTestContainer> {
    const c = await this.container(instance)
      .withEnvironment(env)
      .withCommand([`packages/${service}/src/main.ts`, '--instance', instance, ...args])
      .withWaitStrategy(Wait.forLogMessage(/"msg":"serving"/))
      .start();
    this.containers.push(c);
    return c;
  }

  /** Runs client-sim with `args` to its end; resolves with its exit code and what it printed. */
  async runClient(instance: string, args: string[]): Promise<ClientResult> {
    const c = await this.container(instance)
      .withCommand(['packages/client-sim/src/main.ts', '--instance', instance, ...args])
      .start();
    this.containers.push(c);
    const out: ClientResult = { exitCode: -1, result: undefined, logTail: [] };
    const logs = await c.logs();
    logs.on('data', (chunk: Buffer | string) => {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        try {
          const msg = JSON.parse(line) as { progress?: unknown; result?: Record<string, unknown> };
          if (msg.result) out.result = msg.result;
          else if (!msg.progress) out.logTail.push(line);
        } catch {
          out.logTail.push(line);
        }
        if (out.logTail.length > 50) out.logTail.shift();
      }
    });
    out.exitCode = await this.exitCode(c, 15 * 60_000);
    await new Promise((r) => setTimeout(r, 200)); // the log stream's last lines
    return out;
  }

  /**
   * The suites' load: a verified 48 MiB bulk download from 10.0.0.101 and a checked RESP load (8 connections,
   * one command each in flight, 15 s) from 10.0.0.102, each client in a container of its own.
   */
  startLoad(prefix: string): { bulk: Promise<ClientResult>; resp: Promise<ClientResult> } {
    return {
      bulk: this.runClient(`${prefix}-bulk`, [
        ...['--workload', 'bulk', '--bytes', String(48 << 20), '--address', '10.0.0.101'],
      ]),
      resp: this.runClient(`${prefix}-resp`, [
        ...['--workload', 'resp', '--connections', '8', '--pipeline', '1', '--duration-ms', '15000'],
        ...['--address', '10.0.0.102'],
      ]),
    };
  }

  /**
   * The suites' starting point: a VM protected by a primary (`<name>-p`, remus) and a backup (`<name>-b`), a
   * standby (`<name>-s`, turned away until a VMM needs a backup), the load under way and served; and every
   * message that reached the clients: who sent it, when it arrived, when its sender published it.
   */
  async protectedVmUnderLoad(name: string) {
    const vm = vmArgs({ vmId: `vm-${name}` });
    const primary = await this.launch('primary-vmm', `${name}-p`, [...vm, '--mode', 'remus']);
    const backup = await this.launch('backup-vmm', `${name}-b`, vm);
    await until(
      'protected',
      async () => (await this.counters('primary-vmm', `${name}-p`))['repl.protected'] === 1,
      120_000,
    );
    await this.launch('backup-vmm', `${name}-s`, vm);
    const arrivals: Arrival[] = [];
    for (const address of ['10.0.0.101', '10.0.0.102'])
      this.nc.subscribe(subjects.netAddress(address), {
        callback: (_e, m) => {
          arrivals.push({
            origin: m.headers?.get(ORIGIN_HEADER) ?? '?',
            at: performance.now(),
            publishedAt: Number(m.headers?.get(RELEASED_AT_HEADER) || NaN),
          });
        },
      });
    const load = this.startLoad(name);
    let running = 2;
    for (const client of [load.bulk, load.resp]) void client.then(() => running--);
    await until('the clients to be served', async () => arrivals.length > 200, 60_000);
    return { primary, backup, load, arrivals, clientsRunning: () => running };
  }

  /** `docker kill`: SIGKILL to the container's init, the whole service gone at once. */
  async kill(c: StartedTestContainer): Promise<void> {
    await run('docker', ['kill', c.getId()]);
  }

  /** `docker pause` / `unpause`: every process of the container frozen (the cgroup freezer), then thawed. */
  async pause(c: StartedTestContainer): Promise<void> {
    await run('docker', ['pause', c.getId()]);
  }

  async unpause(c: StartedTestContainer): Promise<void> {
    await run('docker', ['unpause', c.getId()]);
  }

  /** Cuts the container from the cluster's network (its NATS connection with it), or puts it back. */
  async disconnect(c: StartedTestContainer): Promise<void> {
    await run('docker', ['network', 'disconnect', this.network.getName(), c.getId()]);
  }

  async reconnect(c: StartedTestContainer, alias: string): Promise<void> {
    await run('docker', ['network', 'connect', '--alias', alias, this.network.getName(), c.getId()]);
  }

  /** The host's address on the cluster's network (its gateway): where a container reaches a server of the test. */
  async gateway(): Promise<string> {
    const { stdout } = await run('docker', [
      'network',
      'inspect',
      '-f',
      '{{(index .IPAM.Config 0).Gateway}}',
      this.network.getName(),
    ]);
    return stdout.trim();
  }

  /** `docker wait`: the container's exit code once it has stopped. */
  async exitCode(c: StartedTestContainer, timeoutMs = 60_000): Promise<number> {
    const { stdout } = await run('docker', ['wait', c.getId()], { timeout: timeoutMs });
    return Number(stdout.trim());
  }

  /** `docker restart` of the NATS container (its JetStream store is in the container, so it survives). */
  async restartNats(): Promise<void> {
    await run('docker', ['restart', '-t', '1', this.nats.getId()]);
    for (let i = 0; ; i++) {
      try {
        await this.nc.flush(); // back once a round trip completes
        return;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  async counters(service: string, instance: string): Promise<Record<string, number>> {
    return healthCounters(this.nc, service, instance);
  }

  /** Removes every container this cluster started, then NATS and the network. */
  async stop(): Promise<void> {
    await this.nc.close().catch(() => undefined);
    await Promise.all(
      [...this.containers, this.nats].map((c) =>
        c.stop({ remove: true, timeout: 2_000 }).catch(() => undefined),
      ),
    );
    await this.network.stop().catch(() => undefined);
  }

  private container(instance: string): GenericContainer {
    return new GenericContainer(IMAGES.app)
      .withNetwork(this.network)
      .withNetworkAliases(instance)
      .withLabels({ 'vmha.e2e': this.runId })
      .withEnvironment({ VMHA_NATS_URL: 'nats://nats:4222' })
      .withStartupTimeout(120_000);
  }
}

/** A service's counters through its health subject, or none when it does not answer (busy, gone). */
export async function healthCounters(
  nc: NatsConnection,
  service: string,
  instance: string,
): Promise<Record<string, number>> {
  try {
    return (await requestHealth(nc, service, instance, { timeoutMs: 500 })).counters;
  } catch {
    return {};
  }
}

/** A failed client run in one line: exit code, the first violations, the last log lines. */
export function explainClient(o: ClientResult): string {
  const violations = (o.result?.violations as unknown[] | undefined)?.slice(0, 3);
  return `exit ${o.exitCode}; violations ${JSON.stringify(violations)}; log: ${o.logTail.slice(-5).join(' | ')}`;
}

/**
 * The clients' invariants: both exited 0, the stream arrived whole and verified, no RESP violation (no
 * acknowledged write lost, counters monotonic), no connection reset, no command without its reply.
 */
export function expectClientsWhole(bulk: ClientResult, resp: ClientResult): void {
  expect(bulk.exitCode, explainClient(bulk)).toBe(0);
  expect(bulk.result?.verified, explainClient(bulk)).toBe(true);
  expect(bulk.result?.violations, explainClient(bulk)).toEqual([]);
  expect(resp.exitCode, explainClient(resp)).toBe(0);
  expect(resp.result?.violations, explainClient(resp)).toEqual([]);
  expect((resp.result?.connections as { lost: number }).lost, explainClient(resp)).toBe(0);
  expect((resp.result?.operations as { failed: number }).failed, explainClient(resp)).toBe(0);
  const checks = resp.result?.checks as { writesAcknowledged: number; readsChecked: number };
  expect(checks.writesAcknowledged, explainClient(resp)).toBeGreaterThan(20);
  expect(checks.readsChecked, explainClient(resp)).toBeGreaterThan(20);
}

/** A VM's memory flags, small: several VMMs share this machine's two cores. */
export function vmArgs(vm: VmSettings): string[] {
  return [
    '--vm-id',
    vm.vmId,
    '--memory-mib',
    String(vm.memoryMib ?? 64),
    '--resp-memory-mib',
    String(vm.respMemoryMib ?? 8),
  ];
}
