/**
 * `npm run demo`: the embedded default. Starts nats-server (JetStream, loopback, a free port, a temp store), a
 * primary VMM running the guest (RESP, bulk-stream, echo and sink servers) on VIP 10.0.0.2, then client-sim
 * processes that download a verified bulk stream and run a checked RESP load over a lossy, reordering link.
 * Prints live progress and the results, and stops everything, also on Ctrl-C.
 *
 *   npm run demo -- --bulk-mib 64 --resp-seconds 10 --connections 50 --loss 0.01 --verbose
 */
import { parseArgs } from 'node:util';
import { LocalCluster, runClient, type ClientRunOutcome } from './launcher/index.ts';

const { values: opts } = parseArgs({
  options: {
    'bulk-mib': { type: 'string', default: '64' },
    'resp-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    loss: { type: 'string', default: '0.01' },
    reorder: { type: 'string', default: '0.01' },
    verbose: { type: 'boolean', default: false },
  },
});
const num = (name: keyof typeof opts, lo: number, hi: number): number => {
  const v = Number(opts[name]);
  if (!Number.isFinite(v) || v < lo || v > hi) {
    console.error(`invalid --${name}=${String(opts[name])}: expected a number in [${lo}, ${hi}]`);
    process.exit(2);
  }
  return v;
};
const bulkMib = num('bulk-mib', 1, 65536);
const respSeconds = num('resp-seconds', 1, 3600);
const connections = num('connections', 1, 2000);
const loss = num('loss', 0, 0.5);
const reorder = num('reorder', 0, 0.5);

const mbit = (bytesPerSec: number): string => ((bytesPerSec * 8) / 1e6).toFixed(1);
const line = (s: string): void => void process.stdout.write(`\r\x1b[K${s}`);

console.log(
  'vmha demo: a VM on the virtual network, served to checked clients (native mode, unreplicated)\n',
);
const cluster = await LocalCluster.start({ verbose: opts.verbose });
let stopping = false;
const stop = async (code: number): Promise<never> => {
  if (!stopping) {
    stopping = true;
    await cluster.stop();
  }
  process.exit(code);
};
process.on('SIGINT', () => {
  console.log('\ninterrupted: stopping the cluster');
  void stop(130);
});

try {
  console.log(`nats-server   ${cluster.natsUrl} (JetStream on)`);
  await cluster.launch({
    service: 'primary-vmm',
    instance: 'vmm-a',
    entry: 'packages/primary-vmm/src/main.ts',
    args: ['--vm-id', 'vm1', '--vip', '10.0.0.2', '--memory-mib', '256'],
  });
  console.log(
    'primary-vmm   vmm-a serving vm1 on VIP 10.0.0.2 (256 MiB guest: RESP :6379, bulk :5001, echo :7, sink :9)',
  );
  const link = ['--loss', String(loss), '--reorder', String(reorder)];
  console.log(
    `client link   ${(loss * 100).toFixed(1)}% loss, ${(reorder * 100).toFixed(1)}% reordering each way\n`,
  );

  const bulk = await runClient(
    cluster,
    'client-bulk',
    ['--workload', 'bulk', '--bytes', String(bulkMib * 1024 * 1024), '--seed', '7', ...link],
    (p) =>
      line(
        `bulk download ${((Number(p.bytes) / Number(p.totalBytes)) * 100).toFixed(0)}%  ${mbit(Number(p.bytesPerSecond))} Mbit/s`,
      ),
  );
  await untilNotStopping();
  line('');
  report(
    'bulk download',
    bulk,
    (r) =>
      `${Number(r.receivedBytes) / 1048576} MiB in ${(Number(r.durationMs) / 1000).toFixed(1)} s, ${mbit(Number(r.throughputBytesPerSecond))} Mbit/s, SHA-256 ${String(r.sha256).slice(0, 16)}… ${r.verified ? 'verified' : 'NOT VERIFIED'}`,
  );

  const resp = await runClient(
    cluster,
    'client-resp',
    [
      '--workload',
      'resp',
      '--connections',
      String(connections),
      '--duration-ms',
      `${respSeconds}s`,
      '--seed',
      '11',
      ...link,
    ],
    (p) =>
      line(
        `RESP load     ${(Number(p.elapsedMs) / 1000).toFixed(0)} s  ${Number(p.opsPerSecond).toFixed(0)} ops/s  ${p.completed} done  ${p.violations} violations`,
      ),
  );
  await untilNotStopping();
  line('');
  report('RESP load', resp, (r) => {
    const ops = r.operations as { completed: number };
    const lat = r.latency as Record<string, { p50Ms: number; p99Ms: number }>;
    const parts = ['set', 'get', 'incr']
      .filter((k) => lat[k])
      .map((k) => `${k.toUpperCase()} p50 ${lat[k].p50Ms.toFixed(2)} / p99 ${lat[k].p99Ms.toFixed(2)} ms`);
    return `${ops.completed} ops over ${connections} connections, ${Number(r.opsPerSecond).toFixed(0)} ops/s; ${parts.join(', ')}`;
  });
  const failed = [bulk, resp].some((o) => o.exitCode !== 0);
  console.log(
    failed
      ? '\nA check FAILED (see above).'
      : '\nEvery acknowledged write was visible, counters never went backwards, no connection was reset.',
  );
  await stop(failed ? 1 : 0);
} catch (err) {
  console.error(`\ndemo failed: ${(err as Error).message}`);
  await stop(1);
}

/** After Ctrl-C the clients' partial results are meaningless: wait for stop() to exit instead of reporting them. */
async function untilNotStopping(): Promise<void> {
  if (stopping) await new Promise<never>(() => {});
}

function report(name: string, o: ClientRunOutcome, describe: (r: Record<string, unknown>) => string): void {
  if (!o.result) {
    console.log(
      `${name.padEnd(14)} FAILED (exit ${o.exitCode}) before reporting:\n  ${o.logTail.slice(-5).join('\n  ')}`,
    );
    return;
  }
  const violations = (o.result.violations as unknown[] | undefined)?.length ?? 0;
  console.log(`${name.padEnd(14)} ${describe(o.result)}; ${violations} violations (exit ${o.exitCode})`);
}
