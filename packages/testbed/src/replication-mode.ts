import { REPLICATION_MODES as REPLICATED_MODES } from '@vmha/shared-proto';

/**
 * How a VM's output reaches its clients (the replicated ones are the modes a running VM can be switched between,
 * named once in shared-proto; `native` is this testbed's baseline): see ARCHITECTURE.md, "modes":
 *  - `native`: unreplicated, output leaves at once;
 *  - `remus`: output commit (Remus §3.3), every packet held until its epoch's checkpoint is acked;
 *  - `speculative`: the VMM acks the guest's TCP segments at once and delivers them itself after commit
 *    (Gerofi & Ishikawa, VEE 2012);
 *  - `speculative+racc`: the same, with the guest's congestion control reading the VMM's replication buffer and
 *    epoch timing (replication-aware congestion control) and the VMM pacing its release.
 */
export const REPLICATION_MODES = ['native', ...REPLICATED_MODES] as const;

export type ReplicationMode = (typeof REPLICATION_MODES)[number];

export function isReplicationMode(s: string): s is ReplicationMode {
  return (REPLICATION_MODES as readonly string[]).includes(s);
}

/** Whether checkpoints are taken at all (every mode but `native`). */
export function isReplicated(mode: ReplicationMode): boolean {
  return mode !== 'native';
}

/** Whether the VMM speculates TCP flows. */
export function isSpeculative(mode: ReplicationMode): boolean {
  return mode === 'speculative' || mode === 'speculative+racc';
}
