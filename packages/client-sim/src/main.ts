/**
 * client-sim as a process: attaches its own address to the virtual network (with optional link impairments at
 * its edge), runs one workload against the VIP, prints progress lines and a result, and exits 0 when every check
 * held, 3 when a checker found a violation.
 *
 *   node --import tsx packages/client-sim/src/main.ts --nats-url nats://127.0.0.1:4222 --workload resp \
 *     --connections 200 --duration-ms 60s --loss 0.01 --reorder 0.01
 *
 * Output protocol (for the launcher): stdout carries one JSON object per line, `{"progress": ...}` while running
 * and `{"result": ...}` at the end; logs go to stderr.
 */
import { defineSettings, runService } from '@vmha/service-runtime';
import { NetworkAttachment } from '@vmha/vnet';
import { RealtimeClientHost } from './host/realtime-client-host.ts';
import { reportToJson, type WorkloadResult } from './report/report.ts';
import { startBulkDownload } from './workloads/bulk-download.ts';
import { startRespLoad } from './workloads/resp-load.ts';
import { startUpload } from './workloads/upload.ts';
import type { WorkloadRun } from './workloads/workload-run.ts';

export const EXIT_VIOLATIONS = 3;

const settings = defineSettings({
  workload: { type: 'enum', values: ['bulk', 'upload', 'resp'], default: 'bulk', description: 'What to run' },
  target: { type: 'ipv4', default: '10.0.0.2', description: 'The VM address (VIP)' },
  address: { type: 'ipv4', default: '10.0.0.100', description: "This client's own address" },
  bytes: { type: 'int', default: 64 * 1024 * 1024, min: 1, description: 'Bytes to download or upload' },
  seed: {
    type: 'int',
    default: 1,
    min: 0,
    description: 'Seed of the stream, the operation mix and the link',
  },
  connections: { type: 'int', default: 50, min: 1, max: 10_000, description: 'RESP connections' },
  durationMs: { type: 'duration-ms', default: 10_000, min: 1, description: 'RESP load duration' },
  pipeline: {
    type: 'int',
    default: 1,
    min: 1,
    max: 1024,
    description: 'RESP commands in flight per connection',
  },
  mss: { type: 'int', default: 1460, min: 536, max: 8960, description: 'Client TCP MSS' },
  delayMs: { type: 'number', default: 0, min: 0, description: 'One-way delay added at this edge, each way' },
  bandwidthMbps: {
    type: 'number',
    default: 0,
    min: 0,
    description: 'Edge bandwidth each way (0 = unlimited)',
  },
  loss: {
    type: 'number',
    default: 0,
    min: 0,
    max: 0.99,
    description: 'Loss probability at this edge, each way',
  },
  reorder: { type: 'number', default: 0, min: 0, max: 0.99, description: 'Reorder probability, each way' },
  duplicate: {
    type: 'number',
    default: 0,
    min: 0,
    max: 0.99,
    description: 'Duplication probability, each way',
  },
  progressIntervalMs: { type: 'duration-ms', default: 1000, min: 50, description: 'Progress line interval' },
});

await runService({
  name: 'client-sim',
  description: 'Drives a workload at a VM over the virtual network and checks every answer',
  settings,
  async main(ctx) {
    const c = ctx.config;
    const link = (salt: number) => ({
      delayMs: c.delayMs,
      bandwidthMbps: c.bandwidthMbps,
      loss: c.loss,
      reorder: c.reorder,
      duplicate: c.duplicate,
      seed: c.seed * 7919 + salt,
    });
    let deliver: (p: Uint8Array) => void = () => {};
    const attachment = new NetworkAttachment({
      bus: ctx.nc,
      address: c.address,
      onPacket: (p) => deliver(p),
      egress: link(1),
      ingress: link(2),
    });
    const host = new RealtimeClientHost({
      address: c.address,
      seed: c.seed,
      mss: c.mss,
      port: { send: (p) => attachment.send(p), onPacket: (h) => (deliver = h) },
    });
    await ctx.nc.flush(); // the subscription is live before the first SYN leaves
    const emit = (o: object): void => void process.stdout.write(JSON.stringify(o) + '\n');
    const common = {
      address: c.target,
      progressIntervalMs: c.progressIntervalMs,
      onProgress: (p: object) => emit({ progress: p }),
    };

    let run: WorkloadRun<WorkloadResult>;
    switch (c.workload) {
      case 'bulk':
        run = host.run(() => startBulkDownload(host, { ...common, bytes: c.bytes, seed: c.seed }));
        break;
      case 'upload':
        run = host.run(() => startUpload(host, { ...common, bytes: c.bytes, seed: c.seed }));
        break;
      case 'resp':
        run = host.run(() =>
          startRespLoad(host, {
            ...common,
            connections: c.connections,
            stopAfter: { durationMs: c.durationMs },
            pipeline: c.pipeline,
            seed: c.seed,
            keyPrefix: `${ctx.instance}:${c.seed}:`,
          }),
        );
        break;
    }
    // Serving while the workload runs (main returns only when it ends): what health checks see meanwhile.
    ctx.health.setStatus('serving');
    ctx.onShutdown('workload', () => {
      run.stop();
      host.stop();
      return attachment.close();
    });
    const result = await run.done;
    emit({
      result: JSON.parse(reportToJson(result)),
      link: attachment.impairmentCounters,
      network: attachment.counters,
    });
    const ok =
      result.violations.length === 0 && !result.stopped && ('verified' in result ? result.verified : true);
    await ctx.shutdown('workload finished', ok ? 0 : EXIT_VIOLATIONS);
  },
});
