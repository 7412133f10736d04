/**
 * Every NATS subject vmha uses, all under `vmha.v1.` (the wire version, so a v2 can run beside it).
 * Build subjects only through these functions: they reject tokens that would change a subject's meaning
 * (a dot adds a level, `*` and `>` are wildcards, whitespace breaks the protocol line).
 */

const PREFIX = 'vmha.v1';

/** A subject could not be built from the given value. */
export class SubjectError extends Error {
  override readonly name = 'SubjectError';
}

/** `vmha.v1.net.<a>.<b>.<c>.<d>`: IPv4 datagrams to that address; its owner subscribes. */
export function netAddress(address: string | number): string {
  return `${PREFIX}.net.${ipv4Tokens(address)}`;
}

/** `vmha.v1.vip.<vmId>`: announcements of who owns the VM's virtual IP (`VipAnnouncement`). */
export function vipAnnounce(vmId: string): string {
  return `${PREFIX}.vip.${token('vm id', vmId)}`;
}

/** Subscribes to the VIP announcements of every VM. */
export const vipAnnounceAll = `${PREFIX}.vip.*`;

/** `vmha.v1.vm.<vmId>.status`: the VM's `VmStatus` as its VMM reports it. */
export function vmStatus(vmId: string): string {
  return `${PREFIX}.vm.${token('vm id', vmId)}.status`;
}

/** `vmha.v1.repl.<vmId>.chunks.<backup>`: the primary's `CheckpointChunk`s for one backup instance. */
export function replicationChunks(vmId: string, backup: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.chunks.${token('backup instance', backup)}`;
}

/** `vmha.v1.repl.<vmId>.acks`: backups' `CheckpointAck`s to the VM's primary. */
export function replicationAcks(vmId: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.acks`;
}

/** `vmha.v1.repl.<vmId>.heartbeat`: `Heartbeat`s of the VM's primary, backup and standbys, both ways. */
export function replicationHeartbeat(vmId: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.heartbeat`;
}

/** `vmha.v1.repl.<vmId>.join`: `JoinRequest` to the VM's primary, answered with `JoinReply`. */
export function replicationJoin(vmId: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.join`;
}

/** `vmha.v1.repl.<vmId>.epochs`: `EpochReport`s (sent, acked, activated) of the VM's replication streams. */
export function replicationEpochs(vmId: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.epochs`;
}

/** `vmha.v1.repl.<vmId>.handover`: `HandoverRequest` to the VM's primary (planned failover), `HandoverReply`. */
export function replicationHandover(vmId: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.handover`;
}

/** `vmha.v1.repl.<vmId>.mode`: `ModeRequest` to the VM's primary (remus or speculative), answered `ModeReply`. */
export function replicationMode(vmId: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.mode`;
}

/** `vmha.v1.repl.<vmId>.takeover.<backup>`: the primary's `TakeoverOrder` to its backup, `TakeoverReply`. */
export function replicationTakeover(vmId: string, backup: string): string {
  return `${PREFIX}.repl.${token('vm id', vmId)}.takeover.${token('backup instance', backup)}`;
}

/** `vmha.v1.test.fault.<instance>`: fault commands for a VMM started with its test hook (partitions in tests). */
export function testFault(instance: string): string {
  return `${PREFIX}.test.fault.${token('instance', instance)}`;
}

/** `vmha.v1.health.<service>.<instance>`: one instance answers `HealthRequest` with `HealthReply`. */
export function health(service: string, instance: string): string {
  return `${PREFIX}.health.${token('service', service)}.${token('instance', instance)}`;
}

/** Every instance answers a `HealthRequest` here too (collect the replies to list who is alive). */
export const healthAll = `${PREFIX}.health.all`;

/** Whether `value` can be one subject token: non-empty, no dots, wildcards, whitespace or control characters. */
export function isSubjectToken(value: unknown): value is string {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' && value.length > 0 && !/[.*>\s\u0000-\u001f\u007f]/.test(value);
}

function token(what: string, value: unknown): string {
  if (isSubjectToken(value)) return value;
  throw new SubjectError(
    `invalid ${what} ${JSON.stringify(value)}: a subject token must be non-empty, without dots, '*', '>', ` +
      'whitespace or control characters',
  );
}

function ipv4Tokens(address: string | number): string {
  if (typeof address === 'number') {
    if (Number.isInteger(address) && address >= 0 && address <= 0xffffffff) {
      return `${address >>> 24}.${(address >>> 16) & 0xff}.${(address >>> 8) & 0xff}.${address & 0xff}`;
    }
  } else if (
    typeof address === 'string' &&
    /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(address)
  ) {
    return address;
  }
  throw new SubjectError(
    `invalid IPv4 address ${JSON.stringify(address)}: expected a dotted quad like 10.0.0.2 (no leading zeros) ` +
      'or an unsigned 32-bit integer',
  );
}
