/**
 * Speculative communication end to end, in process, on a real nats-server: the primary acks the guest's TCP
 * segments at once and delivers them after their epoch commits; its flow table rides in every checkpoint. When
 * the primary dies mid-transfer, the backup resumes the guest and the flow table from the last applied epoch and
 * goes on delivering what the guest already believed acknowledged: the client's stream arrives whole, its
 * connections intact, no acknowledged write lost.
 */
import type { ReplicatedVm } from '@vmha/primary-vmm';
import { RACC_FLOW_BUFFER_BYTES } from '@vmha/speculation';
import { describe, expect, it } from 'vitest';
import { protectedVmUnderLoad, until, useNatsServer } from './test-cluster.ts';

describe('speculative failover', () => {
  const nc = useNatsServer();

  for (const mode of ['speculative', 'speculative+racc'] as const) {
    it(`${mode}: the backup resumes the speculation flow table and the client loses nothing`, async () => {
      const { primary, backup, bulk, clientsWhole, close, explain } = await protectedVmUnderLoad(nc, {
        vmId: `vm-spec-${mode === 'speculative' ? 'plain' : 'racc'}`,
        bulkBytes: 64 << 20,
        speculation: true,
        mode,
        guestCongestionControl: 'racc', // (CUBIC unless the VMM announces its buffer)
      });
      await new Promise((r) => setTimeout(r, 1500));
      const spec = primary.speculation!.counters;
      expect(spec.flowsOpened).toBeGreaterThan(5); // bulk and RESP connections were speculated
      expect(spec.specAcks).toBeGreaterThan(100);
      expect(bulk.finished).toBe(false);

      expect(primary.state.kind, explain()).toBe('protected'); // a backup to fail over to
      await primary.crashForTest(); // kill -9, mid-transfer
      await until(() => backup.state.kind === 'primary', 'the backup to take over', 10_000, explain);
      const promoted = (backup.state as { vm: ReplicatedVm }).vm;
      expect(promoted.speculation?.flowCount).toBeGreaterThan(0); // the flow table came with the checkpoint
      // The mode comes with the checkpoint too: the flows' buffer, and the NIC's registers telling the guest.
      expect(promoted.mode).toBe(mode);
      expect(promoted.speculation?.capacityBytes).toBe(primary.speculation!.capacityBytes);
      if (mode === 'speculative+racc')
        expect(promoted.machine.replicationStatus?.capacityBytes).toBe(RACC_FLOW_BUFFER_BYTES);
      else expect(promoted.machine.replicationStatus).toBeUndefined();

      await clientsWhole();
      await close();
    }, 90_000);
  }
});
