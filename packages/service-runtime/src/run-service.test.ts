import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VipAnnouncement, encodeMessage } from '@vmha/shared-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeNats, connectNats, requestHealth, startNatsServer, type NatsServerHandle } from './index.ts';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'run-service.fixture.ts');

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Parsed JSON log lines so far. */
  logs: () => Record<string, unknown>[];
  waitForLog(msg: string): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], {
    env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', ...env },
    stdio: [env.VMHA_EXIT_WITH_PARENT ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs = () =>
    err
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    exited,
    waitForLog: (msg) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = logs().find((entry) => entry.msg === msg);
          if (line) {
            listeners.delete(check);
            resolve(line);
          }
        };
        listeners.add(check);
        void exited.then((code) => reject(new Error(`exited ${code} before logging "${msg}":\n${err}`)));
        check();
      }),
  };
}

let server: NatsServerHandle;
beforeAll(async () => {
  server = await startNatsServer();
});
afterAll(() => server?.stop());

describe('runService', () => {
  it('exits 2 on a bad setting, naming it, its source and the expected form, followed by the usage', async () => {
    const service = run(['--memory-mib=tiny'], { VMHA_NATS_URL: server.url });
    expect(await service.exited).toBe(2);
    expect(service.stderr()).toContain(
      'fixture: invalid memoryMib "tiny" from flag --memory-mib: expected an integer of at least 16',
    );
    expect(service.stderr()).toContain('Usage: fixture [options]');
  });

  it('exits 2 on an unknown flag and on a bad environment variable', async () => {
    const unknown = run(['--memory=1']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toContain('fixture: unknown flag --memory');
    const badEnv = run([], { VMHA_LOG_LEVEL: 'loud' });
    expect(await badEnv.exited).toBe(2);
    expect(badEnv.stderr()).toContain(
      'invalid logLevel "loud" from environment VMHA_LOG_LEVEL: expected one of debug, info, warn, error',
    );
  });

  it('started by a launcher, shuts down when the launcher’s end of its stdin closes (the launcher died)', async () => {
    const service = run(['--nats-url', server.url, '--instance=fx-orphan'], { VMHA_EXIT_WITH_PARENT: '1' });
    await service.waitForLog('serving');
    service.child.stdin?.end(); // what the kernel does to the pipe when the launcher dies, even by SIGKILL
    expect(await service.exited).toBe(1);
    expect(service.logs().find((line) => line.msg === 'shutting down')).toMatchObject({
      reason: 'launcher gone',
    });
  });

  it('prints the generated help on --help and exits 0', async () => {
    const service = run(['--help']);
    expect(await service.exited).toBe(0);
    expect(service.stdout()).toMatch(
      /--memory-mib=<int> +Guest memory in MiB \(default 256; env VMHA_MEMORY_MIB\)/,
    );
    expect(service.stdout()).toMatch(/--nats-url=<string> +NATS server URL/);
    expect(service.stdout()).toMatch(/--otlp-endpoint=<string> .*env OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('serves health and messages, then on SIGTERM drains: hooks newest first, NATS closed, exit 0', async () => {
    const service = run(['--nats-url', server.url, '--instance=fx1', '--memory-mib=512']);
    const nc = await connectNats({ servers: server.url, name: 'test-client' });
    try {
      expect(await service.waitForLog('fixture ready')).toMatchObject({
        service: 'fixture',
        instance: 'fx1',
        memoryMib: 512,
      });
      await service.waitForLog('serving');
      nc.publish('test.fixture', encodeMessage(VipAnnouncement, { vmId: 'vm1' }));
      nc.publish('test.fixture', Uint8Array.of(0x0f)); // garbage: counted and dropped, the service keeps serving
      nc.publish('test.fixture', encodeMessage(VipAnnouncement, { vmId: 'vm1' }));
      await nc.flush();
      let health = await requestHealth(nc, 'fixture', 'fx1');
      for (let i = 0; i < 200 && health.counters['fixture.vm1'] !== 2; i++) {
        await new Promise((r) => setTimeout(r, 25));
        health = await requestHealth(nc, 'fixture', 'fx1');
      }
      expect(health).toMatchObject({
        status: 'serving',
        counters: { 'fixture.vm1': 2, 'VipAnnouncement.dropped.malformed': 1 },
      });

      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      const messages = service.logs().map((line) => line.msg);
      const order = [
        'shutting down',
        'hook second ran',
        'hook first ran',
        'NATS connection closed',
        'stopped',
      ];
      expect(order.map((msg) => messages.indexOf(msg))).toEqual(
        [...order.map((msg) => messages.indexOf(msg))].sort((a, b) => a - b),
      );
      expect(messages).toEqual(expect.arrayContaining(order));
      expect(service.logs().find((line) => line.msg === 'hook second ran')).toMatchObject({
        aborted: true,
        status: 'draining',
      });
      expect(service.logs().find((line) => line.msg === 'stopped')).toMatchObject({
        reason: 'SIGTERM',
        exitCode: 0,
      });
    } finally {
      service.child.kill('SIGKILL');
      await closeNats(nc);
    }
  });

  it('gives up on a hook that outlives the shutdown deadline, finishes the shutdown and exits 1', async () => {
    const service = run(['--nats-url', server.url, '--hang-on-shutdown', '--shutdown-timeout-ms=300ms']);
    try {
      await service.waitForLog('serving');
      service.child.kill('SIGINT');
      expect(await service.exited).toBe(1);
      const logs = service.logs();
      expect(logs.find((line) => line.msg === 'shutdown hook failed')).toMatchObject({ hook: 'second' });
      expect(logs.map((line) => line.msg)).toEqual(expect.arrayContaining(['hook first ran', 'stopped']));
    } finally {
      service.child.kill('SIGKILL');
    }
  });

  it('exits 1 when main fails, after logging why', async () => {
    const service = run(['--nats-url', server.url, '--fail-in-main']);
    expect(await service.exited).toBe(1);
    expect(service.logs().find((line) => line.msg === 'service failed to start')).toMatchObject({
      level: 'error',
      err: { message: 'main failed on purpose' },
    });
  });
});
