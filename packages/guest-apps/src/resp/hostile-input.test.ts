/**
 * Bad input never crashes the server: random bytes, mutated and truncated requests, huge and negative lengths.
 * Each offending connection gets Redis's protocol error (and is closed) or just waits for more bytes; a
 * well-behaved client on another connection keeps working throughout, no exception reaches the framework's
 * guard, and once the offenders are gone the heap holds exactly what it held before.
 */
import { SeededRandom, SimNetwork } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { GuestHeap } from '../heap/guest-heap.ts';
import { RespTestClient, StreamClient, replyText } from '../testing/clients.ts';
import { SimGuest } from '../testing/sim-guest.ts';
import { encodeCommand as encodeRespCommand } from '@vmha/resp';
import { RespServer } from './resp-server.ts';

function start(seed: number) {
  // No loss: an offender's RST lost on the way would leave a half-open connection (no keepalive), which is TCP,
  // not the server, and would muddle the no-leak check. Loss is covered by the other server tests.
  const net = new SimNetwork({ seed, link: { delayMs: 1 } });
  const server = new RespServer({ memoryBytes: 16 << 20 });
  // A short MSL: connections the server closed first linger in TIME-WAIT (2 MSL), and their records with them.
  const guest = SimGuest.boot(net, { address: '10.0.0.2', stack: { mslMs: 500 } }, [server]);
  const good = new RespTestClient(net.addStack({ address: '10.0.0.1', seed: 2 }), '10.0.0.2');
  const hostile = net.addStack({ address: '10.0.0.3', seed: 3, mslMs: 200 });
  return { net, server, guest, good, hostile };
}

const VALID = [
  ['SET', 'h:key', 'value'],
  ['GET', 'h:key'],
  ['MSET', 'h:a', '1', 'h:b', '2'],
  ['INCRBY', 'h:n', '7'],
  ['SET', 'h:e', 'v', 'EX', '10', 'NX'],
  ['MGET', 'h:a', 'h:b', 'h:c'],
].map((c) => encodeRespCommand(c));

/** Garbage of several flavours: pure noise, noise behind `*` or `$`, and valid requests mutated or cut. */
function garbage(rng: SeededRandom): Uint8Array {
  const flavour = rng.nextU32() % 5;
  const length = 1 + (rng.nextU32() % 3000);
  if (flavour <= 1) {
    const out = Uint8Array.from({ length }, () => rng.nextU32() & 0xff);
    if (flavour === 1) out[0] = rng.next() < 0.5 ? 0x2a : 0x24;
    return out;
  }
  const parts: number[] = [];
  while (parts.length < length) parts.push(...VALID[rng.nextU32() % VALID.length]);
  const out = Uint8Array.from(parts);
  const mutations = 1 + (rng.nextU32() % 4);
  for (let i = 0; i < mutations; i++) {
    const at = rng.nextU32() % out.length;
    if (flavour === 2)
      out[at] = rng.nextU32() & 0xff; // flip a byte
    else if (flavour === 3) out[at] = [0x2d, 0x39, 0x0d, 0x0a, 0x24, 0x2a][rng.nextU32() % 6]; // plausible-looking damage
  }
  return flavour === 4 ? out.subarray(0, rng.nextU32() % out.length) : out; // truncated mid-frame
}

function heapOf(guest: SimGuest): GuestHeap {
  return GuestHeap.open(guest.memory, guest.envs[0].region);
}

describe('hostile RESP input', () => {
  it('300 connections of random, mutated and truncated bytes: no crash, no leak, a good client unaffected', () => {
    const { net, server, guest, good, hostile } = start(31);
    expect(good.call(net, ['FLUSHALL'])).toEqual(['+OK']);
    const baseline = server.stats().heapUsedBytes;
    const rng = new SeededRandom(77);
    let expected = 0;
    for (let wave = 0; wave < 15; wave++) {
      const offenders = Array.from({ length: 20 }, () => {
        const c = new StreamClient(hostile, '10.0.0.2', 6379);
        c.write(garbage(rng));
        if (rng.next() < 0.7) c.end(); // the rest stay open, mid-frame, until aborted below
        return c;
      });
      for (let i = 0; i < 5; i++)
        expect(good.call(net, ['INCR', 'good:counter'])).toEqual([`:${++expected}`]);
      net.runFor(2000);
      hostile.run(() => offenders.filter((c) => !c.closed).forEach((c) => c.socket.abort()));
    }
    net.runFor(5000);
    expect(server.stats()).toMatchObject({ connections: 1, internalErrors: 0, oomDrops: 0 });
    expect(server.stats().protocolErrors).toBeGreaterThan(50);
    expect(good.call(net, ['GET', 'good:counter'], ['FLUSHALL'])).toEqual([`$${expected}`, '+OK']);
    expect(server.stats().heapUsedBytes).toBe(baseline);
    heapOf(guest).check();
  });

  it.each([
    ['a negative bulk length', '*1\r\n$-5\r\n', '-ERR Protocol error: invalid bulk length'],
    [
      'a bulk length past 512 MB',
      '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$99999999999\r\n',
      '-ERR Protocol error: invalid bulk length',
    ],
    ['a huge array length', '*1000000000\r\n', '-ERR Protocol error: invalid multibulk length'],
    ['a non-numeric array length', '*x\r\n', '-ERR Protocol error: invalid multibulk length'],
    ['a simple string where a bulk belongs', '*1\r\n+PING\r\n', "-ERR Protocol error: expected '$', got '+'"],
    ['an endless inline line', 'x'.repeat(70_000), '-ERR Protocol error: too big inline request'],
    ['unbalanced quotes', 'SET k "v\r\n', '-ERR Protocol error: unbalanced quotes in request'],
  ])('%s gets the protocol error and the connection is closed', (_name, input, error) => {
    const { net, server, good } = start(5);
    const bad = new RespTestClient(net.addStack({ address: '10.0.0.4', seed: 4 }), '10.0.0.2');
    bad.raw(`PING\r\n${input}`);
    bad.raw('PING\r\n'); // after the error: never executed
    net.runUntil(() => bad.stream.ended);
    expect(bad.replies.map(replyText)).toEqual(['+PONG', error]);
    expect(good.call(net, ['PING'])).toEqual(['+PONG']);
    expect(server.stats()).toMatchObject({ protocolErrors: 1, internalErrors: 0 });
  });

  it('an empty or negative-length array is skipped, as Redis does', () => {
    const { net, good } = start(6);
    good.raw('*0\r\n*-1\r\nPING\r\n');
    net.runUntil(() => good.replies.length === 1);
    expect(good.replies.map(replyText)).toEqual(['+PONG']);
  });

  it('a frame that stops halfway waits in guest memory; its connection ending frees it', () => {
    const { net, server, guest, good } = start(8);
    expect(good.call(net, ['PING'])).toEqual(['+PONG']);
    const baseline = server.stats().heapUsedBytes;
    const slow = new StreamClient(net.addStack({ address: '10.0.0.5', seed: 5 }), '10.0.0.2', 6379);
    const frame = encodeRespCommand(['SET', 'half', new Uint8Array(300_000).fill(0x41)]);
    slow.write(frame.subarray(0, 200_000));
    net.runFor(1000);
    const pending = server.connectionStates().find((s) => s.inputBytes > 0);
    expect(pending?.inputBytes).toBe(200_000);
    slow.end();
    net.runUntil(() => slow.closed);
    net.runFor(1000);
    expect(server.stats()).toMatchObject({ connections: 1, keys: 0, internalErrors: 0 });
    expect(server.stats().heapUsedBytes).toBe(baseline);
    heapOf(guest).check();
  });
});
