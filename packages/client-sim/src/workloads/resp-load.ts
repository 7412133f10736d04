/**
 * RESP load generator: many connections on the client's stack, each sending a seeded mix of SET/GET/INCR (one at
 * a time, or pipelined), with per-operation latency. Every operation goes through the checkers as it is sent and
 * as it is answered; after the load, a verification pass reads back every key written, then every connection is
 * closed gracefully (a reset or an early close at any point is a violation).
 *
 * Keys: `<prefix>k<i>` hold strings (SET/GET), `<prefix>c<i>` counters (INCR only), so neither kind disturbs the
 * other. The prefix must be new for each run against a server that keeps its data: the checkers assume every key
 * starts absent.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import { CounterChecker } from '../checkers/counter-checker.ts';
import { ConnectionWatch } from '../checkers/connection-watch.ts';
import { RegisterChecker } from '../checkers/register-checker.ts';
import { ViolationLog, type Violation, type ViolationKind } from '../checkers/violations.ts';
import type { ClientHost } from '../host/client-host.ts';
import { LatencyHistogram, type LatencySummary } from '../report/latency-histogram.ts';
import { RespClientConnection, type RespOutcome } from '../resp/resp-client-connection.ts';
import { describeRespValue, type RespValue } from '@vmha/resp';
import { Completion, type WorkloadRun } from './workload-run.ts';

export const RESP_PORT = 6379;

export type RespOperationKind = 'set' | 'get' | 'incr';

/** Relative weights of the operations (they need not sum to 1). */
export type RespOperationMix = Record<RespOperationKind, number>;

export type RespLoadStop = { operations: number } | { durationMs: number };

export interface RespLoadOptions {
  address: string | number;
  /** Default 6379. */
  port?: number;
  connections: number;
  /** When the load ends: after this many operations in all, or after this long. */
  stopAfter: RespLoadStop;
  /** Default { set: 4, get: 4, incr: 2 }. */
  mix?: RespOperationMix;
  /** String keys; default 1000. */
  keySpace?: number;
  /** Counter keys; default 100. */
  counterKeys?: number;
  /** Length of each SET value (at least its unique tag); default 24. */
  valueBytes?: number;
  /** Commands in flight per connection; 1 (the default) waits for each reply before sending the next. */
  pipeline?: number;
  /** Default 1: the operation sequence is a function of the seed. */
  seed?: number;
  /** Default `run<seed>:`. */
  keyPrefix?: string;
  /** Read back every key after the load; default true. */
  verify?: boolean;
  /** GETs in flight per connection during verification; default 16. */
  verifyPipeline?: number;
  /** How long to wait for the server to close each connection after the client closes; default 30 s. */
  closeTimeoutMs?: number;
  onProgress?: (progress: RespLoadProgress) => void;
  /** Default 1000 ms. */
  progressIntervalMs?: number;
}

export interface RespLoadProgress {
  elapsedMs: number;
  completed: number;
  /** Since the previous report. */
  opsPerSecond: number;
  violations: number;
}

export interface RespLoadResult {
  kind: 'resp-load';
  connections: {
    requested: number;
    established: number;
    /** Connections lost before the client closed them (reset, closed by the server, protocol error). */
    lost: number;
    /** Not closed by the server within closeTimeoutMs of the client's close (then aborted). */
    unclosed: number;
  };
  operations: {
    /** Commands sent. */
    issued: number;
    /** Replies received (including error replies). */
    completed: number;
    /** Commands whose reply never came (connection lost). */
    failed: number;
    errorReplies: number;
    byKind: Record<RespOperationKind, number>;
  };
  latency: Record<'all' | RespOperationKind, LatencySummary>;
  /** The load phase: from start until the last load reply. */
  durationMs: number;
  opsPerSecond: number;
  verification: { registersRead: number; countersRead: number; durationMs: number };
  checks: { writesAcknowledged: number; readsChecked: number; incrementsAcknowledged: number };
  stopped: boolean;
  violations: Violation[];
  violationCounts: Partial<Record<ViolationKind, number>>;
  /** Violations counted but not kept in `violations` (the log keeps the first 10,000). */
  violationsOmitted: number;
}

interface LoadConnection {
  label: string;
  resp: RespClientConnection;
  watch: ConnectionWatch;
  connected: boolean;
  /** Finished from the client's point of view: closed, or ended by the server after the client closed. */
  done: boolean;
  /** Broke before the client closed it. */
  lost: boolean;
}

type Phase = 'load' | 'draining' | 'verifying' | 'closing' | 'finished';

type VerifyItem = { type: 'register' | 'counter'; key: string };

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

export function startRespLoad(host: ClientHost, options: RespLoadOptions): WorkloadRun<RespLoadResult> {
  const o = resolveOptions(options);
  const log = new ViolationLog(() => host.now());
  const register = new RegisterChecker(log);
  const counters = new CounterChecker(log);
  const rng = new SeededRandom(o.seed);
  const histograms: Record<RespOperationKind, LatencyHistogram> = {
    set: new LatencyHistogram(),
    get: new LatencyHistogram(),
    incr: new LatencyHistogram(),
  };
  const byKind: Record<RespOperationKind, number> = { set: 0, get: 0, incr: 0 };
  const weights = [o.mix.set, o.mix.get, o.mix.incr];
  const weightTotal = weights[0] + weights[1] + weights[2];
  const startedAt = host.now();
  const conns: LoadConnection[] = [];
  const verifyQueue: VerifyItem[] = [];
  const timers: Array<() => void> = [];

  let phase: Phase = 'load';
  let issued = 0;
  let completed = 0;
  let failed = 0;
  let errorReplies = 0;
  let outstanding = 0;
  let established = 0;
  let deadlineReached = false;
  let loadEndedAt = startedAt;
  let verifyStartedAt = startedAt;
  let verifyEndedAt = startedAt;
  let verifyOutstanding = 0;
  let registersRead = 0;
  let countersRead = 0;
  let unclosed = 0;

  const completion = new Completion<RespLoadResult>(() =>
    host.run(() => {
      for (const c of conns) {
        c.watch.silence();
        c.resp.socket.abort();
      }
      finish(true);
    }),
  );

  const alive = (c: LoadConnection): boolean => !c.done && c.resp.failure === undefined && !c.watch.closed;
  const loadLimitReached = (): boolean =>
    'operations' in o.stopAfter ? issued >= o.stopAfter.operations : deadlineReached;

  const pickKind = (): RespOperationKind => {
    const x = rng.next() * weightTotal;
    if (x < weights[0]) return 'set';
    return x < weights[0] + weights[1] ? 'get' : 'incr';
  };

  const unexpected = (c: LoadConnection, command: string, reply: RespValue): void => {
    log.record(
      { kind: 'unexpected-reply', connection: c.label, command, reply: describeRespValue(reply) },
      `${c.label}: ${command} got the reply ${describeRespValue(reply)}`,
    );
  };

  /** Books the outcome of a load operation; true when a reply (an error reply included) arrived. */
  const settle = (
    kind: RespOperationKind,
    sentAt: number,
    outcome: RespOutcome,
  ): outcome is Extract<RespOutcome, { kind: 'reply' }> => {
    outstanding--;
    if (outcome.kind === 'failed') {
      failed++;
      return false;
    }
    completed++;
    histograms[kind].record(host.now() - sentAt);
    if (outcome.value.type === 'error') errorReplies++;
    return true;
  };

  const afterReply = (c: LoadConnection): void => {
    fill(c);
    advance();
  };

  const issue = (c: LoadConnection): void => {
    const opId = issued++;
    const kind = pickKind();
    byKind[kind]++;
    outstanding++;
    const sentAt = host.now();
    if (kind === 'set') {
      const key = `${o.keyPrefix}k${rng.int(0, o.keySpace - 1)}`;
      const tag = `v${opId}`;
      const value = tag.length >= o.valueBytes ? tag : tag + '.'.repeat(o.valueBytes - tag.length);
      const handle = register.writeInvoked(key, value);
      c.resp.send(['SET', key, value], (outcome) => {
        if (!settle(kind, sentAt, outcome)) register.writeOutcomeUnknown(handle);
        else if (outcome.value.type === 'simple' && outcome.value.value === 'OK')
          register.writeAcknowledged(handle);
        else {
          if (outcome.value.type !== 'error') unexpected(c, `SET ${key}`, outcome.value);
          register.writeOutcomeUnknown(handle);
        }
        afterReply(c);
      });
    } else if (kind === 'get') {
      const key = `${o.keyPrefix}k${rng.int(0, o.keySpace - 1)}`;
      const handle = register.readInvoked(key);
      c.resp.send(['GET', key], (outcome) => {
        if (settle(kind, sentAt, outcome)) {
          const v = outcome.value;
          if (v.type === 'bulk')
            register.readCompleted(handle, v.value === null ? null : latin1(v.value), c.label);
          else if (v.type !== 'error') unexpected(c, `GET ${key}`, v);
        }
        afterReply(c);
      });
    } else {
      const key = `${o.keyPrefix}c${rng.int(0, o.counterKeys - 1)}`;
      const handle = counters.incrInvoked(key);
      c.resp.send(['INCR', key], (outcome) => {
        if (settle(kind, sentAt, outcome)) {
          const v = outcome.value;
          if (v.type === 'integer') counters.incrCompleted(handle, v.value, c.label);
          else if (v.type !== 'error') unexpected(c, `INCR ${key}`, v);
        }
        afterReply(c);
      });
    }
  };

  const fill = (c: LoadConnection): void => {
    while (
      phase === 'load' &&
      !loadLimitReached() &&
      c.connected &&
      alive(c) &&
      c.resp.outstanding < o.pipeline
    ) {
      issue(c);
    }
  };

  const verifyOne = (c: LoadConnection, item: VerifyItem): void => {
    verifyOutstanding++;
    if (item.type === 'register') {
      const handle = register.readInvoked(item.key, true);
      c.resp.send(['GET', item.key], (outcome) => {
        verifyOutstanding--;
        if (outcome.kind === 'failed') verifyQueue.push(item);
        else if (outcome.value.type === 'bulk') {
          registersRead++;
          const v = outcome.value.value;
          register.readCompleted(handle, v === null ? null : latin1(v), c.label);
        } else unexpected(c, `GET ${item.key}`, outcome.value);
        advance();
      });
      return;
    }
    const handle = counters.readInvoked(item.key, true);
    c.resp.send(['GET', item.key], (outcome) => {
      verifyOutstanding--;
      if (outcome.kind === 'failed') verifyQueue.push(item);
      else {
        const v = outcome.value;
        const text = v.type === 'bulk' && v.value !== null ? latin1(v.value) : undefined;
        if (v.type === 'bulk' && v.value === null) {
          countersRead++;
          counters.readCompleted(handle, null, c.label);
        } else if (text !== undefined && /^-?\d{1,19}$/.test(text)) {
          countersRead++;
          counters.readCompleted(handle, BigInt(text), c.label);
        } else unexpected(c, `GET ${item.key}`, v);
      }
      advance();
    });
  };

  const dispatchVerification = (): void => {
    for (const c of conns) {
      while (verifyQueue.length > 0 && c.connected && alive(c) && c.resp.outstanding < o.verifyPipeline) {
        verifyOne(c, verifyQueue.shift() as VerifyItem);
      }
      if (verifyQueue.length === 0) return;
    }
  };

  const closeAll = (): void => {
    for (const c of conns) {
      if (c.done) continue;
      if (!c.connected || !alive(c)) {
        // Never connected, or already broken (and reported): tear down without further complaint.
        c.watch.silence();
        c.resp.socket.close();
        if (c.watch.closed || c.watch.ended) c.done = true;
        continue;
      }
      c.watch.expectEnd();
      c.resp.close();
    }
    const closeTimer = host.setTimer(host.now() + o.closeTimeoutMs, () => {
      for (const c of conns) {
        if (c.done) continue;
        unclosed++;
        c.watch.silence();
        c.resp.socket.abort();
        c.done = true;
      }
      advance();
    });
    timers.push(closeTimer);
  };

  let advancing = false;
  let again = false;
  /** Moves through the phases as far as the state allows; re-entrant calls are folded into the running one. */
  const advance = (): void => {
    if (advancing) {
      again = true;
      return;
    }
    advancing = true;
    try {
      do {
        again = false;
        step();
      } while (again);
    } finally {
      advancing = false;
    }
  };

  const step = (): void => {
    if (phase === 'load') {
      if (!loadLimitReached() && conns.some(alive)) return;
      phase = 'draining';
    }
    if (phase === 'draining') {
      if (outstanding > 0) return;
      loadEndedAt = verifyStartedAt = host.now();
      phase = 'verifying';
      if (o.verify) {
        for (const key of register.keys()) verifyQueue.push({ type: 'register', key });
        for (const key of counters.keys()) verifyQueue.push({ type: 'counter', key });
      }
    }
    if (phase === 'verifying') {
      dispatchVerification();
      if (verifyOutstanding > 0) return;
      if (verifyQueue.length > 0) {
        log.record(
          { kind: 'verification-incomplete', unverifiedKeys: verifyQueue.length },
          `${verifyQueue.length} keys could not be verified: no connection was left to read them`,
        );
        verifyQueue.length = 0;
      }
      verifyEndedAt = host.now();
      phase = 'closing';
      closeAll();
    }
    if (phase === 'closing' && conns.every((c) => c.done)) finish(false);
  };

  const finish = (stopped: boolean): void => {
    if (completion.finished) return;
    phase = 'finished';
    for (const cancel of timers) cancel();
    if (stopped) loadEndedAt = verifyEndedAt = host.now();
    const all = new LatencyHistogram();
    for (const h of Object.values(histograms)) all.merge(h);
    const durationMs = loadEndedAt - startedAt;
    completion.finish({
      kind: 'resp-load',
      connections: {
        requested: o.connections,
        established,
        lost: conns.filter((c) => c.lost).length,
        unclosed,
      },
      operations: { issued, completed, failed, errorReplies, byKind: { ...byKind } },
      latency: {
        all: all.summary(),
        set: histograms.set.summary(),
        get: histograms.get.summary(),
        incr: histograms.incr.summary(),
      },
      durationMs,
      opsPerSecond: durationMs > 0 ? (completed * 1000) / durationMs : 0,
      verification: { registersRead, countersRead, durationMs: Math.max(0, verifyEndedAt - verifyStartedAt) },
      checks: {
        writesAcknowledged: register.stats.writesAcknowledged,
        readsChecked: register.stats.readsChecked + counters.stats.readsChecked,
        incrementsAcknowledged: counters.stats.incrementsAcknowledged,
      },
      stopped,
      violations: log.list,
      violationCounts: log.byKind(),
      violationsOmitted: log.omitted,
    });
  };

  const open = (index: number): void => {
    const socket = host.stack.connect(o.address, o.port, { noDelay: true });
    const label = `resp#${index} :${socket.localPort}`;
    const watch = new ConnectionWatch(socket, label, log);
    const resp = new RespClientConnection(socket, {
      onProtocolError: (error) => {
        c.lost = true;
        watch.silence(); // the abort that follows is ours, and this record says why
        log.record(
          { kind: 'protocol-error', connection: label, reason: error.reason },
          `${label}: invalid RESP from the server: ${error.reason}`,
        );
      },
    });
    const c: LoadConnection = { label, resp, watch, connected: false, done: false, lost: false };
    conns.push(c);
    socket.on('connect', () => {
      c.connected = true;
      established++;
      fill(c);
      advance();
    });
    socket.on('end', () => {
      if (phase === 'closing') c.done = true;
      else {
        // Closed under us: the watch has recorded it; finish our side too.
        c.lost = true;
        socket.close();
      }
      advance();
    });
    socket.on('close', () => {
      if (phase !== 'closing' && phase !== 'finished') c.lost = true;
      c.done = true;
      advance();
    });
  };

  host.run(() => {
    for (let i = 0; i < o.connections; i++) open(i);
    if ('durationMs' in o.stopAfter) {
      timers.push(
        host.setTimer(startedAt + o.stopAfter.durationMs, () => {
          deadlineReached = true;
          advance();
        }),
      );
    }
    if (o.onProgress) scheduleProgress(o.onProgress, o.progressIntervalMs);
    advance();
  });

  function scheduleProgress(callback: (p: RespLoadProgress) => void, intervalMs: number): void {
    let lastAt = startedAt;
    let lastCompleted = 0;
    let cancel = host.setTimer(startedAt + intervalMs, () => tick());
    timers.push(() => cancel());
    const tick = (): void => {
      if (completion.finished) return;
      const now = host.now();
      callback({
        elapsedMs: now - startedAt,
        completed,
        opsPerSecond: now > lastAt ? ((completed - lastCompleted) * 1000) / (now - lastAt) : 0,
        violations: log.count,
      });
      lastAt = now;
      lastCompleted = completed;
      cancel = host.setTimer(now + intervalMs, tick);
    };
  }

  return completion;
}

type ResolvedOptions = Required<Omit<RespLoadOptions, 'onProgress'>> & Pick<RespLoadOptions, 'onProgress'>;

function resolveOptions(options: RespLoadOptions): ResolvedOptions {
  const seed = options.seed ?? 1;
  const o: ResolvedOptions = {
    address: options.address,
    port: options.port ?? RESP_PORT,
    connections: options.connections,
    stopAfter: options.stopAfter,
    mix: options.mix ?? { set: 4, get: 4, incr: 2 },
    keySpace: options.keySpace ?? 1000,
    counterKeys: options.counterKeys ?? 100,
    valueBytes: options.valueBytes ?? 24,
    pipeline: options.pipeline ?? 1,
    seed,
    keyPrefix: options.keyPrefix ?? `run${seed}:`,
    verify: options.verify ?? true,
    verifyPipeline: options.verifyPipeline ?? 16,
    closeTimeoutMs: options.closeTimeoutMs ?? 30_000,
    progressIntervalMs: options.progressIntervalMs ?? 1000,
    onProgress: options.onProgress,
  };
  const positiveInt = (name: string, v: number): void => {
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`invalid RESP load option ${name}=${v}`);
  };
  positiveInt('connections', o.connections);
  positiveInt('keySpace', o.keySpace);
  positiveInt('counterKeys', o.counterKeys);
  positiveInt('valueBytes', o.valueBytes);
  positiveInt('pipeline', o.pipeline);
  positiveInt('verifyPipeline', o.verifyPipeline);
  if ('operations' in o.stopAfter) positiveInt('stopAfter.operations', o.stopAfter.operations);
  else if (!(o.stopAfter.durationMs > 0))
    throw new Error(`invalid RESP load duration ${o.stopAfter.durationMs}`);
  const w = [o.mix.set, o.mix.get, o.mix.incr];
  if (w.some((x) => !(x >= 0)) || w[0] + w[1] + w[2] <= 0) {
    throw new Error('invalid RESP operation mix: weights must be non-negative and not all zero');
  }
  return o;
}
