/**
 * Switching a replicated VM between remus and speculative at run time, over NATS as `vmctl mode` does, under
 * load: connections opened after the switch take the new mode, those already open keep theirs, and every client
 * stream arrives whole.
 */
import { startBulkDownload } from '@vmha/client-sim';
import { ModeReply, ModeRequest, decodeMessage, encodeMessage, subjects } from '@vmha/shared-proto';
import { RACC_FLOW_BUFFER_BYTES } from '@vmha/speculation';
import { describe, expect, it } from 'vitest';
import { VIP, protectedVmUnderLoad, until, useNatsServer } from './test-cluster.ts';

describe('mode switch', () => {
  const nc = useNatsServer();
  const asker = async (vmId: string) => {
    const operator = await nc();
    return async (mode: string) => {
      const answer = await operator.request(
        subjects.replicationMode(vmId),
        encodeMessage(ModeRequest, { vmId, mode }),
        { timeout: 5000 },
      );
      const r = decodeMessage(ModeReply, answer.data);
      if (!r.ok) throw new Error(r.detail);
      return r.message;
    };
  };

  it('new connections take the new mode, open ones keep theirs, and the clients lose nothing', async () => {
    const vm = await protectedVmUnderLoad(nc, { vmId: 'vm-mode', bulkBytes: 4 << 20 });
    const ask = await asker('vm-mode');
    expect(vm.primary.mode).toBe('remus');
    expect(await ask('fast')).toMatchObject({ accepted: false, mode: 'remus' });

    expect(await ask('speculative')).toMatchObject({ accepted: true, mode: 'speculative' });
    const spec = vm.primary.speculation!;
    expect(spec.flowCount).toBe(0); // the connections already open were not taken over
    const second = vm.host.run(() => startBulkDownload(vm.host, { address: VIP, bytes: 8 << 20, seed: 4 }));
    await until(() => spec.counters.specAcks > 100, 'the new connection to be speculated');
    expect(spec.counters.flowsOpened).toBe(1);

    expect(await ask('remus')).toMatchObject({ accepted: true, mode: 'remus' });
    const third = vm.host.run(() => startBulkDownload(vm.host, { address: VIP, bytes: 2 << 20, seed: 5 }));
    const [secondResult, thirdResult] = await Promise.all([second.done, third.done]);
    expect(secondResult.verified).toBe(true);
    expect(thirdResult.verified).toBe(true);
    expect(spec.counters.flowsOpened).toBe(1); // the connection opened in remus mode was not speculated
    await vm.clientsWhole();
    await vm.close();
  }, 120_000);

  it('speculative+racc: the guest is told the buffer through the NIC and fills it; leaving the mode clears it', async () => {
    const vm = await protectedVmUnderLoad(nc, {
      vmId: 'vm-racc',
      bulkBytes: 2 << 20,
      guestCongestionControl: 'racc',
    });
    const ask = await asker('vm-racc');
    const machine = vm.primary.machine;
    expect(machine.replicationStatus).toBeUndefined();
    expect(await ask('speculative+racc')).toMatchObject({ accepted: true, mode: 'speculative+racc' });
    // Announced at once, then refreshed at every epoch boundary (so every capture carries what the guest saw).
    expect(machine.replicationStatus).toMatchObject({ capacityBytes: RACC_FLOW_BUFFER_BYTES, epochMs: 25 });
    const spec = vm.primary.speculation!;
    const download = vm.host.run(() => startBulkDownload(vm.host, { address: VIP, bytes: 6 << 20, seed: 6 }));
    await until(() => spec.counters.specAcks > 200, 'the new connection to be speculated');
    // The guest's racc congestion control opens its window to the announced buffer, not by probing.
    await until(
      () => machine.sockets().some((s) => s.cwnd === RACC_FLOW_BUFFER_BYTES),
      "the guest's window to be the VMM's buffer",
    );
    expect(spec.capacityBytes).toBe(RACC_FLOW_BUFFER_BYTES);
    expect(vm.primary.counters()['repl.racc']).toBe(1);

    expect(await ask('speculative')).toMatchObject({ accepted: true, mode: 'speculative' });
    expect(machine.replicationStatus).toBeUndefined(); // racc falls back to CUBIC
    expect(spec.capacityBytes).toBeLessThan(RACC_FLOW_BUFFER_BYTES);
    expect((await download.done).verified).toBe(true);
    await vm.clientsWhole();
    await vm.close();
  }, 120_000);
});
