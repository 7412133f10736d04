/**
 * What the in-process replication tests share: one guest's shape and timing, a polling wait, a real nats-server
 * with JetStream whose connections are closed after the suite, and a protected VM serving checked clients. Not
 * part of the package's API.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Meter, Tracer } from '@opentelemetry/api';
import { RealtimeClientHost, startBulkDownload, startRespLoad } from '@vmha/client-sim';
import { Machine } from '@vmha/machine';
import { ReplicatedVm, ReplicationMetrics, standardGuestImage } from '@vmha/primary-vmm';
import { VmLease } from '@vmha/replication';
import { Counters, captureLogger, openKvStore, startNatsServer } from '@vmha/service-runtime';
import type { ReplicationMode } from '@vmha/shared-proto';
import { NetworkAttachment } from '@vmha/vnet';
import { afterAll, beforeAll, expect } from 'vitest';
import { BackupVm } from './backup-vm.ts';

export const VIP = '10.0.0.2';
export const CLIENT = '10.0.0.100';
export const TIMING = { epochMs: 25, heartbeatMs: 50, failureTimeoutMs: 500 };
export const MEMORY = 64 << 20;
export const image = () => standardGuestImage({ respMemoryBytes: 8 << 20 });

/** Polls `cond`; on timeout throws with `explain()` appended, so a failure in CI says what the cluster was doing. */
export async function until(
  cond: () => boolean,
  what: string,
  ms = 30_000,
  explain?: () => string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${explain ? `\n${explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts nats-server (JetStream) before the suite and stops it after; returns a connection factory. */
export function useNatsServer(): () => Promise<NatsConnection> {
  let server: Awaited<ReturnType<typeof startNatsServer>>;
  const conns: NatsConnection[] = [];
  beforeAll(async () => {
    server = await startNatsServer({ jetstream: true });
  });
  afterAll(async () => {
    for (const c of conns) await c.close().catch(() => undefined);
    await server?.stop();
  });
  return async () => {
    const c = await connect({ servers: server.url });
    conns.push(c);
    return c;
  };
}

export interface ProtectedVmOptions {
  vmId: string;
  /** Size of the bulk download the client starts (default 48 MiB). */
  bulkBytes?: number;
  tracer?: Tracer;
  meter?: Meter;
  speculation?: boolean;
  /** The primary's mode from the start (default: `speculative` with `speculation`, else `remus`). */
  mode?: ReplicationMode;
  /** The guest kernel's TCP congestion control (default: the stack's). */
  guestCongestionControl?: 'cubic' | 'newreno' | 'racc';
  onHandedOver?: (to: string) => void;
}

/**
 * A primary with a synced backup (both in this process, each on its own NATS connection) and a client on its own
 * address running a verified bulk download and a checked RESP load (SET/GET/INCR over 8 connections for 4 s).
 */
export async function protectedVmUnderLoad(nc: () => Promise<NatsConnection>, o: ProtectedVmOptions) {
  const logs = captureLogger();
  const primaryNc = await nc();
  const primaryLease = new VmLease(await openKvStore(primaryNc, 'vmha_leases'), o.vmId, 'primary-a');
  await primaryLease.acquireFresh('unprotected');
  const primary = new ReplicatedVm({
    ...TIMING,
    vmId: o.vmId,
    instance: 'primary-a',
    machine: Machine.create(
      {
        address: VIP,
        memoryBytes: MEMORY,
        seed: 5,
        nic: { rxRingSize: 1024, txRingSize: 1024 },
        ...(o.guestCongestionControl ? { tcp: { congestionControl: o.guestCongestionControl } } : {}),
      },
      image(),
    ),
    nc: primaryNc,
    lease: primaryLease,
    logger: logs.logger.child({ vmm: 'a' }),
    counters: new Counters(),
    tracer: o.tracer,
    metrics: o.meter ? new ReplicationMetrics(o.meter, o.vmId) : undefined,
    speculation: o.speculation ? {} : undefined,
    onHandedOver: o.onHandedOver,
  });
  if (o.mode) primary.setMode(o.mode);
  primary.start();
  const backupNc = await nc();
  const backup = new BackupVm({
    ...TIMING,
    vmId: o.vmId,
    instance: 'backup-b',
    nc: backupNc,
    lease: new VmLease(await openKvStore(backupNc, 'vmha_leases'), o.vmId, 'backup-b'),
    logger: logs.logger.child({ vmm: 'b' }),
    counters: new Counters(),
    programs: image,
    memoryBytes: MEMORY,
    tracer: o.tracer,
    meter: o.meter,
  });
  backup.start();

  const clientNc = await nc();
  let deliver: (p: Uint8Array) => void = () => undefined;
  const attachment = new NetworkAttachment({ bus: clientNc, address: CLIENT, onPacket: (p) => deliver(p) });
  const host = new RealtimeClientHost({
    address: CLIENT,
    seed: 9,
    port: { send: (p) => attachment.send(p), onPacket: (h) => (deliver = h) },
  });
  await clientNc.flush();
  await until(
    () => primary.state.kind === 'protected',
    'the backup to be synced',
    30_000,
    () => [`backup: ${backup.state.kind}`, ...logs.lines.map((l) => JSON.stringify(l))].join('\n'),
  );
  const bulk = host.run(() =>
    startBulkDownload(host, { address: VIP, bytes: o.bulkBytes ?? 48 << 20, seed: 3 }),
  );
  const resp = host.run(() =>
    startRespLoad(host, {
      address: VIP,
      connections: 8,
      pipeline: 4,
      stopAfter: { durationMs: 4000 },
      mix: { set: 2, get: 2, incr: 6 },
    }),
  );
  /** The clients' checks: the stream verified, no connection lost, no acknowledged write lost. */
  const clientsWhole = async () => {
    const [bulkResult, respResult] = await Promise.all([bulk.done, resp.done]);
    expect(bulkResult.verified).toBe(true);
    expect(bulkResult.violations).toEqual([]);
    expect(respResult.connections.lost).toBe(0);
    expect(respResult.violations).toEqual([]);
    expect(respResult.checks.incrementsAcknowledged).toBeGreaterThan(20);
  };
  const close = async () => {
    await backup.stop();
    await primary.stop();
    await attachment.close();
    host.stop();
  };
  /** What a failed wait prints: both VMMs' states and counters, and every log line at info or above. */
  const explain = (): string =>
    [
      `primary: ${primary.state.kind} ${JSON.stringify(primary.counters())}`,
      `backup: ${backup.state.kind} ${JSON.stringify(backup.counters())}`,
      ...logs.lines.filter((l) => l.level !== 'debug').map((l) => JSON.stringify(l)),
    ].join('\n');
  return { primary, backup, host, bulk, resp, clientsWhole, close, explain };
}
