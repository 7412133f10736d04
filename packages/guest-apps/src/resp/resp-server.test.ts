/**
 * The key-value server over the simulated network: pipelining, binary safety, multi-MiB values over a lossy
 * link, inline commands, back-pressure toward a client that stops reading, connection ends, many clients and a
 * full heap. Every test also checks that no exception ever reached the framework's guard.
 */
import { SeededRandom, SimNetwork, type LinkOptions } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { RespTestClient, StreamClient, replyText } from '../testing/clients.ts';
import { SimGuest } from '../testing/sim-guest.ts';
import { RespServer, OUTPUT_HIGH_WATER } from './resp-server.ts';

const MiB = 1 << 20;
const LOSSY: LinkOptions = { delayMs: 2, bandwidthMbps: 1000, loss: 0.02, reorder: 0.02, duplicate: 0.01 };

function start(options: { link?: LinkOptions; memoryBytes?: number; seed?: number } = {}) {
  const net = new SimNetwork({ seed: options.seed ?? 9, link: options.link ?? { delayMs: 1 } });
  const server = new RespServer({ memoryBytes: options.memoryBytes ?? 32 * MiB });
  const guest = SimGuest.boot(net, { address: '10.0.0.2' }, [server]);
  const clientStack = net.addStack({ address: '10.0.0.1', seed: 2 });
  return { net, server, guest, clientStack, client: () => new RespTestClient(clientStack, '10.0.0.2') };
}

function randomBytes(seed: number, n: number): Uint8Array {
  const rng = new SeededRandom(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 4) {
    const v = rng.nextU32();
    out[i] = v;
    out[i + 1] = v >>> 8;
    out[i + 2] = v >>> 16;
    out[i + 3] = v >>> 24;
  }
  return out;
}

describe('RESP server', () => {
  it('answers 3,000 pipelined requests sent in one write, in order', () => {
    const { net, server, client } = start();
    const c = client();
    const commands: string[][] = [];
    for (let i = 0; i < 1000; i++)
      commands.push(['INCR', 'counter'], ['SET', `k${i}`, `v${i}`], ['GET', `k${i}`]);
    const replies = c.call(net, ...commands);
    expect(replies).toHaveLength(3000);
    for (let i = 0; i < 1000; i++) {
      expect(replies.slice(i * 3, i * 3 + 3)).toEqual([`:${i + 1}`, '+OK', `$v${i}`]);
    }
    expect(server.stats()).toMatchObject({ keys: 1001, commandsProcessed: 3000, internalErrors: 0 });
  });

  it('keeps keys and values binary-safe: all 256 byte values, CR LF and NUL included', () => {
    const { net, client } = start();
    const c = client();
    const key = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    const value = randomBytes(4, 70_000);
    expect(c.call(net, ['SET', key, value], ['EXISTS', key], ['STRLEN', key])).toEqual([
      '+OK',
      ':1',
      ':70000',
    ]);
    c.command('GET', key);
    net.runUntil(() => c.replies.length === 4);
    const got = c.replies[3];
    expect(got.type === 'bulk' && Buffer.compare(got.value!, value)).toBe(0);
    expect(c.call(net, ['GET', key.subarray(0, 255)], ['DEL', key], ['EXISTS', key])).toEqual([
      '$nil',
      ':1',
      ':0',
    ]);
  });

  it('stores and returns values of several MiB arriving in many segments over a lossy link', () => {
    const { net, server, client } = start({ link: LOSSY });
    const c = client();
    const big = randomBytes(6, 6 * MiB + 123);
    const other = randomBytes(7, 3 * MiB);
    c.command('SET', 'big', big);
    c.command('SET', 'other', other);
    c.command('GET', 'big');
    c.command('GET', 'other');
    c.command('STRLEN', 'big');
    net.runUntil(() => c.replies.length === 5);
    expect(c.replies.slice(0, 2).map(replyText)).toEqual(['+OK', '+OK']);
    const [gotBig, gotOther] = c.replies.slice(2, 4);
    expect(gotBig.type === 'bulk' && Buffer.compare(gotBig.value!, big)).toBe(0);
    expect(gotOther.type === 'bulk' && Buffer.compare(gotOther.value!, other)).toBe(0);
    expect(replyText(c.replies[4])).toBe(`:${big.length}`);
    expect(net.stats.lost).toBeGreaterThan(0);
    expect(c.call(net, ['DEL', 'big', 'other'])).toEqual([':2']);
    // The multi-MiB request and reply buffers went back to the heap with the values.
    expect(server.stats().heapUsedBytes).toBeLessThan(64 * 1024);
    expect(server.stats().internalErrors).toBe(0);
  });

  it('accepts inline commands, as telnet or a redis-cli pipe sends them', () => {
    const { net, client } = start();
    const c = client();
    c.raw('PING\r\nSET greeting "hello world"\r\n\r\nGET greeting\nINCRBY n 5\r\n');
    net.runUntil(() => c.replies.length === 4);
    expect(c.replies.map(replyText)).toEqual(['+PONG', '+OK', '$hello world', ':5']);
  });

  it('stops executing when a client does not read its replies, and delivers all of them when it does', () => {
    const { net, server, client } = start();
    const c = client();
    const value = randomBytes(8, 256 * 1024);
    expect(c.call(net, ['SET', 'v', value])).toEqual(['+OK']);
    c.stream.paused = true;
    for (let i = 0; i < 200; i++) c.command('GET', 'v');
    net.runFor(5000);
    const [state] = server.connectionStates();
    // One reply may overshoot the high-water mark; the other requests wait unread in TCP.
    expect(state.outputBytes).toBeLessThanOrEqual(OUTPUT_HIGH_WATER + value.length + 64);
    expect(server.stats().commandsProcessed).toBeLessThan(40);
    c.stream.resume();
    net.runUntil(() => c.replies.length === 201);
    for (const r of c.replies.slice(1)) expect(r.type === 'bulk' && Buffer.compare(r.value!, value)).toBe(0);
    expect(server.connectionStates()[0]).toMatchObject({ inputBytes: 0, outputBytes: 0 });
  });

  it('answers what was asked before the client half-closed, then closes; QUIT closes after +OK', () => {
    const { net, server, client } = start();
    const a = client();
    a.command('PING');
    a.command('INCR', 'x');
    a.stream.end();
    net.runUntil(() => a.stream.closed);
    expect(a.replies.map(replyText)).toEqual(['+PONG', ':1']);
    const b = client();
    expect(b.call(net, ['QUIT'])).toEqual(['+OK']);
    b.command('PING'); // after QUIT: never answered
    b.stream.end();
    net.runUntil(() => b.stream.closed);
    expect(b.replies).toHaveLength(1);
    net.runFor(10_000);
    expect(server.stats().connections).toBe(0);
  });

  it('serves 25 concurrent clients over a lossy link with one consistent key space', () => {
    const { net, server, client } = start({ link: LOSSY, seed: 12 });
    const clients = Array.from({ length: 25 }, () => client());
    clients.forEach((c, i) => {
      for (let j = 0; j < 40; j++) {
        c.command('INCR', 'shared');
        c.command('SET', `own:${i}:${j}`, `${i}-${j}`);
      }
      c.command('MGET', `own:${i}:0`, `own:${i}:39`);
    });
    net.runUntil(() => clients.every((c) => c.replies.length === 81));
    clients.forEach((c, i) => expect(replyText(c.replies[80])).toBe(`*[$${i}-0, $${i}-39]`));
    const finals = clients.flatMap((c) =>
      c.replies.filter((r) => r.type === 'integer').map((r) => Number(r.value)),
    );
    expect(new Set(finals).size).toBe(1000); // every INCR got a distinct value: 1..1000
    expect(Math.max(...finals)).toBe(1000);
    expect(server.stats()).toMatchObject({ keys: 1001, internalErrors: 0 });
  });

  it('a SET into a 50,000-key store dirties a handful of guest pages, not the structures it lives in', () => {
    const { net, guest, client } = start();
    const c = client();
    for (let batch = 0; batch < 50; batch++) {
      c.call(
        net,
        ...Array.from({ length: 1000 }, (_, i) => ['SET', `key:${batch * 1000 + i}`, `value-${i}`]),
      );
    }
    guest.memory.startDirtyLogging();
    const counts: number[] = [];
    for (let i = 0; i < 50; i++) {
      c.call(net, ['SET', `key:${(i * 7919) % 50_000}`, `new-${i}`], ['INCR', `n:${i}`]);
      counts.push(guest.memory.fetchAndClearDirty().length);
    }
    // Root, heap and dict headers (one page), the entries, their buckets (4-5 pages measured; 64k buckets = 64 pages).
    expect(Math.max(...counts)).toBeLessThanOrEqual(8);
  });

  it('a full heap gives -OOM for commands and resets a connection whose request cannot be buffered', () => {
    const { net, server, client } = start({ memoryBytes: 512 * 1024 });
    const c = client();
    const value = randomBytes(9, 60_000);
    let oom = '';
    for (let i = 0; i < 20 && !oom; i++) {
      const [r] = c.call(net, ['SET', `k${i}`, value]);
      if (r !== '+OK') oom = r;
    }
    expect(oom).toBe("-OOM command not allowed when used memory > 'maxmemory'.");
    expect(c.call(net, ['PING'], ['STRLEN', 'k0'])).toEqual(['+PONG', ':60000']);
    // A request far larger than the heap cannot even be buffered: that connection is reset, others carry on.
    const greedy = new StreamClient(net.addStack({ address: '10.0.0.3', seed: 5 }), '10.0.0.2', 6379);
    greedy.write('*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$2000000\r\n');
    greedy.write(new Uint8Array(2_000_000));
    net.runUntil(() => greedy.closed);
    expect(greedy.socket.error?.code).toBe('ECONNRESET');
    expect(c.call(net, ['DEL', 'k0', 'k1'], ['SET', 'after', value])).toEqual([':2', '+OK']);
    expect(server.stats()).toMatchObject({ oomDrops: 1, internalErrors: 0 });
  });
});
