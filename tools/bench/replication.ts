/**
 * bench:replication: what Remus-style replication costs and how it behaves, against the native baseline measured
 * in the same run (all in process mode on a real nats-server, one workload at a time).
 *  - native: bulk goodput (verified) and RESP ops/s and latency of an unreplicated VM;
 *  - remus (or speculative): the backup's live initial sync (its length, the seal's pause, the longest the running guest stalled
 *    meanwhile), then the same workloads protected: epoch pauses, commit latency (capture to ack), checkpoint
 *    bytes as captured and as sent, the longest guest stall;
 *  - failover: kill -9 of the primary under RESP load: the gap the clients saw between the old primary's last
 *    packet and the new one's first, and the clients' checks;
 *  - planned failover: a handover under RESP load (the new primary protected again first): the guest's pause
 *    as the handover reply gives it, and the client-visible gap.
 * Prints a table and writes bench/results/replication.json (`--mode speculative`: the same with the replicated VM
 * speculating, to bench/results/replication-speculative.json).
 *
 *   npm run bench:replication -- --bulk-mib 128 --resp-seconds 8 --memory-mib 256 --epoch-ms 25
 */
import { HandoverReply, HandoverRequest, decodeMessage, encodeMessage, subjects } from '@vmha/shared-proto';
import { requestHealth } from '@vmha/service-runtime';
import { ORIGIN_HEADER } from '@vmha/vnet';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalCluster, REPO_ROOT, runClient, type ClientRunOutcome } from '../src/launcher/index.ts';

const { values: opts } = parseArgs({
  options: {
    'bulk-mib': { type: 'string', default: '128' },
    'resp-seconds': { type: 'string', default: '8' },
    connections: { type: 'string', default: '50' },
    pipeline: { type: 'string', default: '4' },
    'memory-mib': { type: 'string', default: '256' },
    'epoch-ms': { type: 'string', default: '25' },
    mode: { type: 'string', default: 'remus' },
  },
});
const num = (name: keyof typeof opts, lo: number, hi: number): number => {
  const v = Number(opts[name]);
  if (!Number.isInteger(v) || v < lo || v > hi) {
    console.error(`invalid --${name}=${String(opts[name])}: expected an integer in [${lo}, ${hi}]`);
    process.exit(2);
  }
  return v;
};
const bulkMib = num('bulk-mib', 1, 4096);
const respSeconds = num('resp-seconds', 1, 600);
const connections = num('connections', 1, 1000);
const pipeline = num('pipeline', 1, 64);
const memoryMib = num('memory-mib', 16, 4096);
const epochMs = num('epoch-ms', 10, 1000);
const VM = ['--memory-mib', String(memoryMib), '--resp-memory-mib', '16'];
const REPL = ['--vm-id', 'vm-bench', ...VM, '--epoch-ms', String(epochMs)];
const mode = opts.mode;
if (mode !== 'remus' && mode !== 'speculative') {
  console.error(`invalid --mode=${mode}: expected remus or speculative`);
  process.exit(2);
}

const cluster = await LocalCluster.start();
const counters = async (service: string, instance: string): Promise<Record<string, number>> =>
  (await requestHealth(cluster.nc, service, instance, { timeoutMs: 2000 })).counters;
async function until(what: string, cond: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
function check(o: ClientRunOutcome, what: string): Record<string, unknown> {
  const violations = o.result?.violations as unknown[] | undefined;
  const lost = (o.result?.connections as { lost?: number } | undefined)?.lost ?? 0;
  if (!o.result || (violations?.length ?? 0) > 0 || lost > 0 || o.result.verified === false)
    throw new Error(`${what} failed: exit ${o.exitCode}; ${o.logTail.slice(-5).join(' | ')}`);
  return o.result;
}
const bulkRun = async (name: string) => {
  const r = check(
    await runClient(cluster, name, ['--workload', 'bulk', '--bytes', String(bulkMib << 20)]),
    name,
  );
  return Number(r.throughputBytesPerSecond) / 1e6;
};
const respArgs = (seconds: number) => [
  '--workload',
  'resp',
  '--connections',
  String(connections),
  '--pipeline',
  String(pipeline),
  '--duration-ms',
  `${seconds}s`,
];
const respRun = async (name: string) => {
  const r = check(await runClient(cluster, name, respArgs(respSeconds)), name);
  const all = (r.latency as { all: { p50Ms: number; p99Ms: number } }).all;
  return { opsPerSec: Number(r.opsPerSecond), p50Ms: all.p50Ms, p99Ms: all.p99Ms };
};

/** Every VMM message to the clients' addresses, by origin and arrival time, while `during` runs. */
async function watchOrigins<T>(
  during: () => Promise<T>,
): Promise<{ value: T; arrivals: Array<[string, number]> }> {
  const arrivals: Array<[string, number]> = [];
  const sub = cluster.nc.subscribe(subjects.netAddress('10.0.0.100'), {
    callback: (_e, m) => {
      arrivals.push([m.headers?.get(ORIGIN_HEADER) ?? '?', performance.now()]);
    },
  });
  await cluster.nc.flush();
  try {
    return { value: await during(), arrivals };
  } finally {
    sub.unsubscribe();
  }
}
/** The client-visible gap: from the old VMM's last message to the new one's first. */
function gapMs(arrivals: Array<[string, number]>, from: string, to: string): number {
  const firstNew = arrivals.find(([o]) => o === to)?.[1];
  const lastOld = arrivals
    .filter(([o, t]) => o === from && (firstNew === undefined || t < firstNew))
    .at(-1)?.[1];
  if (firstNew === undefined || lastOld === undefined)
    throw new Error(`no handover from ${from} to ${to} seen`);
  return firstNew - lastOld;
}

try {
  console.log('native baseline...');
  const native = await cluster.launch({
    service: 'primary-vmm',
    instance: 'rb-native',
    entry: 'packages/primary-vmm/src/main.ts',
    args: ['--vm-id', 'vm-native', ...VM],
  });
  const nativeBulk = await bulkRun('native-bulk');
  const nativeResp = await respRun('native-resp');
  native.signal('SIGTERM');
  await native.exited;

  console.log(`${mode}: initial sync...`);
  const a = await cluster.launch({
    service: 'primary-vmm',
    instance: 'rb-a',
    entry: 'packages/primary-vmm/src/main.ts',
    args: [...REPL, '--mode', mode],
  });
  // A guest with state worth syncing: the RESP store filled and a bulk stream running while the backup joins.
  const warm = runClient(cluster, 'warm-resp', respArgs(6));
  await new Promise((r) => setTimeout(r, 2000));
  const joinStarted = performance.now();
  await cluster.launch({
    service: 'backup-vmm',
    instance: 'rb-b',
    entry: 'packages/backup-vmm/src/main.ts',
    args: REPL,
  });
  await until('protected', async () => (await counters('primary-vmm', 'rb-a'))['repl.protected'] === 1);
  const joinWallMs = performance.now() - joinStarted;
  const sync = await counters('primary-vmm', 'rb-a');
  check(await warm, 'warm-resp');

  console.log(`${mode}: workloads...`);
  const remusBulk = await bulkRun('remus-bulk');
  const remusResp = await respRun('remus-resp');
  const steady = await counters('primary-vmm', 'rb-a');

  console.log('failover: kill -9 of the primary under RESP load...');
  const failover = await watchOrigins(async () => {
    const load = runClient(cluster, 'kill-resp', respArgs(6));
    await new Promise((r) => setTimeout(r, 2500));
    a.signal('SIGKILL');
    await until('promotion', async () => (await counters('backup-vmm', 'rb-b'))['backup.promoted'] === 1);
    return check(await load, 'kill-resp');
  });
  const killGapMs = gapMs(failover.arrivals, 'rb-a', 'rb-b');

  console.log('planned failover under RESP load...');
  await cluster.launch({
    service: 'backup-vmm',
    instance: 'rb-c',
    entry: 'packages/backup-vmm/src/main.ts',
    args: REPL,
  });
  await until('re-protection', async () => (await counters('backup-vmm', 'rb-b'))['repl.protected'] === 1);
  const planned = await watchOrigins(async () => {
    const load = runClient(cluster, 'handover-resp', respArgs(6));
    await new Promise((r) => setTimeout(r, 2500));
    const answer = await cluster.nc.request(
      subjects.replicationHandover('vm-bench'),
      encodeMessage(HandoverRequest, { vmId: 'vm-bench', requestedBy: 'bench' }),
      { timeout: 30_000 },
    );
    const reply = decodeMessage(HandoverReply, answer.data);
    if (!reply.ok || !reply.message.accepted) throw new Error(`handover refused: ${JSON.stringify(reply)}`);
    check(await load, 'handover-resp');
    return reply.message;
  });
  const plannedGapMs = gapMs(planned.arrivals, 'rb-b', 'rb-c');

  const r1 = (x: number) => Math.round(x * 10) / 10;
  const results = {
    benchmark: 'replication',
    command:
      `npm run bench:replication -- --bulk-mib ${bulkMib} --resp-seconds ${respSeconds} ` +
      `--connections ${connections} --pipeline ${pipeline} --memory-mib ${memoryMib} --epoch-ms ${epochMs}` +
      (mode === 'remus' ? '' : ` --mode ${mode}`),
    date: new Date().toISOString(),
    epochMs,
    memoryMib,
    mode,
    native: { bulkMBps: r1(nativeBulk), resp: nativeResp },
    replicated: {
      bulkMBps: r1(remusBulk),
      bulkVsNative: Math.round((remusBulk / nativeBulk) * 1000) / 1000,
      resp: remusResp,
      sync: {
        wallMsFromLaunch: Math.round(joinWallMs),
        syncMs: r1(sync['repl.sync_ms']),
        sealPauseMs: r1(sync['repl.seal_pause_ms']),
        maxGuestStallMs: r1(sync['repl.sync_max_stall_ms']),
      },
      epochPauseMs: {
        p50: r1(steady['repl.pause_p50_ms']),
        p99: r1(steady['repl.pause_p99_ms']),
        max: r1(steady['repl.pause_max_ms']),
      },
      commitLatencyMs: { p50: r1(steady['repl.commit_p50_ms']), p99: r1(steady['repl.commit_p99_ms']) },
      maxGuestStallMs: r1(steady['vcpu.max_stall_ms']),
      checkpointBytes: {
        raw: steady['repl.raw_bytes_total'],
        encoded: steady['repl.encoded_bytes_total'],
        encodedToRaw:
          Math.round((steady['repl.encoded_bytes_total'] / steady['repl.raw_bytes_total']) * 1000) / 1000,
      },
      epochs: steady['repl.epochs'],
      stretchedEpochs: steady['repl.stretched_epochs'],
    },
    failover: { clientGapMs: Math.round(killGapMs) },
    plannedFailover: {
      clientGapMs: Math.round(plannedGapMs),
      guestPausedMs: r1(planned.value.guestPausedMs),
    },
  };
  const rows: Array<[string, string, string]> = [
    ['bulk goodput (MB/s)', String(results.native.bulkMBps), String(results.replicated.bulkMBps)],
    ['RESP ops/s', nativeResp.opsPerSec.toFixed(0), remusResp.opsPerSec.toFixed(0)],
    [
      'RESP latency p50 / p99 (ms)',
      `${nativeResp.p50Ms} / ${nativeResp.p99Ms}`,
      `${remusResp.p50Ms} / ${remusResp.p99Ms}`,
    ],
    [
      'epoch pause p50 / p99 / max (ms)',
      '',
      `${results.replicated.epochPauseMs.p50} / ${results.replicated.epochPauseMs.p99} / ${results.replicated.epochPauseMs.max}`,
    ],
    [
      'commit latency p50 / p99 (ms)',
      '',
      `${results.replicated.commitLatencyMs.p50} / ${results.replicated.commitLatencyMs.p99}`,
    ],
    ['checkpoint bytes sent / captured', '', String(results.replicated.checkpointBytes.encodedToRaw)],
    ['longest guest stall, protected (ms)', '', String(results.replicated.maxGuestStallMs)],
    [
      'initial sync (ms) / seal pause (ms)',
      '',
      `${results.replicated.sync.syncMs} / ${results.replicated.sync.sealPauseMs}`,
    ],
    ['longest guest stall during sync (ms)', '', String(results.replicated.sync.maxGuestStallMs)],
    ['kill -9: client-visible gap (ms)', '', String(results.failover.clientGapMs)],
    [
      'planned: guest paused / client gap (ms)',
      '',
      `${results.plannedFailover.guestPausedMs} / ${results.plannedFailover.clientGapMs}`,
    ],
  ];
  console.log(`\nreplication, ${epochMs} ms epochs, ${memoryMib} MiB guest\n`);
  console.log(`| measure | native | ${mode} |\n|---|---|---|`);
  for (const [k, n, r] of rows) console.log(`| ${k} | ${n} | ${r} |`);
  const out = join(
    REPO_ROOT,
    'bench',
    'results',
    mode === 'remus' ? 'replication.json' : 'replication-speculative.json',
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${out}`);
} finally {
  await cluster.stop().catch(() => undefined);
}
