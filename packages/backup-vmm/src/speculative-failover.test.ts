/**
 * Speculative communication end to end, in process, on a real nats-server: the primary acks the guest's TCP
 * segments at once and delivers them after their epoch commits; its flow table rides in every checkpoint. When
 * the primary dies mid-transfer, the backup resumes the guest and the flow table from the last applied epoch and
 * goes on delivering what the guest already believed acknowledged: the client's stream arrives whole, its
 * connections intact, no acknowledged write lost.
 */
import { RealtimeClientHost, startBulkDownload, startRespLoad } from '@vmha/client-sim';
import { Machine } from '@vmha/machine';
import { ReplicatedVm } from '@vmha/primary-vmm';
import { VmLease } from '@vmha/replication';
import { Counters, captureLogger, openKvStore } from '@vmha/service-runtime';
import { NetworkAttachment } from '@vmha/vnet';
import { describe, expect, it } from 'vitest';
import { BackupVm } from './backup-vm.ts';
import { CLIENT, MEMORY, TIMING, VIP, image, until, useNatsServer } from './test-cluster.ts';

describe('speculative failover', () => {
  const nc = useNatsServer();

  it('the backup resumes the speculation flow table and the client loses nothing', async () => {
    const logs = captureLogger();
    const primaryNc = await nc();
    const primaryLease = new VmLease(await openKvStore(primaryNc, 'vmha_leases'), 'vm-spec', 'primary-a');
    await primaryLease.acquireFresh('unprotected');
    const primary = new ReplicatedVm({
      ...TIMING,
      vmId: 'vm-spec',
      instance: 'primary-a',
      machine: Machine.create(
        { address: VIP, memoryBytes: MEMORY, seed: 5, nic: { rxRingSize: 1024, txRingSize: 1024 } },
        image(),
      ),
      nc: primaryNc,
      lease: primaryLease,
      logger: logs.logger.child({ vmm: 'a' }),
      counters: new Counters(),
      speculation: {},
    });
    primary.start();
    const backupNc = await nc();
    const backup = new BackupVm({
      ...TIMING,
      vmId: 'vm-spec',
      instance: 'backup-b',
      nc: backupNc,
      lease: new VmLease(await openKvStore(backupNc, 'vmha_leases'), 'vm-spec', 'backup-b'),
      logger: logs.logger.child({ vmm: 'b' }),
      counters: new Counters(),
      programs: image,
      memoryBytes: MEMORY,
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
    await until(() => primary.state.kind === 'protected', 'the backup to be synced');
    const bulk = host.run(() => startBulkDownload(host, { address: VIP, bytes: 64 << 20, seed: 3 }));
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
    const spec = primary.speculation!.counters;
    expect(spec.flowsOpened).toBeGreaterThan(5); // bulk and RESP connections were speculated
    expect(spec.specAcks).toBeGreaterThan(100);
    expect(bulk.finished).toBe(false);

    await primary.crashForTest(); // kill -9, mid-transfer
    await until(() => backup.state.kind === 'primary', 'the backup to take over', 10_000);
    const promoted = (backup.state as { vm: ReplicatedVm }).vm;
    expect(promoted.speculation?.flowCount).toBeGreaterThan(0); // the flow table came with the checkpoint

    const [bulkResult, respResult] = await Promise.all([bulk.done, resp.done]);
    expect(bulkResult.verified).toBe(true);
    expect(bulkResult.violations).toEqual([]);
    expect(respResult.connections.lost).toBe(0);
    expect(respResult.violations).toEqual([]);
    expect(respResult.checks.incrementsAcknowledged).toBeGreaterThan(20);
    await backup.stop();
    await attachment.close();
    host.stop();
  }, 90_000);
});
