/**
 * The root `compose.yaml` run as its users run it, for the compose demo suite: `docker compose` (or
 * `docker-compose` 1.29+, where the v2 plugin is not packaged, as on Debian 12) with a project name of its own, the
 * images and host ports from the same environment overrides the README documents, and `down` at the end.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@vmha/tools/launcher';

const run = promisify(execFile);

/** Compose projects the suites start are named `vmha-e2e-<id>`, so a sweep can find what a killed run left. */
export const PROJECT_PREFIX = 'vmha-e2e-';

/** `docker compose`, else `docker-compose`, as argv; undefined when neither answers. */
async function findCompose(): Promise<string[] | undefined> {
  for (const argv of [['docker', 'compose'], ['docker-compose']]) {
    try {
      await run(argv[0], [...argv.slice(1), 'version'], { timeout: 30_000 });
      return argv;
    } catch {
      // try the next
    }
  }
  return undefined;
}

const compose = await findCompose();

/** Why compose cannot run here, or undefined when it can. */
export const composeMissing: string | undefined = compose
  ? undefined
  : 'neither `docker compose` nor `docker-compose` answers (apt-get install docker-compose)';

export class ComposeProject {
  private constructor(
    readonly name: string,
    private readonly argv: string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** `up -d` of compose.yaml's default services with these overrides (VMHA_IMAGE, VMHA_NATS_PORT, ...). */
  static async up(overrides: Record<string, string>): Promise<ComposeProject> {
    if (!compose) throw new Error(composeMissing);
    const project = new ComposeProject(`${PROJECT_PREFIX}${randomUUID().slice(0, 8)}`, compose, {
      ...process.env,
      ...overrides,
    });
    try {
      await project.compose(['up', '-d'], 300_000);
    } catch (e) {
      // Whatever did start goes: the caller never gets a project to take down.
      await project.down().catch(() => undefined);
      throw e;
    }
    return project;
  }

  /** Runs `compose -p <name> -f compose.yaml <args>`; resolves with its stdout. */
  async compose(args: string[], timeoutMs = 120_000): Promise<string> {
    const [command, ...prefix] = this.argv;
    const { stdout } = await run(
      command,
      [...prefix, '-p', this.name, '-f', join(REPO_ROOT, 'compose.yaml'), ...args],
      { cwd: REPO_ROOT, env: this.env, timeout: timeoutMs, maxBuffer: 64 << 20 },
    );
    return stdout;
  }

  /** The container id of a service (its one replica). */
  async containerOf(service: string): Promise<string> {
    const id = (await this.compose(['ps', '-q', service])).trim();
    if (!id) throw new Error(`no container for ${service} in ${this.name}`);
    return id;
  }

  /** Whether the service's container is running now. */
  async running(service: string): Promise<boolean> {
    const { stdout } = await run('docker', [
      'inspect',
      '-f',
      '{{.State.Running}}',
      await this.containerOf(service),
    ]);
    return stdout.trim() === 'true';
  }

  /** `docker wait`: the service's exit code once its container has stopped. */
  async exitCode(service: string, timeoutMs: number): Promise<number> {
    const { stdout } = await run('docker', ['wait', await this.containerOf(service)], { timeout: timeoutMs });
    return Number(stdout.trim());
  }

  /** What the service printed (stdout and stderr), line by line. */
  async logLines(service: string): Promise<string[]> {
    const { stdout, stderr } = await run('docker', ['logs', await this.containerOf(service)], {
      maxBuffer: 64 << 20,
    });
    return `${stdout}\n${stderr}`.split('\n').filter((l) => l.trim() !== '');
  }

  /** Everything of this project on the engine: containers (any state) and networks. */
  async leftovers(): Promise<string[]> {
    const label = `label=com.docker.compose.project=${this.name}`;
    const containers = await run('docker', ['ps', '-aq', '--filter', label]);
    const networks = await run('docker', ['network', 'ls', '-q', '--filter', label]);
    return `${containers.stdout}\n${networks.stdout}`.split('\n').filter((l) => l.trim() !== '');
  }

  /** `down`: stops and removes the project's containers and network. */
  async down(): Promise<void> {
    await this.compose(['down', '--remove-orphans', '--timeout', '5'], 180_000);
  }
}
