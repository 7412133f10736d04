/**
 * Failover in process, on a real nats-server with JetStream: a primary syncs a backup live and protects the
 * guest epoch by epoch while a client downloads a verified bulk stream and runs checked RESP INCR/SET load; the
 * primary then dies abruptly (its held output is lost, as a kill -9 would lose it). The backup wins the lease,
 * activates the guest from the last acked epoch (whose digest the old primary reported), takes the VIP, and the
 * client's connections carry on: no reset, the stream's hash right, no acknowledged write lost.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RealtimeClientHost, startBulkDownload, startRespLoad } from '@vmha/client-sim';
import { Machine } from '@vmha/machine';
import { ReplicatedVm, standardGuestImage } from '@vmha/primary-vmm';
import { VmLease } from '@vmha/replication';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  Counters,
  captureLogger,
  openKvStore,
  shutdownTelemetry,
  startNatsServer,
  startTelemetry,
} from '@vmha/service-runtime';
import { NetworkAttachment } from '@vmha/vnet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupVm } from './backup-vm.ts';

const VIP = '10.0.0.2';
const CLIENT = '10.0.0.100';
const TIMING = { epochMs: 25, heartbeatMs: 50, failureTimeoutMs: 500 };
const MEMORY = 64 << 20;
const image = () => standardGuestImage({ respMemoryBytes: 8 << 20 });

async function until(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('failover', () => {
  let server: Awaited<ReturnType<typeof startNatsServer>>;
  const conns: NatsConnection[] = [];
  const nc = async () => {
    const c = await connect({ servers: server.url });
    conns.push(c);
    return c;
  };
  beforeAll(async () => {
    server = await startNatsServer({ jetstream: true });
  });
  afterAll(async () => {
    for (const c of conns) await c.close().catch(() => undefined);
    await server?.stop();
  });

  it('the backup takes over a killed primary mid-transfer and the client loses nothing', async () => {
    const logs = captureLogger();
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({
      serviceName: 'failover-test',
      instance: 'a',
      otlpEndpoint: '',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = telemetry.tracer;
    const primaryNc = await nc();
    const primaryLease = new VmLease(await openKvStore(primaryNc, 'vmha_leases'), 'vm1', 'primary-a');
    await primaryLease.acquireFresh('unprotected');
    const primary = new ReplicatedVm({
      ...TIMING,
      vmId: 'vm1',
      instance: 'primary-a',
      machine: Machine.create(
        { address: VIP, memoryBytes: MEMORY, seed: 5, nic: { rxRingSize: 1024, txRingSize: 1024 } },
        image(),
      ),
      nc: primaryNc,
      lease: primaryLease,
      logger: logs.logger.child({ vmm: 'a' }),
      counters: new Counters(),
      tracer,
    });
    primary.start();

    const backupNc = await nc();
    const backup = new BackupVm({
      ...TIMING,
      vmId: 'vm1',
      instance: 'backup-b',
      nc: backupNc,
      lease: new VmLease(await openKvStore(backupNc, 'vmha_leases'), 'vm1', 'backup-b'),
      logger: logs.logger.child({ vmm: 'b' }),
      counters: new Counters(),
      programs: image,
      memoryBytes: MEMORY,
      tracer,
    });
    backup.start();

    // The client, on its own connection and address.
    const clientNc = await nc();
    let deliver: (p: Uint8Array) => void = () => undefined;
    const attachment = new NetworkAttachment({ bus: clientNc, address: CLIENT, onPacket: (p) => deliver(p) });
    const host = new RealtimeClientHost({
      address: CLIENT,
      seed: 9,
      port: { send: (p) => attachment.send(p), onPacket: (h) => (deliver = h) },
    });
    await clientNc.flush();

    await until(() => primary.state.kind === 'protected', 'the backup to be synced');
    const bulk = host.run(() => startBulkDownload(host, { address: VIP, bytes: 48 << 20, seed: 3 }));
    const resp = host.run(() =>
      startRespLoad(host, {
        address: VIP,
        connections: 8,
        pipeline: 4,
        stopAfter: { durationMs: 4000 },
        mix: { set: 2, get: 2, incr: 6 },
      }),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(primary.stats.epochs).toBeGreaterThan(10);

    // kill -9: nothing more leaves the primary, held output included.
    const lastAcked = { epoch: primary.stats.lastAckedEpoch, digest: primary.stats.lastAckedDigest };
    expect(bulk.finished || resp.finished).toBe(false); // both span the failover
    await primary.crashForTest();
    await until(() => backup.state.kind === 'primary', 'the backup to take over', 10_000);
    // The backup resumed from the last epoch it applied: at or after the last the primary saw acked, and with
    // exactly the state digest the primary captured for it.
    expect(backup.stats.lastAppliedEpoch).toBeGreaterThanOrEqual(lastAcked.epoch);
    expect(backup.stats.lastDigest).toBe(primary.recentDigests.get(backup.stats.lastAppliedEpoch));
    expect(lastAcked.digest).toBe(primary.recentDigests.get(lastAcked.epoch));

    const [bulkResult, respResult] = await Promise.all([bulk.done, resp.done]);
    expect(bulkResult.verified).toBe(true);
    expect(bulkResult.violations).toEqual([]);
    expect(respResult.connections.lost).toBe(0);
    expect(respResult.violations).toEqual([]);
    expect(respResult.checks.incrementsAcknowledged).toBeGreaterThan(20);

    // Tracing: epochs are spans the backup's applies join (same trace, child of the epoch); the failover is one
    // trace: the root, then lease won, guest activated, VIP taken, first output released.
    await telemetry.flush();
    const spans = exporter.getFinishedSpans();
    const epochs = spans.filter((x) => x.name === 'epoch');
    const applies = spans.filter((x) => x.name === 'epoch.apply');
    expect(epochs.length, `epochs`).toBeGreaterThan(5);
    const epochIds = new Set(epochs.map((x) => x.spanContext().spanId));
    const joined = applies.filter((a) => a.parentSpanContext && epochIds.has(a.parentSpanContext.spanId));
    expect(joined.length, `applies joined of ${applies.length}`).toBeGreaterThan(3);
    const [root] = spans.filter((x) => x.name === 'failover');
    expect(root).toBeDefined();
    const children = spans
      .filter((x) => x.spanContext().traceId === root.spanContext().traceId && x !== root)
      .map((x) => x.name)
      .sort();
    expect(children).toEqual([
      'failover.activate',
      'failover.first-output',
      'failover.lease',
      'failover.vip',
    ]);
    expect(root.events.map((e) => e.name)).toEqual([
      'failure detected',
      'lease won',
      'first output released',
    ]);
    await shutdownTelemetry();

    await backup.stop();
    await attachment.close();
    host.stop();
  }, 60_000);
});
