/**
 * bench:tcp: the VEE 2012 experiment (Gerofi & Ishikawa, speculative communication), every mode in one run.
 *
 * Bulk throughput of a guest serving a verified stream, per mode (native, remus, speculative,
 * speculative+racc), epoch length, link RTT and loss, on an emulated 1 Gbit/s client link: the testbed package
 * on virtual time (the real machine, output commit, speculation engine and checkpoint path; the guest's CPU is
 * free, so `native` runs at link speed; the checkpoint path costs what it costs here, measured). Plus RESP
 * GET/SET latency per mode, and reference rows on an unlimited link: the real services as processes over
 * nats-server on loopback, where this machine's CPU is the limit.
 *
 * Writes bench/results/tcp.json ({ rows: [{ mode, epochMs, rttMs, lossPct, linkMbps, throughputMBps }] } and
 * more), tcp.md (tables) and tcp.svg (throughput against epoch length, a panel per RTT and loss).
 *
 *   npm run bench:tcp -- [--epochs 10,25,50,100,200] [--rtts 0.2,10,50] [--losses 0,0.1,1]
 *                        [--modes native,remus,speculative,speculative+racc] [--measure-ms 2000]
 *                        [--costs measured|linear] [--no-processes]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPLICATION_MODES,
  isReplicationMode,
  measureBulkThroughput,
  measureRespLatency,
  type CheckpointCosts,
  type ReplicationMode,
} from '@vmha/testbed';
import { REPO_ROOT } from '../src/launcher/index.ts';
import { measureProcessRows, type ProcessRow } from './tcp-processes.ts';
import { renderMarkdown, renderSvg, type TcpResults, type TcpRow } from './tcp-report.ts';

const { values: opts } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10,25,50,100,200' },
    rtts: { type: 'string', default: '0.2,10,50' },
    losses: { type: 'string', default: '0,0.1,1' },
    modes: { type: 'string', default: REPLICATION_MODES.join(',') },
    'measure-ms': { type: 'string', default: '2000' },
    costs: { type: 'string', default: 'measured' },
    'no-processes': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
function numbers(name: 'epochs' | 'rtts' | 'losses', lo: number, hi: number): number[] {
  const list = opts[name].split(',').map((s) => Number(s.trim()));
  for (const v of list)
    if (!Number.isFinite(v) || v < lo || v > hi)
      fail(`invalid --${name}=${opts[name]}: expected numbers in [${lo}, ${hi}], comma-separated`);
  return list;
}
const epochs = numbers('epochs', 1, 10_000);
const rtts = numbers('rtts', 0, 1000);
const losses = numbers('losses', 0, 50);
const modes = opts.modes.split(',').map((m) => m.trim());
for (const m of modes)
  if (!isReplicationMode(m)) fail(`invalid --modes entry ${m}: expected ${REPLICATION_MODES.join(', ')}`);
const measureMs = Number(opts['measure-ms']);
if (!Number.isInteger(measureMs) || measureMs < 100 || measureMs > 60_000)
  fail(`invalid --measure-ms=${opts['measure-ms']}: expected an integer in [100, 60000]`);
const seed = Number(opts.seed);
if (!Number.isSafeInteger(seed) || seed < 0) fail(`invalid --seed=${opts.seed}`);
const costs: CheckpointCosts =
  opts.costs === 'measured'
    ? { kind: 'measured' }
    : opts.costs === 'linear'
      ? { kind: 'linear', pauseBaseMs: 0.5, pauseMsPerMiB: 2, processMsPerMiB: 4 }
      : fail(`invalid --costs=${opts.costs}: expected measured or linear`);

const LINK_MBPS = 1000;
const replicated = (modes as ReplicationMode[]).filter((m) => m !== 'native');
const rows: TcpRow[] = [];
const started = performance.now();

const r1 = (x: number) => Math.round(x * 10) / 10;
const p50 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : 0);

function bulkRow(mode: ReplicationMode, epochMs: number | null, rttMs: number, lossPct: number): TcpRow {
  // Past a lost SYN's 1 s retransmission, and long enough for slow start to fill a long path.
  const warmupMs = 1500 + 20 * rttMs;
  const r = measureBulkThroughput({
    mode,
    epochMs: epochMs ?? undefined,
    link: { rttMs, lossPct, bandwidthMbps: LINK_MBPS },
    costs,
    seed,
    warmupMs,
    measureMs: measureMs + 20 * rttMs,
  });
  if (r.violations.length > 0)
    throw new Error(`${mode} ${epochMs} ms ${rttMs} ms ${lossPct}%: ${JSON.stringify(r.violations[0])}`);
  const row: TcpRow = {
    mode,
    epochMs,
    rttMs,
    lossPct,
    linkMbps: LINK_MBPS,
    throughputMBps: r1(r.throughputMBps),
    testbed: 'virtual-time',
    pauseP50Ms: r1(p50(r.vmm.pausesMs)),
    commitP50Ms: r1(p50(r.vmm.commitMs)),
    stretchedEpochs: r.vmm.stretchedEpochs,
    wallMs: Math.round(r.wallMs),
  };
  console.log(
    `${mode.padEnd(17)} epoch ${String(epochMs ?? '-').padStart(4)} ms  rtt ${String(rttMs).padStart(4)} ms  ` +
      `loss ${String(lossPct).padStart(3)}%  ${String(row.throughputMBps).padStart(6)} MB/s  ` +
      `(pause p50 ${row.pauseP50Ms} ms, commit p50 ${row.commitP50Ms} ms, ${Math.round(r.wallMs)} ms wall)`,
  );
  return row;
}

console.log(
  `bench:tcp: ${epochs.length} epochs x ${rtts.length} RTTs x ${losses.length} losses, ${modes.join(', ')}`,
);
for (const rttMs of rtts)
  for (const lossPct of losses) {
    if (modes.includes('native')) rows.push(bulkRow('native', null, rttMs, lossPct));
    for (const epochMs of epochs)
      for (const mode of replicated) rows.push(bulkRow(mode, epochMs, rttMs, lossPct));
  }

console.log('RESP GET/SET latency, 25 ms epochs, LAN link...');
const resp = (modes as ReplicationMode[]).map((mode) => {
  const r = measureRespLatency({
    mode,
    epochMs: 25,
    link: { rttMs: 0.2, lossPct: 0, bandwidthMbps: LINK_MBPS },
    costs,
    seed,
    connections: 16,
    durationMs: 3000,
  });
  if (r.violations.length > 0 || r.connectionsLost > 0)
    throw new Error(
      `RESP ${mode}: ${JSON.stringify(r.violations[0])}, ${r.connectionsLost} connections lost`,
    );
  const row = {
    mode,
    epochMs: mode === 'native' ? null : 25,
    getP50Ms: r1(r.get.p50Ms),
    getP99Ms: r1(r.get.p99Ms),
    setP50Ms: r1(r.set.p50Ms),
    setP99Ms: r1(r.set.p99Ms),
    opsPerSecond: Math.round(r.opsPerSecond),
  };
  console.log(
    `  ${mode.padEnd(17)} GET p50 ${row.getP50Ms} p99 ${row.getP99Ms}  SET p50 ${row.setP50Ms} p99 ${row.setP99Ms} ms`,
  );
  return row;
});

if (!opts['no-processes']) {
  console.log('unlimited link: the services as processes over nats-server on loopback...');
  const processRows: ProcessRow[] = await measureProcessRows(modes as ReplicationMode[]);
  for (const p of processRows) {
    rows.push({
      mode: p.mode,
      epochMs: p.epochMs,
      rttMs: 0,
      lossPct: 0,
      linkMbps: null,
      throughputMBps: r1(p.throughputMBps),
      testbed: 'processes',
    });
    console.log(`  ${p.mode.padEnd(17)} ${r1(p.throughputMBps)} MB/s`);
  }
}

const at = (mode: string, epochMs: number | null) =>
  rows.find(
    (r) =>
      r.testbed === 'virtual-time' &&
      r.mode === mode &&
      r.epochMs === epochMs &&
      r.rttMs === 0.2 &&
      r.lossPct === 0,
  )?.throughputMBps;
const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? Math.round((a / b) * 100) / 100 : null;
const results: TcpResults = {
  command: `npm run bench:tcp -- ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString(),
  machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? '?', node: process.version },
  testbed: {
    clientLink: `${LINK_MBPS} Mbit/s, RTT and loss per row (loss each direction), 16 MiB queue`,
    replicationLink: '1000 Mbit/s, 0.1 ms each way',
    costs:
      costs.kind === 'measured'
        ? 'measured: the guest pauses for as long as its capture took here; encode and apply take what they took'
        : `linear model: ${JSON.stringify(costs)}`,
    measureMs,
  },
  rows,
  resp,
  targets: {
    speculativeOverRemusAt25ms: ratio(at('speculative', 25), at('remus', 25)),
    raccOverNativeAt25ms: ratio(at('speculative+racc', 25), at('native', null)),
  },
  wallSeconds: Math.round((performance.now() - started) / 1000),
};
const out = join(REPO_ROOT, 'bench/results/tcp.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(REPO_ROOT, 'bench/results/tcp.md'), renderMarkdown(results));
writeFileSync(join(REPO_ROOT, 'bench/results/tcp.svg'), renderSvg(results));
console.log(
  `\ntargets at 25 ms epochs, LAN: speculative/remus = ${results.targets.speculativeOverRemusAt25ms} (target >= 10), ` +
    `speculative+racc/native = ${results.targets.raccOverNativeAt25ms} (target >= 0.9)`,
);
console.log(`wrote bench/results/tcp.{json,md,svg} in ${results.wallSeconds} s`);
process.exit(0);
