/** Replication settings shared by primary-vmm and backup-vmm (a promoted backup runs the primary role). */
export const replicationSettings = {
  epochMs: {
    type: 'duration-ms',
    default: 25,
    min: 10,
    max: 1000,
    description: 'Epoch length in ms (Remus: 25): how often the primary checkpoints to its backup',
  },
  heartbeatMs: {
    type: 'duration-ms',
    default: 100,
    min: 10,
    max: 10_000,
    description: 'Heartbeat interval in ms, both ways',
  },
  failureTimeoutMs: {
    type: 'duration-ms',
    default: 1000,
    min: 50,
    max: 60_000,
    description:
      'Silence in ms after which a peer is failed (default 10 heartbeats: rides out GC pauses and big checkpoints)',
  },
  onBackupLoss: {
    type: 'enum',
    values: ['continue', 'pause'],
    default: 'continue',
    description: 'When the backup is lost (and the lease won): keep running unprotected, or pause the guest',
  },
} as const;
