/**
 * Command semantics, table-driven against the server running in a simulated guest: each case is a sequence of
 * commands (with virtual-time advances for expiry) and the exact reply each must get, with Redis 7's texts.
 * The link has no delay, so virtual time moves only where a case says so and TTL arithmetic is exact.
 */
import { SimNetwork } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { RespTestClient } from '../testing/clients.ts';
import { SimGuest } from '../testing/sim-guest.ts';
import { COMMANDS } from './commands.ts';
import { RespServer } from './resp-server.ts';

type Step = readonly [command: readonly string[], reply: string] | { readonly advanceMs: number };

interface Case {
  readonly name: string;
  readonly steps: readonly Step[];
}

const WRONG_ARGS = (c: string): string => `-ERR wrong number of arguments for '${c}' command`;
const NOT_INT = '-ERR value is not an integer or out of range';
const SYNTAX = '-ERR syntax error';
const OVERFLOW = '-ERR increment or decrement would overflow';

const CASES: readonly Case[] = [
  {
    name: 'PING and ECHO',
    steps: [
      [['PING'], '+PONG'],
      [['ping'], '+PONG'],
      [['PING', 'hello world'], '$hello world'],
      [['PING', 'a', 'b'], WRONG_ARGS('ping')],
      [['ECHO', 'x'], '$x'],
      [['ECHO'], WRONG_ARGS('echo')],
    ],
  },
  {
    name: 'GET and SET',
    steps: [
      [['GET', 'k'], '$nil'],
      [['SET', 'k', 'v'], '+OK'],
      [['GET', 'k'], '$v'],
      [['SET', 'k', ''], '+OK'],
      [['GET', 'k'], '$'],
      [['SET', 'k', 'v2'], '+OK'],
      [['GET', 'k'], '$v2'],
      [['GET'], WRONG_ARGS('get')],
      [['GET', 'a', 'b'], WRONG_ARGS('get')],
      [['SET', 'k'], WRONG_ARGS('set')],
    ],
  },
  {
    name: 'SET option errors',
    steps: [
      [['SET', 'k', 'v', 'BOGUS'], SYNTAX],
      [['SET', 'k', 'v', 'NX', 'XX'], SYNTAX],
      [['SET', 'k', 'v', 'EX'], SYNTAX],
      [['SET', 'k', 'v', 'EX', '10', 'PX', '100'], SYNTAX],
      [['SET', 'k', 'v', 'KEEPTTL', 'EX', '5'], SYNTAX],
      [['SET', 'k', 'v', 'EX', 'abc'], NOT_INT],
      [['SET', 'k', 'v', 'EX', '1.5'], NOT_INT],
      [['SET', 'k', 'v', 'EX', '0'], "-ERR invalid expire time in 'set' command"],
      [['SET', 'k', 'v', 'PX', '-5'], "-ERR invalid expire time in 'set' command"],
      [['SET', 'k', 'v', 'EX', '9223372036854775807'], "-ERR invalid expire time in 'set' command"],
      [['GET', 'k'], '$nil'],
    ],
  },
  {
    name: 'SET NX, XX and GET',
    steps: [
      [['SET', 'n', '1', 'NX'], '+OK'],
      [['SET', 'n', '2', 'NX'], '$nil'],
      [['GET', 'n'], '$1'],
      [['SET', 'x', '1', 'XX'], '$nil'],
      [['GET', 'x'], '$nil'],
      [['SET', 'n', '3', 'xx'], '+OK'],
      [['GET', 'n'], '$3'],
      [['SET', 'n', '4', 'GET'], '$3'],
      [['GET', 'n'], '$4'],
      [['SET', 'fresh', 'v', 'GET'], '$nil'],
      [['SET', 'n', '5', 'NX', 'GET'], '$4'],
      [['GET', 'n'], '$4'],
    ],
  },
  {
    name: 'SET EX expires on the virtual clock',
    steps: [
      [['SET', 'e', 'v', 'EX', '2'], '+OK'],
      [['TTL', 'e'], ':2'],
      [['PTTL', 'e'], ':2000'],
      { advanceMs: 1500 },
      [['PTTL', 'e'], ':500'],
      [['TTL', 'e'], ':1'],
      { advanceMs: 500 },
      [['GET', 'e'], '$v'],
      { advanceMs: 1 },
      [['GET', 'e'], '$nil'],
      [['TTL', 'e'], ':-2'],
      [['EXISTS', 'e'], ':0'],
    ],
  },
  {
    name: 'SET PX, PXAT and KEEPTTL',
    steps: [
      [['SET', 'p', 'v', 'PX', '100'], '+OK'],
      [['PTTL', 'p'], ':100'],
      { advanceMs: 101 },
      [['EXISTS', 'p'], ':0'],
      [['SET', 'past', 'v', 'PXAT', '1'], '+OK'],
      [['GET', 'past'], '$nil'],
      [['SET', 'k', 'v', 'EX', '100'], '+OK'],
      [['SET', 'k', 'v2', 'KEEPTTL'], '+OK'],
      [['TTL', 'k'], ':100'],
      [['SET', 'k', 'v3'], '+OK'],
      [['TTL', 'k'], ':-1'],
      [['TTL', 'missing'], ':-2'],
    ],
  },
  {
    name: 'INCR, DECR, INCRBY, DECRBY',
    steps: [
      [['INCR', 'c'], ':1'],
      [['INCR', 'c'], ':2'],
      [['INCRBY', 'c', '10'], ':12'],
      [['DECR', 'c'], ':11'],
      [['DECRBY', 'c', '20'], ':-9'],
      [['GET', 'c'], '$-9'],
      [['INCRBY', 'c', '-1'], ':-10'],
      [['INCR'], WRONG_ARGS('incr')],
      [['INCRBY', 'c'], WRONG_ARGS('incrby')],
    ],
  },
  {
    name: 'integer rules: only canonical int64 values count',
    steps: [
      [['SET', 's', 'abc'], '+OK'],
      [['INCR', 's'], NOT_INT],
      [['SET', 's', ' 1'], '+OK'],
      [['INCR', 's'], NOT_INT],
      [['SET', 's', '01'], '+OK'],
      [['INCR', 's'], NOT_INT],
      [['SET', 's', '+1'], '+OK'],
      [['INCR', 's'], NOT_INT],
      [['SET', 's', '-0'], '+OK'],
      [['DECR', 's'], NOT_INT],
      [['SET', 's', '1.5'], '+OK'],
      [['INCR', 's'], NOT_INT],
      [['SET', 's', '123456789012345678901'], '+OK'],
      [['INCR', 's'], NOT_INT],
      [['GET', 's'], '$123456789012345678901'],
      [['INCRBY', 'c', 'abc'], NOT_INT],
      [['INCRBY', 'c', '9223372036854775808'], NOT_INT],
      [['SET', 'z', '0'], '+OK'],
      [['INCR', 'z'], ':1'],
    ],
  },
  {
    name: 'int64 overflow is refused and leaves the value',
    steps: [
      [['SET', 'big', '9223372036854775807'], '+OK'],
      [['INCR', 'big'], OVERFLOW],
      [['INCRBY', 'big', '-1'], ':9223372036854775806'],
      [['INCRBY', 'big', '2'], OVERFLOW],
      [['GET', 'big'], '$9223372036854775806'],
      [['SET', 'small', '-9223372036854775808'], '+OK'],
      [['DECR', 'small'], OVERFLOW],
      [['DECRBY', 'x', '-9223372036854775808'], '-ERR decrement would overflow'],
      [['INCRBY', 'x', '-9223372036854775808'], ':-9223372036854775808'],
    ],
  },
  {
    name: 'INCR keeps the TTL',
    steps: [
      [['SET', 't', '5', 'EX', '100'], '+OK'],
      [['INCR', 't'], ':6'],
      [['TTL', 't'], ':100'],
    ],
  },
  {
    name: 'DEL, EXISTS, MGET, MSET',
    steps: [
      [['MSET', 'a', '1', 'b', '2', 'c', '3'], '+OK'],
      [['EXISTS', 'a', 'b', 'x', 'a'], ':3'],
      [['MGET', 'a', 'x', 'c'], '*[$1, $nil, $3]'],
      [['DEL', 'a', 'x', 'b'], ':2'],
      [['EXISTS', 'a', 'b', 'c'], ':1'],
      [['DEL'], WRONG_ARGS('del')],
      [['EXISTS'], WRONG_ARGS('exists')],
      [['MSET', 'a'], WRONG_ARGS('mset')],
      [['MSET', 'a', '1', 'b'], WRONG_ARGS('mset')],
      [['MGET'], WRONG_ARGS('mget')],
    ],
  },
  {
    name: 'DBSIZE, FLUSHALL, FLUSHDB',
    steps: [
      [['DBSIZE'], ':0'],
      [['MSET', 'a', '1', 'b', '2'], '+OK'],
      [['DBSIZE'], ':2'],
      [['FLUSHALL'], '+OK'],
      [['DBSIZE'], ':0'],
      [['GET', 'a'], '$nil'],
      [['SET', 'a', '1'], '+OK'],
      [['FLUSHDB', 'ASYNC'], '+OK'],
      [['DBSIZE'], ':0'],
      [['FLUSHALL', 'bogus'], SYNTAX],
      [['DBSIZE', 'x'], WRONG_ARGS('dbsize')],
    ],
  },
  {
    name: 'EXPIRE, PEXPIRE, PERSIST and their options',
    steps: [
      [['SET', 'k', 'v'], '+OK'],
      [['EXPIRE', 'k', '10'], ':1'],
      [['TTL', 'k'], ':10'],
      [['EXPIRE', 'k', '20', 'NX'], ':0'],
      [['EXPIRE', 'k', '5', 'XX'], ':1'],
      [['EXPIRE', 'k', '50', 'GT'], ':1'],
      [['TTL', 'k'], ':50'],
      [['EXPIRE', 'k', '100', 'LT'], ':0'],
      [['PEXPIRE', 'k', '1500'], ':1'],
      [['PTTL', 'k'], ':1500'],
      [['PERSIST', 'k'], ':1'],
      [['PERSIST', 'k'], ':0'],
      [['TTL', 'k'], ':-1'],
      [['EXPIRE', 'k', '10', 'GT'], ':0'],
      [
        ['EXPIRE', 'k', '10', 'NX', 'XX'],
        '-ERR NX and XX, GT or LT options at the same time are not compatible',
      ],
      [['EXPIRE', 'k', '10', 'GT', 'LT'], '-ERR GT and LT options at the same time are not compatible'],
      [['EXPIRE', 'k', '10', 'BAD'], '-ERR Unsupported option BAD'],
      [['EXPIRE', 'k', 'x'], NOT_INT],
      [['EXPIRE', 'missing', '10'], ':0'],
      [['EXPIRE', 'k', '-1'], ':1'],
      [['EXISTS', 'k'], ':0'],
    ],
  },
  {
    name: 'APPEND and STRLEN',
    steps: [
      [['APPEND', 's', 'abc'], ':3'],
      [['APPEND', 's', 'de'], ':5'],
      [['GET', 's'], '$abcde'],
      [['STRLEN', 's'], ':5'],
      [['STRLEN', 'none'], ':0'],
    ],
  },
  {
    name: 'unknown commands and arity',
    steps: [
      [['FOO', 'bar', 'baz'], "-ERR unknown command 'FOO', with args beginning with: 'bar' 'baz' "],
      [['NOPE'], "-ERR unknown command 'NOPE', with args beginning with: "],
      [['GET', 'k'], '$nil'],
    ],
  },
  {
    name: 'what redis-cli and redis-benchmark ask at start-up, and other harmless administration',
    steps: [
      [['COMMAND', 'DOCS'], '*[]'],
      [['COMMAND', 'COUNT'], `:${COMMANDS.size}`],
      [['CONFIG', 'GET', 'save'], '*[$save, $]'],
      [['CONFIG', 'GET', 'appendonly'], '*[$appendonly, $no]'],
      [['CONFIG', 'GET', 'maxmemory*'], '*[$maxmemory, $0, $maxmemory-policy, $noeviction]'],
      [['CONFIG', 'GET', 'nothing-like-this'], '*[]'],
      [['CONFIG', 'SET', 'save', ''], '-ERR Unsupported CONFIG parameter: save'],
      [['SELECT', '0'], '+OK'],
      [['SELECT', '1'], '-ERR DB index is out of range'],
      [['SELECT', 'x'], NOT_INT],
      [['CLIENT', 'SETNAME', 'bench'], '+OK'],
      [['HELLO', '3'], '-NOPROTO sorry, this protocol version is not supported'],
    ],
  },
];

function start(): { net: SimNetwork; server: RespServer; client: RespTestClient } {
  const net = new SimNetwork({ seed: 3 });
  const server = new RespServer({ memoryBytes: 4 << 20 });
  SimGuest.boot(net, { address: '10.0.0.2' }, [server]);
  const client = new RespTestClient(net.addStack({ address: '10.0.0.1', seed: 2 }), '10.0.0.2');
  return { net, server, client };
}

describe('RESP command semantics', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { net, server, client } = start();
      net.runFor(10);
      for (const step of c.steps) {
        if ('advanceMs' in step) {
          net.runFor(step.advanceMs);
          continue;
        }
        const [command, reply] = step;
        expect([command.join(' '), client.call(net, [...command])[0]]).toEqual([command.join(' '), reply]);
      }
      expect(server.stats().internalErrors).toBe(0);
    });
  }

  it('INFO reports the server, its clients, memory, counters and key space', () => {
    const { net, client } = start();
    client.call(
      net,
      ['MSET', 'a', '1', 'b', '2'],
      ['SET', 'c', 'v', 'EX', '100'],
      ['GET', 'a'],
      ['GET', 'nope'],
    );
    const [info] = client.call(net, ['INFO']);
    expect(info).toMatch(/^\$# Server\r\nredis_version:7\.0\.0\r\n/);
    expect(info).toContain('connected_clients:1\r\n');
    expect(info).toContain('keyspace_hits:1\r\nkeyspace_misses:1\r\n');
    expect(info).toContain('total_commands_processed:4\r\n');
    expect(info).toContain('db0:keys=3,expires=1,avg_ttl=0\r\n');
    expect(client.call(net, ['INFO', 'keyspace'])[0]).toBe(
      '$# Keyspace\r\ndb0:keys=3,expires=1,avg_ttl=0\r\n',
    );
  });

  it('active expiry reclaims expired keys that nobody reads again', () => {
    const { net, server, client } = start();
    const sets = Array.from({ length: 200 }, (_, i) => ['SET', `tmp:${i}`, 'x', 'PX', '50']);
    client.call(net, ...sets, ['SET', 'keep', 'v']);
    expect(server.stats().keys).toBe(201);
    net.runFor(100);
    // Every command checks a couple of buckets: a few hundred unrelated commands sweep the whole table.
    client.call(net, ...Array.from({ length: 300 }, () => ['PING']));
    expect(server.stats()).toMatchObject({ keys: 1, expiringKeys: 0, expiredKeys: 200 });
    expect(client.call(net, ['DBSIZE'])).toEqual([':1']);
  });
});
