/**
 * Planned failover in process, on a real nats-server with JetStream, under client load: the primary pauses the
 * guest, has its final checkpoint acked and orders the backup to take over from exactly that epoch; the backup
 * wins the lease and runs the guest, reporting the activated machine's digest (computed afresh), which equals
 * the digest the primary reported when it sent that epoch. The clients lose nothing. A handover the backup cannot
 * complete leaves the guest running on the old primary, which claims its lease back first.
 */
import type { ReplicatedVm } from '@vmha/primary-vmm';
import {
  EpochEvent,
  EpochReport,
  HandoverReply,
  HandoverRequest,
  decodeMessage,
  encodeMessage,
  subjects,
} from '@vmha/shared-proto';
import { describe, expect, it } from 'vitest';
import { protectedVmUnderLoad, until, useNatsServer } from './test-cluster.ts';

describe('planned failover', () => {
  const nc = useNatsServer();

  /** A protected VM under client load (the shared fixture), with its epoch reports and handover callbacks. */
  async function watchedVmUnderLoad(vmId: string) {
    const reports: EpochReport[] = [];
    const watcher = await nc();
    watcher.subscribe(subjects.replicationEpochs(vmId), {
      callback: (_e, m) => {
        const r = decodeMessage(EpochReport, m.data);
        if (r.ok) reports.push(r.message);
      },
    });
    await watcher.flush();
    const handedOver: string[] = [];
    const vm = await protectedVmUnderLoad(nc, {
      vmId,
      bulkBytes: 32 << 20,
      onHandedOver: (to) => handedOver.push(to),
    });
    return { ...vm, reports, handedOver, watcher };
  }

  it('on request, hands the guest to the backup from the final epoch, and the clients lose nothing', async () => {
    const vm = await watchedVmUnderLoad('vm-planned');
    await new Promise((r) => setTimeout(r, 1200));
    expect(vm.bulk.finished || vm.resp.finished).toBe(false); // the load spans the handover
    // An operator's request, over NATS.
    const answer = await vm.watcher.request(
      subjects.replicationHandover('vm-planned'),
      encodeMessage(HandoverRequest, { vmId: 'vm-planned', requestedBy: 'test' }),
      { timeout: 10_000 },
    );
    const reply = decodeMessage(HandoverReply, answer.data);
    if (!reply.ok) throw new Error(reply.detail);
    expect(reply.message).toMatchObject({ accepted: true, newPrimary: 'backup-b' });
    expect(vm.backup.state.kind).toBe('primary');
    // The answer leaves first; the old primary is fenced right after.
    await until(() => vm.primary.state.kind === 'fenced', 'the old primary fenced', 5000);
    expect(vm.primary.state).toMatchObject({ kind: 'fenced', why: 'handed over to backup-b' });
    expect(vm.handedOver).toEqual(['backup-b']);
    expect(reply.message.guestPausedMs).toBeGreaterThan(0);

    // The backup resumed from the final epoch, with exactly the state the primary captured for it.
    const finalEpoch = Number(reply.message.epoch);
    await until(() => vm.reports.some((r) => r.event === EpochEvent.EPOCH_EVENT_ACTIVATED), 'the report');
    const activated = vm.reports.find((r) => r.event === EpochEvent.EPOCH_EVENT_ACTIVATED)!;
    const sent = vm.reports.find(
      (r) =>
        r.sender === 'primary-a' &&
        r.event === EpochEvent.EPOCH_EVENT_SENT &&
        r.streamId === activated.streamId &&
        Number(r.epoch) === finalEpoch,
    );
    expect(activated).toMatchObject({ sender: 'backup-b' });
    expect(Number(activated.epoch)).toBe(finalEpoch);
    expect(sent?.stateDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(activated.stateDigest).toBe(sent?.stateDigest);
    expect(Number(activated.leaseRevision)).toBe(Number(reply.message.leaseRevision));

    // The new primary has no backup yet: it refuses to hand over.
    expect(await (vm.backup.state as { vm: ReplicatedVm }).vm.handOver('test')).toMatchObject({
      accepted: false,
      reason: expect.stringMatching(/not protected/),
    });
    await vm.clientsWhole();
    await vm.close();
  }, 60_000);

  it('a handover the backup cannot complete leaves the guest running on the old primary', async () => {
    const vm = await watchedVmUnderLoad('vm-planned-fail');
    await new Promise((r) => setTimeout(r, 800));
    await vm.backup.stop(); // gone, before the primary's failure detector notices
    const result = await vm.primary.handOver('test');
    // (Whichever notices first: the final checkpoint's ack timing out, or the failure detector.)
    expect(result).toMatchObject({
      accepted: false,
      reason: expect.stringMatching(/final checkpoint \d+ not acked|no word from backup/),
    });
    await until(() => vm.primary.state.kind === 'unprotected', 'the lease claimed back');
    expect(vm.primary.runner.runState.kind).toBe('running');
    expect(vm.handedOver).toEqual([]);
    await vm.clientsWhole();
    await vm.close();
  }, 60_000);
});
