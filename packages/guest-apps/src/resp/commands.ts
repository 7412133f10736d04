/**
 * The commands of the key-value server, with Redis 7's semantics and error texts for the string type: arity
 * checks, SET options (EX/PX/EXAT/PXAT/NX/XX/KEEPTTL/GET), int64 arithmetic with overflow checks, expiry against
 * the guest's virtual clock, and the harmless answers redis-cli and redis-benchmark ask for at start-up
 * (COMMAND DOCS, CONFIG GET save/appendonly).
 */
import type { GuestMemory } from '@vmha/machine';
import { GuestHeapExhaustedError } from '../heap/heap-errors.ts';
import { KEEP_EXPIRY, type KvStore } from './kv-store.ts';
import { INT64_MAX, INT64_MIN, addInt64, formatInteger, parseInt64 } from './redis-integer.ts';
import type { ReplyWriter } from './reply-writer.ts';

export const ERR = {
  notInteger: 'ERR value is not an integer or out of range',
  overflow: 'ERR increment or decrement would overflow',
  syntax: 'ERR syntax error',
  oom: "OOM command not allowed when used memory > 'maxmemory'.",
} as const;

/** What a command can use: the key space, the reply, the clock and the connection. */
export interface CommandContext {
  readonly store: KvStore;
  readonly memory: GuestMemory;
  readonly reply: ReplyWriter;
  /** Virtual time in whole milliseconds. */
  readonly now: number;
  readonly clientId: number;
  readonly port: number;
  /** Reply, then close the connection (QUIT). */
  closeAfterReply(): void;
  /** Counts a read that found (true) or missed (false) its key, for INFO's keyspace_hits/misses. */
  countLookup(hit: boolean): void;
  /** INFO text for a section name (lower case; "default" for none). */
  info(section: string): string;
}

interface CommandSpec {
  /** Redis arity: n means exactly n arguments (name included), -n at least n. */
  readonly arity: number;
  run(ctx: CommandContext, args: Uint8Array[]): void;
}

const OK = 'OK';

function text(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function upper(bytes: Uint8Array): string {
  return bytes.length > 32 ? '' : text(bytes).toUpperCase();
}

/** The live entry for `key` (0 if none), counting the hit or miss. */
function read(ctx: CommandContext, key: Uint8Array): number {
  const e = ctx.store.lookup(key, ctx.now);
  ctx.countLookup(e !== 0);
  return e;
}

function replyValue(ctx: CommandContext, e: number): void {
  if (e === 0) ctx.reply.nullBulk();
  else ctx.reply.bulkFromGuest(ctx.memory, ctx.store.valueAddress(e), ctx.store.valueLength(e));
}

/**
 * Turns a relative (EX/PX) or absolute (EXAT/PXAT) expiry argument into virtual ms, or an error reply text.
 * Redis rejects non-positive values and anything whose millisecond form leaves int64.
 */
function expiryFrom(
  ctx: CommandContext,
  arg: Uint8Array,
  unit: 'EX' | 'PX' | 'EXAT' | 'PXAT',
  command: string,
): { ok: true; at: number } | { ok: false; error: string } {
  const n = parseInt64(arg);
  if (n === undefined) return { ok: false, error: ERR.notInteger };
  const invalid = { ok: false as const, error: `ERR invalid expire time in '${command}' command` };
  if (n <= 0n) return invalid;
  const seconds = unit === 'EX' || unit === 'EXAT';
  if (seconds && n > INT64_MAX / 1000n) return invalid;
  let ms = seconds ? n * 1000n : n;
  if (unit === 'EX' || unit === 'PX') ms += BigInt(ctx.now);
  if (ms > INT64_MAX) return invalid;
  return { ok: true, at: Number(ms) };
}

function set(ctx: CommandContext, args: Uint8Array[]): void {
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let unit: 'EX' | 'PX' | 'EXAT' | 'PXAT' | undefined;
  let expiryArg: Uint8Array | undefined;
  for (let i = 3; i < args.length; i++) {
    const opt = upper(args[i]);
    if (opt === 'NX' && !xx) nx = true;
    else if (opt === 'XX' && !nx) xx = true;
    else if (opt === 'GET') get = true;
    else if (opt === 'KEEPTTL' && unit === undefined) keepTtl = true;
    else if (
      (opt === 'EX' || opt === 'PX' || opt === 'EXAT' || opt === 'PXAT') &&
      !keepTtl &&
      !unit &&
      i + 1 < args.length
    ) {
      unit = opt;
      expiryArg = args[++i];
    } else {
      ctx.reply.error(ERR.syntax);
      return;
    }
  }
  let expireAt = keepTtl ? KEEP_EXPIRY : 0;
  if (unit && expiryArg) {
    const parsed = expiryFrom(ctx, expiryArg, unit, 'set');
    if (!parsed.ok) {
      ctx.reply.error(parsed.error);
      return;
    }
    expireAt = parsed.at;
  }
  const [, key, value] = args;
  const e = ctx.store.lookup(key, ctx.now);
  const old = get && e !== 0 ? ctx.store.value(e) : undefined;
  const blocked = (nx && e !== 0) || (xx && e === 0);
  if (!blocked) {
    if (expireAt !== KEEP_EXPIRY && expireAt !== 0 && expireAt <= ctx.now) ctx.store.delete(key, ctx.now);
    else ctx.store.set(key, value, expireAt);
  }
  if (get) {
    if (old) ctx.reply.bulk(old);
    else ctx.reply.nullBulk();
  } else if (blocked) ctx.reply.nullBulk();
  else ctx.reply.simple(OK);
}

function incrBy(ctx: CommandContext, key: Uint8Array, delta: bigint): void {
  const e = ctx.store.lookup(key, ctx.now);
  let current = 0n;
  if (e !== 0) {
    const parsed = ctx.store.valueLength(e) > 20 ? undefined : parseInt64(ctx.store.value(e));
    if (parsed === undefined) {
      ctx.reply.error(ERR.notInteger);
      return;
    }
    current = parsed;
  }
  const sum = addInt64(current, delta);
  if (sum === undefined) {
    ctx.reply.error(ERR.overflow);
    return;
  }
  ctx.store.set(key, formatInteger(sum), KEEP_EXPIRY); // INCR keeps the key's TTL
  ctx.reply.integer(sum);
}

function deltaArg(ctx: CommandContext, arg: Uint8Array): bigint | undefined {
  const n = parseInt64(arg);
  if (n === undefined) ctx.reply.error(ERR.notInteger);
  return n;
}

function expire(ctx: CommandContext, args: Uint8Array[], unit: 'EX' | 'PX', command: string): void {
  const flags = new Set<string>();
  for (const a of args.slice(3)) {
    const f = upper(a);
    if (f !== 'NX' && f !== 'XX' && f !== 'GT' && f !== 'LT') {
      ctx.reply.error(`ERR Unsupported option ${text(a)}`);
      return;
    }
    flags.add(f);
  }
  if (flags.has('NX') && flags.size > 1) {
    ctx.reply.error('ERR NX and XX, GT or LT options at the same time are not compatible');
    return;
  }
  if (flags.has('GT') && flags.has('LT')) {
    ctx.reply.error('ERR GT and LT options at the same time are not compatible');
    return;
  }
  const n = parseInt64(args[2]);
  if (n === undefined) {
    ctx.reply.error(ERR.notInteger);
    return;
  }
  const ms = unit === 'EX' ? n * 1000n : n;
  const at = BigInt(ctx.now) + ms;
  if (
    (unit === 'EX' && (n > INT64_MAX / 1000n || n < INT64_MIN / 1000n)) ||
    at > INT64_MAX ||
    at < INT64_MIN
  ) {
    ctx.reply.error(`ERR invalid expire time in '${command}' command`);
    return;
  }
  const e = ctx.store.lookup(args[1], ctx.now);
  if (e === 0) {
    ctx.reply.integer(0);
    return;
  }
  const current = ctx.store.expireAt(e); // 0: persistent, i.e. an infinite TTL for GT/LT
  const when = Number(at);
  const refused =
    (flags.has('NX') && current !== 0) ||
    (flags.has('XX') && current === 0) ||
    (flags.has('GT') && (current === 0 || when <= current)) ||
    (flags.has('LT') && current !== 0 && when >= current);
  if (refused) ctx.reply.integer(0);
  else {
    if (when <= ctx.now)
      ctx.store.delete(args[1], ctx.now); // already expired: deleted at once, as Redis does
    else ctx.store.setExpireAt(e, when);
    ctx.reply.integer(1);
  }
}

function ttl(ctx: CommandContext, key: Uint8Array, unit: 'EX' | 'PX'): void {
  const e = read(ctx, key);
  if (e === 0) ctx.reply.integer(-2);
  else {
    const at = ctx.store.expireAt(e);
    if (at === 0) ctx.reply.integer(-1);
    else {
      const left = Math.max(0, at - ctx.now);
      ctx.reply.integer(unit === 'PX' ? left : Math.floor((left + 500) / 1000));
    }
  }
}

/** Redis glob matching (stringmatchlen) for CONFIG GET patterns: `*`, `?`, `[...]` and `\x`. */
function globToRegExp(pattern: string): RegExp {
  const literal = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const close = c === '[' ? pattern.indexOf(']', i + 1) : -1;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '\\' && i + 1 < pattern.length) re += literal(pattern[++i]);
    else if (close > i + 1) {
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${[...body].map((ch) => (ch === '-' ? '-' : literal(ch))).join('')}]`;
      i = close;
    } else re += literal(c);
  }
  return new RegExp(`^${re}$`, 'i');
}

function config(ctx: CommandContext, args: Uint8Array[]): void {
  const sub = upper(args[1]);
  if (sub === 'GET' && args.length >= 3) {
    const params: Record<string, string> = {
      save: '',
      appendonly: 'no',
      databases: '1',
      maxmemory: '0',
      'maxmemory-policy': 'noeviction',
      port: String(ctx.port),
      'proto-max-bulk-len': String(512 * 1024 * 1024),
    };
    const matches = new Map<string, string>();
    for (const p of args.slice(2)) {
      const re = globToRegExp(text(p));
      for (const [k, v] of Object.entries(params)) if (re.test(k)) matches.set(k, v);
    }
    ctx.reply.array(matches.size * 2);
    for (const [k, v] of matches) {
      ctx.reply.bulkText(k);
      ctx.reply.bulkText(v);
    }
  } else if (sub === 'RESETSTAT' && args.length === 2) ctx.reply.simple(OK);
  else if (sub === 'SET' && args.length >= 4)
    ctx.reply.error(`ERR Unsupported CONFIG parameter: ${text(args[2])}`);
  else if (sub === 'GET' || sub === 'SET' || sub === 'RESETSTAT') {
    ctx.reply.error(`ERR wrong number of arguments for 'config|${sub.toLowerCase()}' command`);
  } else ctx.reply.error(`ERR unknown subcommand '${text(args[1])}'. Try CONFIG HELP.`);
}

function flush(ctx: CommandContext, args: Uint8Array[]): void {
  const mode = args.length > 1 ? upper(args[1]) : 'SYNC';
  if (args.length > 2 || (mode !== 'SYNC' && mode !== 'ASYNC')) {
    ctx.reply.error(ERR.syntax);
    return;
  }
  ctx.store.flush();
  ctx.reply.simple(OK);
}

export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map<string, CommandSpec>([
  [
    'ping',
    {
      arity: -1,
      run(ctx, args) {
        if (args.length > 2) ctx.reply.error("ERR wrong number of arguments for 'ping' command");
        else if (args.length === 2) ctx.reply.bulk(args[1]);
        else ctx.reply.simple('PONG');
      },
    },
  ],
  ['echo', { arity: 2, run: (ctx, args) => ctx.reply.bulk(args[1]) }],
  ['get', { arity: 2, run: (ctx, args) => replyValue(ctx, read(ctx, args[1])) }],
  ['set', { arity: -3, run: set }],
  [
    'strlen',
    {
      arity: 2,
      run(ctx, args) {
        const e = read(ctx, args[1]);
        ctx.reply.integer(e === 0 ? 0 : ctx.store.valueLength(e));
      },
    },
  ],
  [
    'append',
    {
      arity: 3,
      run(ctx, args) {
        const e = ctx.store.lookup(args[1], ctx.now);
        const old = e === 0 ? new Uint8Array(0) : ctx.store.value(e);
        const joined = new Uint8Array(old.length + args[2].length);
        joined.set(old);
        joined.set(args[2], old.length);
        ctx.store.set(args[1], joined, e === 0 ? 0 : KEEP_EXPIRY);
        ctx.reply.integer(joined.length);
      },
    },
  ],
  [
    'del',
    {
      arity: -2,
      run(ctx, args) {
        let n = 0;
        for (const key of args.slice(1)) if (ctx.store.delete(key, ctx.now)) n++;
        ctx.reply.integer(n);
      },
    },
  ],
  [
    'exists',
    {
      arity: -2,
      run(ctx, args) {
        let n = 0;
        for (const key of args.slice(1)) if (ctx.store.lookup(key, ctx.now) !== 0) n++;
        ctx.reply.integer(n);
      },
    },
  ],
  ['incr', { arity: 2, run: (ctx, args) => incrBy(ctx, args[1], 1n) }],
  ['decr', { arity: 2, run: (ctx, args) => incrBy(ctx, args[1], -1n) }],
  [
    'incrby',
    {
      arity: 3,
      run(ctx, args) {
        const d = deltaArg(ctx, args[2]);
        if (d !== undefined) incrBy(ctx, args[1], d);
      },
    },
  ],
  [
    'decrby',
    {
      arity: 3,
      run(ctx, args) {
        const d = deltaArg(ctx, args[2]);
        if (d === undefined) return;
        if (d === INT64_MIN) ctx.reply.error('ERR decrement would overflow');
        else incrBy(ctx, args[1], -d);
      },
    },
  ],
  [
    'mget',
    {
      arity: -2,
      run(ctx, args) {
        ctx.reply.array(args.length - 1);
        for (const key of args.slice(1)) replyValue(ctx, read(ctx, key));
      },
    },
  ],
  [
    'mset',
    {
      arity: -3,
      run(ctx, args) {
        if (args.length % 2 === 0) {
          ctx.reply.error("ERR wrong number of arguments for 'mset' command");
          return;
        }
        for (let i = 1; i < args.length; i += 2) ctx.store.set(args[i], args[i + 1], 0);
        ctx.reply.simple(OK);
      },
    },
  ],
  ['expire', { arity: -3, run: (ctx, args) => expire(ctx, args, 'EX', 'expire') }],
  ['pexpire', { arity: -3, run: (ctx, args) => expire(ctx, args, 'PX', 'pexpire') }],
  ['ttl', { arity: 2, run: (ctx, args) => ttl(ctx, args[1], 'EX') }],
  ['pttl', { arity: 2, run: (ctx, args) => ttl(ctx, args[1], 'PX') }],
  [
    'persist',
    {
      arity: 2,
      run(ctx, args) {
        const e = ctx.store.lookup(args[1], ctx.now);
        const had = e !== 0 && ctx.store.expireAt(e) !== 0;
        if (had) ctx.store.setExpireAt(e, 0);
        ctx.reply.integer(had ? 1 : 0);
      },
    },
  ],
  ['dbsize', { arity: 1, run: (ctx) => ctx.reply.integer(ctx.store.size) }],
  ['flushall', { arity: -1, run: flush }],
  ['flushdb', { arity: -1, run: flush }],
  [
    'select',
    {
      arity: 2,
      run(ctx, args) {
        const n = parseInt64(args[1]);
        if (n === undefined) ctx.reply.error(ERR.notInteger);
        else if (n !== 0n) ctx.reply.error('ERR DB index is out of range');
        else ctx.reply.simple(OK);
      },
    },
  ],
  [
    'info',
    {
      arity: -1,
      run(ctx, args) {
        const sections = args.length > 1 ? args.slice(1).map((a) => text(a).toLowerCase()) : ['default'];
        ctx.reply.bulkText(sections.map((s) => ctx.info(s)).join(''));
      },
    },
  ],
  [
    'command',
    {
      arity: -1,
      run(ctx, args) {
        const sub = args.length > 1 ? upper(args[1]) : '';
        if (sub === 'COUNT') ctx.reply.integer(COMMANDS.size);
        else if (sub === 'LIST') {
          ctx.reply.array(COMMANDS.size);
          for (const name of COMMANDS.keys()) ctx.reply.bulkText(name);
        } else if (sub === '' || sub === 'DOCS' || sub === 'INFO')
          ctx.reply.array(0); // clients fall back to built-in hints
        else ctx.reply.error(`ERR unknown subcommand '${text(args[1])}'. Try COMMAND HELP.`);
      },
    },
  ],
  ['config', { arity: -2, run: config }],
  [
    'client',
    {
      arity: -2,
      run(ctx, args) {
        const sub = upper(args[1]);
        if (sub === 'ID' && args.length === 2) ctx.reply.integer(ctx.clientId);
        else if (sub === 'GETNAME' && args.length === 2) ctx.reply.nullBulk();
        else if ((sub === 'SETNAME' && args.length === 3) || (sub === 'SETINFO' && args.length === 4)) {
          ctx.reply.simple(OK); // accepted and forgotten: names are not state this server keeps
        } else ctx.reply.error(`ERR unknown subcommand '${text(args[1])}'. Try CLIENT HELP.`);
      },
    },
  ],
  [
    'hello',
    {
      arity: -1,
      run(ctx, args) {
        if (args.length > 1) {
          const version = parseInt64(args[1]);
          if (version === undefined) {
            ctx.reply.error('ERR Protocol version is not an integer or out of range');
            return;
          }
          if (version !== 2n) {
            ctx.reply.error('NOPROTO sorry, this protocol version is not supported');
            return;
          }
        }
        const fields: Array<[string, string | number]> = [
          ['server', 'redis'],
          ['version', REDIS_VERSION],
          ['proto', 2],
          ['id', ctx.clientId],
          ['mode', 'standalone'],
          ['role', 'master'],
        ];
        ctx.reply.array(fields.length * 2 + 2);
        for (const [k, v] of fields) {
          ctx.reply.bulkText(k);
          if (typeof v === 'number') ctx.reply.integer(v);
          else ctx.reply.bulkText(v);
        }
        ctx.reply.bulkText('modules');
        ctx.reply.array(0);
      },
    },
  ],
  [
    'quit',
    {
      arity: -1,
      run(ctx) {
        ctx.reply.simple(OK);
        ctx.closeAfterReply();
      },
    },
  ],
]);

/** The version reported to clients: the Redis whose semantics this follows. */
export const REDIS_VERSION = '7.0.0';

/** Runs one request: name lookup, arity, the command; a full heap becomes Redis's OOM error. */
export function dispatch(ctx: CommandContext, args: Uint8Array[]): void {
  const name = args[0].length <= 32 ? text(args[0]).toLowerCase() : '';
  const spec = COMMANDS.get(name);
  if (!spec) {
    let detail = '';
    for (const a of args.slice(1)) {
      if (detail.length >= 128) break;
      detail += `'${text(a.subarray(0, 128 - detail.length))}' `;
    }
    ctx.reply.error(
      `ERR unknown command '${text(args[0].subarray(0, 128))}', with args beginning with: ${detail}`,
    );
    return;
  }
  if ((spec.arity > 0 && args.length !== spec.arity) || args.length < -spec.arity) {
    ctx.reply.error(`ERR wrong number of arguments for '${name}' command`);
    return;
  }
  try {
    spec.run(ctx, args);
  } catch (e) {
    if (!(e instanceof GuestHeapExhaustedError)) throw e;
    ctx.reply.error(ERR.oom);
  }
}
