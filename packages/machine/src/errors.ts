/**
 * The machine's error types. Each names one kind of failure so a VMM can react to it without parsing messages:
 * bad configuration, an operation the machine's state does not allow, guest code that failed (the vCPU halts),
 * snapshot bytes that are malformed, and well-formed snapshots that do not fit the machine they are given to.
 */

/** A configuration value is invalid; the message names the setting. */
export class MachineConfigError extends Error {
  override name = 'MachineConfigError';
}

/** The operation is not allowed in the machine's current state (e.g. runSlice while paused, save while running). */
export class MachineStateError extends Error {
  override name = 'MachineStateError';
}

/** Guest code (a program or the guest kernel) failed; the vCPU is halted and the machine keeps its state. */
export class GuestFault extends Error {
  override name = 'GuestFault';
}

/** Snapshot or state-record bytes are malformed: bad magic, unsupported version, truncation, corruption. */
export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError';
}

/**
 * Well-formed snapshot bytes that cannot be applied here: a delta that does not follow the machine's state, a
 * snapshot of another memory size, or programs that do not match its region table.
 */
export class SnapshotMismatchError extends Error {
  override name = 'SnapshotMismatchError';
}
