/**
 * A real nats-server for tests, the launcher and e2e: loopback only, a free port, JetStream in a temp dir that is
 * removed on stop. `restart()` brings it back on the same port and store (to test reconnects and KV durability).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NatsServerOptions {
  /** Enable JetStream (store in a temp dir). Default false. */
  jetstream?: boolean;
  /** Port to listen on. Default: a free loopback port. */
  port?: number;
  /** The nats-server binary. Default: NATS_SERVER_BIN, /usr/sbin/nats-server, or nats-server on PATH. */
  binary?: string;
  /** Extra command-line arguments for nats-server. */
  args?: string[];
  /** How long to wait for "Server is ready". Default 10 s. */
  startTimeoutMs?: number;
}

export interface NatsServerHandle {
  /** nats://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** JetStream store directory (undefined without JetStream). */
  readonly storeDir: string | undefined;
  /** Everything nats-server printed so far (to show when a test fails). */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL if it lingers); the store survives for `restart`. */
  kill(): Promise<void>;
  /** Stops (if running) and starts again on the same port and store. */
  restart(): Promise<void>;
  /** Stops the server and removes its temp dir. */
  stop(): Promise<void>;
}

export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServerHandle> {
  const binary = options.binary ?? findNatsServer();
  const tempDir = mkdtempSync(join(tmpdir(), 'vmha-nats-'));
  const storeDir = options.jetstream ? join(tempDir, 'jetstream') : undefined;
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  let log = '';
  let child: ChildProcess | undefined;
  let port = options.port ?? 0;

  const launch = async (): Promise<void> => {
    const args = ['-a', '127.0.0.1', '-p', String(port), '-n', `vmha-test-${port}`, ...(options.args ?? [])];
    if (storeDir) args.push('-js', '-sd', storeDir);
    const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = ''; // this launch's output: a restart must see its own "ready"
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`nats-server did not become ready in ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        output += chunk.toString();
        if (output.includes('Server is ready')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot run ${binary}: ${err.message}`));
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited (${signal ?? code}) before it was ready:\n${output}`));
      });
    });
  };

  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      proc.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  };

  // A free port may be taken between finding and binding it; try a few.
  for (let attempt = 1; ; attempt++) {
    if (options.port === undefined) port = await freeLoopbackPort();
    try {
      await launch();
      break;
    } catch (err) {
      await kill();
      if (options.port !== undefined || attempt >= 5 || !log.includes('address already in use')) {
        rmSync(tempDir, { recursive: true, force: true });
        throw err;
      }
      log = '';
    }
  }

  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    output: () => log,
    kill,
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      await kill();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

function findNatsServer(): string {
  const fromEnv = process.env.NATS_SERVER_BIN;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';
}

/** A port the kernel just handed out on 127.0.0.1 (released before returning, so it is free but not reserved). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
