/**
 * The replication modes a `ModeRequest` may name (and a `ModeReply` reports): how a replicated VM's new
 * connections send. `remus`: output held until its epoch is acked. `speculative`: the VMM acks the guest's TCP
 * segments at once and delivers them after the commit (VEE 2012). `speculative+racc`: the same, with the VMM's
 * buffer announced to the guest's replication-aware congestion control.
 */
export const REPLICATION_MODES = ['remus', 'speculative', 'speculative+racc'] as const;
export type ReplicationMode = (typeof REPLICATION_MODES)[number];

export function isReplicationMode(mode: string): mode is ReplicationMode {
  return (REPLICATION_MODES as readonly string[]).includes(mode);
}
