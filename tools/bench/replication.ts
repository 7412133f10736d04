/**
 * bench:replication: what Remus-style replication costs and how it behaves, in one run, against baselines taken
 * in the same run (process mode on a real nats-server unless said otherwise).
 *  - pause against dirty pages: Machine.captureCheckpoint (the primary's work with the vCPU stopped) on a real
 *    guest, 1 to 64 MiB dirty, and the work after the resume (digest, encoding); target: under 1 ms per 4 MiB;
 *  - checkpoint goodput against raw NATS: the primary's capture, encoder and chunk messages to the backup's
 *    applier in another process, against raw NATS messages of the chunk size, alternating rounds (medians);
 *    target: at least 70% of raw NATS;
 *  - native: bulk goodput (verified) and RESP ops/s and latency of an unreplicated VM;
 *  - remus (or speculative): the backup's live initial sync, then the same workloads protected: epoch pauses,
 *    commit latency, checkpoint bytes as captured and as sent (`encodedRatio`), the longest guest stall;
 *  - planned failover under RESP load: the guest's pause and the client-visible gap;
 *  - failover: kill -9 of the primary under a steady RESP load (`--failover-connections`, not saturating the
 *    machine), `--failover-runs` times in a row on one VM (a standby backup joins each promoted VMM): the
 *    client-visible stall (the old primary's last packet to the clients, to the new one's first), p50/p99, and its
 *    phases; target: p99 at most the heartbeat timeout plus 50 ms.
 * Prints tables and writes bench/results/replication.json (`--mode speculative`: the replicated VM speculating,
 * to bench/results/replication-speculative.json).
 *
 *   npm run bench:replication -- --bulk-mib 128 --resp-seconds 8 --memory-mib 256 --epoch-ms 25
 */
import { HandoverReply, HandoverRequest, decodeMessage, encodeMessage, subjects } from '@vmha/shared-proto';
import { requestHealth } from '@vmha/service-runtime';
import { ORIGIN_HEADER } from '@vmha/vnet';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  LocalCluster,
  REPO_ROOT,
  counters as healthCounters,
  killChain,
  runClient,
  type ClientRunOutcome,
} from '../src/launcher/index.ts';
import { pauseMsPer4MiB, pauseVsDirtyPages } from './internal/pause-sweep.ts';
import {
  checkpointGoodput,
  rawNatsThroughput,
  type CheckpointGoodput,
} from './internal/stream-throughput.ts';

const { values: opts } = parseArgs({
  options: {
    'bulk-mib': { type: 'string', default: '128' },
    'resp-seconds': { type: 'string', default: '8' },
    connections: { type: 'string', default: '50' },
    pipeline: { type: 'string', default: '4' },
    'memory-mib': { type: 'string', default: '256' },
    'epoch-ms': { type: 'string', default: '25' },
    'heartbeat-ms': { type: 'string', default: '100' },
    'failure-timeout-ms': { type: 'string', default: '1000' },
    'failover-runs': { type: 'string', default: '20' },
    // The kill chain's RESP load: steady, not saturating. With 50 pipelined connections this 2-core machine runs
    // out of CPU and the release period itself stretches to 50-75 ms, which the stall then measures.
    'failover-connections': { type: 'string', default: '16' },
    'failover-pipeline': { type: 'string', default: '1' },
    'stream-rounds': { type: 'string', default: '3' },
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
const memoryMib = num('memory-mib', 64, 4095);
const epochMs = num('epoch-ms', 10, 1000);
const heartbeatMs = num('heartbeat-ms', 10, 10_000);
const failureTimeoutMs = num('failure-timeout-ms', 50, 60_000);
const failoverRuns = num('failover-runs', 1, 1000);
const failoverConnections = num('failover-connections', 1, 1000);
const failoverPipeline = num('failover-pipeline', 1, 64);
const streamRounds = num('stream-rounds', 1, 20);
const mode = opts.mode;
if (mode !== 'remus' && mode !== 'speculative') {
  console.error(`invalid --mode=${mode}: expected remus or speculative`);
  process.exit(2);
}
const VM = ['--memory-mib', String(memoryMib), '--resp-memory-mib', '16'];
const TIMING = [
  '--epoch-ms',
  String(epochMs),
  '--heartbeat-ms',
  String(heartbeatMs),
  '--failure-timeout-ms',
  String(failureTimeoutMs),
];
const REPL = ['--vm-id', 'vm-bench', ...VM, ...TIMING];

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Nearest-rank percentile (p99 of 20 samples is the largest). */
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];

// --- 1. Pause against dirty pages (in process: the primary's capture on a real guest) ------------------------
console.log('pause against dirty pages...');
const pauseRows = pauseVsDirtyPages({ memoryMib, dirtyPages: [256, 1024, 4096, 16384], samples: 21 });
const pausePer4MiB = pauseMsPer4MiB(pauseRows);

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
const respArgs = (seconds: number, address = '10.0.0.100', load = { connections, pipeline }) => [
  '--workload',
  'resp',
  '--connections',
  String(load.connections),
  '--pipeline',
  String(load.pipeline),
  '--duration-ms',
  `${seconds}s`,
  '--address',
  address,
];
const respRun = async (name: string) => {
  const r = check(await runClient(cluster, name, respArgs(respSeconds)), name);
  const all = (r.latency as { all: { p50Ms: number; p99Ms: number } }).all;
  return { opsPerSec: Number(r.opsPerSecond), p50Ms: all.p50Ms, p99Ms: all.p99Ms };
};

/** Every VMM message to a client address, by origin and arrival time, while `during` runs. */
async function watchOrigins<T>(
  address: string,
  during: (arrivals: Array<[string, number]>) => Promise<T>,
): Promise<{ value: T; arrivals: Array<[string, number]> }> {
  const arrivals: Array<[string, number]> = [];
  const sub = cluster.nc.subscribe(subjects.netAddress(address), {
    callback: (_e, m) => {
      arrivals.push([m.headers?.get(ORIGIN_HEADER) ?? '?', performance.now()]);
    },
  });
  await cluster.nc.flush();
  try {
    return { value: await during(arrivals), arrivals };
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
  // --- 2. Checkpoint goodput against raw NATS, alternating rounds ------------------------------------------
  console.log('checkpoint goodput against raw NATS...');
  const raw: number[] = [];
  const rawRuns: Awaited<ReturnType<typeof rawNatsThroughput>>[] = [];
  const streams: CheckpointGoodput[] = [];
  for (let round = 0; round < streamRounds; round++) {
    const r = await rawNatsThroughput(cluster.natsUrl, { totalBytes: 768 << 20, perAck: 8, window: 4 });
    rawRuns.push(r);
    raw.push(r.MBps);
    streams.push(
      await checkpointGoodput(cluster.natsUrl, { memoryMib, dirtyPages: 1024, epochs: 192, maxInFlight: 4 }),
    );
  }
  const natsRawMBps = median(raw);
  const goodputMBps = median(streams.map((g) => g.goodputMBps));
  // The same stream with partial writes (256-byte runs in each dirty page): what the delta encoding gives.
  const partial = await checkpointGoodput(cluster.natsUrl, {
    memoryMib,
    dirtyPages: 1024,
    epochs: 192,
    maxInFlight: 4,
    writeBytes: 512,
  });

  // --- 3. Native baseline ------------------------------------------------------------------------------------
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

  // --- 4. Replicated: initial sync, workloads, planned failover ---------------------------------------------
  console.log(`${mode}: initial sync...`);
  const a = await cluster.launch({
    service: 'primary-vmm',
    instance: 'rb-a',
    entry: 'packages/primary-vmm/src/main.ts',
    args: [...REPL, '--mode', mode],
  });
  // A guest with state worth syncing: the RESP store filled and load running while the backup joins.
  const warm = runClient(cluster, 'warm-resp', respArgs(6));
  await new Promise((r) => setTimeout(r, 2000));
  const joinStarted = performance.now();
  const b = await cluster.launch({
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
  const replBulk = await bulkRun('repl-bulk');
  const replResp = await respRun('repl-resp');
  const steady = await counters('primary-vmm', 'rb-a');

  console.log('planned failover under RESP load...');
  const planned = await watchOrigins('10.0.0.100', async () => {
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
  const plannedGapMs = gapMs(planned.arrivals, 'rb-a', 'rb-b');
  for (const p of [a, b]) p.signal('SIGTERM');
  await Promise.all([a.exited, b.exited]);

  // --- 5. Failover: kill -9 of the primary under RESP load, many times in a row -----------------------------
  console.log(`failover: ${failoverRuns} kills of the primary under RESP load...`);
  // A client address per run: what reaches it is this run's, never the departed clients' of the run before.
  const failoverLoad = { connections: failoverConnections, pipeline: failoverPipeline };
  const chainAddress = (run: number) => `10.1.${Math.floor(run / 200)}.${(run % 200) + 10}`;
  const failovers: Array<{ run: number; stallMs: number; phases: Record<string, number> }> = [];
  const arrivalsByRun = new Map<number, Array<[string, number]>>();
  const watching: Array<{ unsubscribe(): void }> = [];
  try {
    await killChain(cluster, {
      runs: failoverRuns,
      seed: 4242,
      prefix: 'fo',
      vmArgs: ['--vm-id', 'vm-failover', ...VM, ...TIMING],
      primaryArgs: ['--mode', mode],
      clients: async (run) => {
        const arrivals: Array<[string, number]> = [];
        arrivalsByRun.set(run, arrivals);
        watching.push(
          cluster.nc.subscribe(subjects.netAddress(chainAddress(run)), {
            callback: (_e, m) => {
              arrivals.push([m.headers?.get(ORIGIN_HEADER) ?? '?', performance.now()]);
            },
          }),
        );
        await cluster.nc.flush();
        return runClient(cluster, `fo-resp${run}`, respArgs(4, chainAddress(run), failoverLoad));
      },
      clientAddresses: (run) => [chainAddress(run)],
      check: async (run, outcome, { killed, promoted }) => {
        check(outcome, `failover run ${run}`);
        const c = await healthCounters(cluster, 'backup-vmm', promoted.instance);
        const phases = Object.fromEntries(
          ['silence', 'lease', 'activate', 'vip', 'first_output', 'activation_digest'].map((k) => [
            k,
            c[`failover.${k}_ms`] ?? NaN,
          ]),
        );
        const stallMs = gapMs(arrivalsByRun.get(run)!, killed.instance, promoted.instance);
        failovers.push({ run, stallMs, phases });
        console.log(`  run ${run}: stall ${stallMs.toFixed(0)} ms, ${JSON.stringify(phases)}`);
      },
    });
  } finally {
    for (const w of watching) w.unsubscribe();
  }
  const stalls = failovers.map((f) => f.stallMs);
  const phaseP50 = (k: string) => r1(median(failovers.map((f) => f.phases[k])));

  const pauseTargetMet = pausePer4MiB < 1;
  const goodputRatio = goodputMBps / natsRawMBps;
  const stallP99 = percentile(stalls, 99);
  const results = {
    benchmark: 'replication',
    command:
      `npm run bench:replication -- --bulk-mib ${bulkMib} --resp-seconds ${respSeconds} ` +
      `--connections ${connections} --pipeline ${pipeline} --memory-mib ${memoryMib} --epoch-ms ${epochMs} ` +
      `--heartbeat-ms ${heartbeatMs} --failure-timeout-ms ${failureTimeoutMs} --failover-runs ${failoverRuns} ` +
      `--failover-connections ${failoverConnections} --failover-pipeline ${failoverPipeline} ` +
      `--stream-rounds ${streamRounds}` +
      (mode === 'remus' ? '' : ` --mode ${mode}`),
    date: new Date().toISOString(),
    epochMs,
    memoryMib,
    mode,
    pauseMsPer4MiB: r3(pausePer4MiB),
    checkpointGoodputMBps: r1(goodputMBps),
    natsRawMBps: r1(natsRawMBps),
    checkpointGoodputVsRaw: r3(goodputRatio),
    encodedRatio: r3(steady['repl.encoded_bytes_total'] / steady['repl.raw_bytes_total']),
    failover: {
      runs: failovers.length,
      stallP50Ms: Math.round(percentile(stalls, 50)),
      stallP99Ms: Math.round(stallP99),
      stallMaxMs: Math.round(Math.max(...stalls)),
      heartbeatTimeoutMs: failureTimeoutMs,
      heartbeatIntervalMs: heartbeatMs,
      /** The RESP load every kill lands in. */
      load: { connections: failoverConnections, pipeline: failoverPipeline },
      /** From the failure's detection, p50 over the runs (the promoted VMM's own timings). */
      phasesP50Ms: {
        primarySilenceAtDetection: phaseP50('silence'),
        leaseWon: phaseP50('lease'),
        guestActivated: phaseP50('activate'),
        vipTaken: phaseP50('vip'),
        firstOutput: phaseP50('first_output'),
        activationDigest: phaseP50('activation_digest'),
      },
      stallsMs: stalls.map((x) => Math.round(x)),
    },
    targets: {
      pauseUnder1MsPer4MiB: pauseTargetMet,
      goodputAtLeast70PctOfRawNats: goodputRatio >= 0.7,
      stallP99WithinTimeoutPlus50Ms: stallP99 <= failureTimeoutMs + 50,
    },
    pause: {
      what: 'Machine.captureCheckpoint with the vCPU stopped (median of 21); afterResume: digest + encoding',
      rows: pauseRows.map((r) => ({ ...r, pauseMs: r3(r.pauseMs), afterResumeMs: r3(r.afterResumeMs) })),
    },
    stream: {
      what: 'incompressible 4 MiB epochs, primary capture/encoder/chunks to the backup applier in another process, at most 4 unacked; raw NATS: 512 KiB messages, acked every 8 (4 MiB), at most 4 batches unacked; alternating rounds, medians',
      rawNatsMBps: raw.map(r1),
      rawNats: rawRuns,
      checkpoint: streams.map((g) => ({ ...g, goodputMBps: r1(g.goodputMBps), wireMBps: r1(g.wireMBps) })),
      partialWrites: { ...partial, goodputMBps: r1(partial.goodputMBps), wireMBps: r1(partial.wireMBps) },
    },
    native: { bulkMBps: r1(nativeBulk), resp: nativeResp },
    replicated: {
      bulkMBps: r1(replBulk),
      bulkVsNative: r3(replBulk / nativeBulk),
      resp: replResp,
      sync: {
        wallMsFromLaunch: Math.round(joinWallMs),
        syncMs: r1(sync['repl.sync_ms']),
        sealPauseMs: r1(sync['repl.seal_pause_ms']),
        maxGuestStallMs: r1(sync['repl.sync_max_stall_ms']),
      },
      epochPauseMs: {
        p50: r3(steady['repl.pause_p50_ms']),
        p99: r3(steady['repl.pause_p99_ms']),
        max: r3(steady['repl.pause_max_ms']),
      },
      commitLatencyMs: { p50: r1(steady['repl.commit_p50_ms']), p99: r1(steady['repl.commit_p99_ms']) },
      maxGuestStallMs: r1(steady['vcpu.max_stall_ms']),
      checkpointBytes: {
        raw: steady['repl.raw_bytes_total'],
        encoded: steady['repl.encoded_bytes_total'],
      },
      epochs: steady['repl.epochs'],
      stretchedEpochs: steady['repl.stretched_epochs'],
    },
    plannedFailover: {
      clientGapMs: Math.round(plannedGapMs),
      guestPausedMs: r1(planned.value.guestPausedMs),
    },
  };

  const table = (title: string, head: string[], rows: string[][]) => {
    console.log(`\n${title}\n`);
    console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  };
  const yes = (ok: boolean) => (ok ? 'met' : 'NOT met');
  table(
    'pause against dirty pages (vCPU stopped)',
    ['dirty pages', 'MiB', 'pause ms', 'after resume ms'],
    results.pause.rows.map((r) => [
      String(r.dirtyPages),
      String(r.dirtyMiB),
      String(r.pauseMs),
      String(r.afterResumeMs),
    ]),
  );
  table(
    `replication, ${epochMs} ms epochs, ${memoryMib} MiB guest`,
    ['measure', 'native', mode],
    [
      ['bulk goodput (MB/s)', String(results.native.bulkMBps), String(results.replicated.bulkMBps)],
      ['RESP ops/s', nativeResp.opsPerSec.toFixed(0), replResp.opsPerSec.toFixed(0)],
      [
        'RESP latency p50 / p99 (ms)',
        `${nativeResp.p50Ms} / ${nativeResp.p99Ms}`,
        `${replResp.p50Ms} / ${replResp.p99Ms}`,
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
      ['checkpoint bytes sent / captured', '', String(results.encodedRatio)],
      ['longest guest stall, protected (ms)', '', String(results.replicated.maxGuestStallMs)],
      [
        'initial sync (ms) / seal pause (ms)',
        '',
        `${results.replicated.sync.syncMs} / ${results.replicated.sync.sealPauseMs}`,
      ],
      ['longest guest stall during sync (ms)', '', String(results.replicated.sync.maxGuestStallMs)],
      [
        'planned: guest paused / client gap (ms)',
        '',
        `${results.plannedFailover.guestPausedMs} / ${results.plannedFailover.clientGapMs}`,
      ],
    ],
  );
  table(
    'targets',
    ['measure', 'value', 'target', ''],
    [
      [
        'pause per 4 MiB dirty (ms)',
        String(results.pauseMsPer4MiB),
        '< 1',
        yes(results.targets.pauseUnder1MsPer4MiB),
      ],
      [
        'checkpoint goodput / raw NATS (MB/s)',
        `${results.checkpointGoodputMBps} / ${results.natsRawMBps} = ${results.checkpointGoodputVsRaw}`,
        '>= 0.7',
        yes(results.targets.goodputAtLeast70PctOfRawNats),
      ],
      [
        `failover stall p50 / p99 over ${failovers.length} kills, RESP ${failoverConnections}x${failoverPipeline} (ms)`,
        `${results.failover.stallP50Ms} / ${results.failover.stallP99Ms}`,
        `p99 <= ${failureTimeoutMs + 50}`,
        yes(results.targets.stallP99WithinTimeoutPlus50Ms),
      ],
    ],
  );
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
