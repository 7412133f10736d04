/**
 * A cluster in containers for the e2e suites (testcontainers): its own Docker network, a NATS container with
 * JetStream, and the services as containers of the one image (VMHA_IMAGE, built by tools/scripts/build-image.sh),
 * finding each other through `nats`. The test process reaches NATS through the published port, to read the
 * services' health and counters. Everything a cluster started is removed by `stop()`, which the suites call in
 * `afterAll` whether or not a test failed; each container carries the label `vmha.e2e` with the run's id, so
 * `.ci/run` can sweep any a killed test runner left behind.
 *
 * The suites need a Docker engine and the images: without them they skip with the reason, unless
 * VMHA_REQUIRE_DOCKER=1 (CI), where that is a failure.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { requestHealth } from '@vmha/service-runtime';
import {
  GenericContainer,
  Network,
  Wait,
  type StartedNetwork,
  type StartedTestContainer,
} from 'testcontainers';

const run = promisify(execFile);

/** The images the suites use, from the same environment overrides as compose.yaml. */
export const IMAGES = {
  app: process.env.VMHA_IMAGE ?? 'vmha/app:dev',
  nats: process.env.VMHA_NATS_IMAGE ?? 'nats:2.10',
};

// Ryuk, testcontainers' reaper, is an image of its own that cannot be pulled where no registry is reachable:
// clean-up is `stop()` in afterAll, and the label sweep in .ci/run.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

/** Why the container suites cannot run here, or undefined when they can (engine up, images present). */
export async function containersUnavailable(): Promise<string | undefined> {
  try {
    await run('docker', ['info'], { timeout: 10_000 });
  } catch {
    return 'no Docker engine answers (apt-get install docker.io; dockerd &)';
  }
  for (const image of [IMAGES.app, IMAGES.nats]) {
    try {
      await run('docker', ['image', 'inspect', image], { timeout: 10_000 });
    } catch {
      return `image ${image} is missing (sh tools/scripts/build-image.sh; offline: tools/scripts/offline-images.sh)`;
    }
  }
  return undefined;
}

/** Skip, or fail under VMHA_REQUIRE_DOCKER=1: a CI that cannot run the suites must not pass them. */
export async function containerSuitesSkipReason(): Promise<string | undefined> {
  const why = await containersUnavailable();
  if (why !== undefined && process.env.VMHA_REQUIRE_DOCKER === '1')
    throw new Error(`VMHA_REQUIRE_DOCKER=1 but the container suites cannot run: ${why}`);
  return why;
}

export interface ClientResult {
  exitCode: number;
  /** The `result` object client-sim printed last (undefined if it died first). */
  result: Record<string, unknown> | undefined;
  /** Progress lines seen, in order. */
  progress: Array<Record<string, unknown>>;
  logTail: string[];
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
    readonly nc: NatsConnection,
  ) {}

  static async start(): Promise<ContainerCluster> {
    const runId = randomUUID().slice(0, 8);
    const network = await new Network().start();
    let nats: StartedTestContainer | undefined;
    try {
      nats = await new GenericContainer(IMAGES.nats)
        .withNetwork(network)
        .withNetworkAliases('nats')
        .withLabels({ 'vmha.e2e': runId })
        .withCommand(['-js', '-sd', '/tmp/jetstream', '-n', 'nats'])
        .withExposedPorts(4222)
        .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
        .start();
      const nc = await connect({ servers: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}` });
      return new ContainerCluster(runId, network, nats, nc);
    } catch (e) {
      await nats?.stop().catch(() => undefined);
      await network.stop().catch(() => undefined);
      throw e;
    }
  }

  /** Starts a service of the image (`entry` below packages/) and waits until it says it is serving. */
  async launch(service: string, instance: string, args: string[]): Promise<StartedTestContainer> {
    const c = await this.container(instance)
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
    const out: ClientResult = { exitCode: -1, result: undefined, progress: [], logTail: [] };
    const logs = await c.logs();
    logs.on('data', (chunk: Buffer | string) => {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        try {
          const msg = JSON.parse(line) as {
            progress?: Record<string, unknown>;
            result?: Record<string, unknown>;
          };
          if (msg.result) out.result = msg.result;
          else if (msg.progress) out.progress.push(msg.progress);
          else out.logTail.push(line);
        } catch {
          out.logTail.push(line);
        }
        if (out.logTail.length > 50) out.logTail.shift();
      }
    });
    const { stdout } = await run('docker', ['wait', c.getId()], { timeout: 15 * 60_000 });
    out.exitCode = Number(stdout.trim());
    await new Promise((r) => setTimeout(r, 200)); // the log stream's last lines
    return out;
  }

  /** `docker kill`: SIGKILL to the container's init, the whole service gone at once. */
  async kill(c: StartedTestContainer): Promise<void> {
    await run('docker', ['kill', c.getId()]);
  }

  async counters(service: string, instance: string): Promise<Record<string, number>> {
    try {
      return (await requestHealth(this.nc, service, instance, { timeoutMs: 500 })).counters;
    } catch {
      return {};
    }
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
