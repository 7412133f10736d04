/**
 * The guest RESP server against the real Redis tools: redis-cli (arguments, an inline stdin pipe, --pipe mass
 * insertion) and redis-benchmark with 50 clients pipelining 16 requests each. The server is the @vmha/guest-apps
 * program, with its state in a GuestMemory region, on a guest-tcp stack behind a TUN device in a namespace this
 * test creates (tools/src/tun-bridge). Skips, saying why, where that lab cannot run or the tools are missing.
 */
import { RespServer, bootStandalone } from '@vmha/guest-apps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LinuxLab,
  findExecutable,
  interopSkipReason,
  killOnExit,
  labSkipReason,
  stopProcess,
} from '../tun-bridge/index.ts';

/** A hang guard, not a speed check. */
const TEST_TIMEOUT_MS = 180_000;
const COMMAND_TIMEOUT_MS = 120_000;

function skipReason(): string | undefined {
  const lab = interopSkipReason();
  if (lab) return lab;
  for (const tool of ['redis-cli', 'redis-benchmark']) {
    if (!findExecutable(tool)) return `${tool} is not installed (apt-get install redis-tools)`;
  }
  return undefined;
}

// Skips only where this machine lacks the lab or redis-tools, and says which; fails instead where
// VMHA_REQUIRE_LINUX_LAB=1 (CI).
const reason = labSkipReason('redis-compat', skipReason());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool inside the lab's namespace without blocking the event loop: the guest stack is driven by this same
 * process, so a synchronous exec would stall the very server the tool talks to.
 */
function runInLab(
  lab: LinuxLab,
  tool: string,
  args: readonly string[],
  stdin?: string | Buffer,
): Promise<Run> {
  const child = lab.namespace.spawn(findExecutable(tool) ?? tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  killOnExit(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin?.end(stdin ?? '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(
        new Error(`${tool} ${args.join(' ')} did not finish in ${COMMAND_TIMEOUT_MS} ms: ${stdout}${stderr}`),
      );
    }, COMMAND_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe.skipIf(reason !== undefined)(
  'redis-cli and redis-benchmark against the guest RESP server',
  { timeout: TEST_TIMEOUT_MS },
  () => {
    let lab: LinuxLab | undefined;
    let server: RespServer | undefined;

    beforeAll(async () => {
      lab = await LinuxLab.create({ stack: { seed: 6379, mslMs: 500 } });
      server = new RespServer({ memoryBytes: 64 << 20 });
      bootStandalone(server, { stack: lab.stack, now: () => performance.now() });
      console.log(`[redis-compat] namespace ${lab.namespace.name}, server at ${lab.guestAddress}:6379`);
    });

    afterAll(async () => {
      await lab?.close();
    });

    function activeLab(): LinuxLab {
      if (!lab) throw new Error('the Linux lab was not set up');
      return lab;
    }

    async function cli(...args: string[]): Promise<string> {
      const l = activeLab();
      const run = await runInLab(l, 'redis-cli', ['-h', l.guestAddress, ...args]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return run.stdout;
    }

    it('redis-cli runs commands given as arguments', async () => {
      expect(await cli('PING')).toBe('PONG\n');
      expect(await cli('SET', 'greeting', 'hello world')).toBe('OK\n');
      expect(await cli('GET', 'greeting')).toBe('hello world\n');
      expect(await cli('INCRBY', 'visits', '41')).toBe('41\n');
      expect(await cli('INCR', 'visits')).toBe('42\n');
      expect(await cli('SET', 'temp', 'x', 'PX', '100000', 'NX')).toBe('OK\n');
      expect(await cli('MGET', 'greeting', 'missing', 'visits')).toBe('hello world\n\n42\n');
      expect(await cli('INCR', 'greeting')).toMatch(/^ERR value is not an integer or out of range\n/);
      expect(await cli('--no-raw', 'GET', 'missing')).toBe('(nil)\n');
      expect(await cli('INFO', 'keyspace')).toContain('db0:keys=3,expires=1');
    });

    it('redis-cli runs a stdin pipe of commands', async () => {
      const l = activeLab();
      const run = await runInLab(
        l,
        'redis-cli',
        ['-h', l.guestAddress],
        'SET piped 1\nINCR piped\nGET piped\nDEL piped\n',
      );
      expect(run.stdout).toBe('OK\n2\n2\n1\n');
    });

    it('redis-cli --pipe mass-inserts 20,000 keys with no errors', async () => {
      const l = activeLab();
      let protocol = '';
      for (let i = 0; i < 20_000; i++) {
        const key = `mass:${i}`;
        const value = `value-${i}`;
        protocol += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;
      }
      const run = await runInLab(l, 'redis-cli', ['-h', l.guestAddress, '--pipe'], protocol);
      console.log(`[redis-compat] ${run.stdout.trim().split('\n').pop()}`);
      expect(run.stdout).toContain('errors: 0, replies: 20000');
      expect(await cli('GET', 'mass:19999')).toBe('value-19999\n');
    });

    it('redis-benchmark -t set,get,incr with 50 clients pipelining 16 requests completes every request', async () => {
      const l = activeLab();
      const before = server!.stats().commandsProcessed;
      const requests = 100_000;
      const run = await runInLab(l, 'redis-benchmark', [
        '-h',
        l.guestAddress,
        '-t',
        'set,get,incr',
        '-n',
        String(requests),
        '-c',
        '50',
        '-P',
        '16',
        '-q',
      ]);
      // -q prints one "NAME: <n> requests per second, p50=<ms> msec" line per test (after \r progress lines).
      const results = [
        ...run.stdout.matchAll(/(SET|GET|INCR): ([0-9.]+) requests per second(?:, p50=([0-9.]+) msec)?/g),
      ];
      for (const [, name, rps, p50] of results) {
        console.log(`[redis-compat] redis-benchmark ${name}: ${rps} requests/s, p50 ${p50 ?? '?'} ms`);
      }
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.stdout).not.toContain('Could not fetch server CONFIG'); // its start-up CONFIG GETs were answered
      expect(results.map((r) => r[1])).toEqual(['SET', 'GET', 'INCR']);
      for (const [, , rps] of results) expect(Number(rps)).toBeGreaterThan(0);
      const stats = server!.stats();
      // Three tests of `requests` each, plus the start-up CONFIG GETs.
      expect(stats.commandsProcessed - before).toBeGreaterThanOrEqual(3 * requests);
      expect(stats).toMatchObject({ protocolErrors: 0, internalErrors: 0, oomDrops: 0 });
      expect(await cli('GET', 'counter:__rand_int__')).toBe(`${requests}\n`);
    });
  },
);
