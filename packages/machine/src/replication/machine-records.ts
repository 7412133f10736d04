/**
 * The state records that travel with every replication checkpoint: the vCPU, the NIC device and the guest
 * kernel (each versioned by its owner), and the machine's layout (memory size and the programs' regions), which
 * a backup needs to activate the guest but which a VMSN snapshot keeps in its header.
 */
import { VirtioNet } from '../devices/virtio-net.ts';
import { nicLayout } from '../devices/virtio-net-layout.ts';
import { SnapshotFormatError } from '../errors.ts';
import { GuestKernel } from '../kernel/guest-kernel.ts';
import { checkRegionTable, type RegionEntry } from '../memory-map.ts';
import { ByteReader, ByteWriter, readRecordHeader, writeRecordHeader } from '../snapshot/byte-codec.ts';
import { Vcpu, type VcpuState } from '../vcpu.ts';
import type { NicDeviceState } from '../devices/virtio-net.ts';

/** Every record a checkpoint carries, by name. */
export interface MachineRecords {
  readonly vcpu: Uint8Array;
  readonly nic: Uint8Array;
  readonly kernel: Uint8Array;
  readonly layout: Uint8Array;
}

export const MACHINE_RECORD_NAMES = ['vcpu', 'nic', 'kernel', 'layout'] as const;

/**
 * The record holding the guest's socket buffers: what a guest sends was there first, so a VMM record of guest
 * output (the speculation buffer) names it as a source for checkpoint deltas.
 */
export const GUEST_SOCKETS_RECORD = 'kernel' satisfies (typeof MACHINE_RECORD_NAMES)[number];

const LAYOUT_MAGIC = 'MLAY';
export const LAYOUT_RECORD_VERSION = 1;

export function encodeLayoutRecord(memoryBytes: number, regions: readonly RegionEntry[]): Uint8Array {
  const w = new ByteWriter(64 + regions.length * 32);
  writeRecordHeader(w, LAYOUT_MAGIC, LAYOUT_RECORD_VERSION);
  w.u53(memoryBytes).u32(regions.length);
  for (const r of regions) w.string(r.name).u53(r.base).u53(r.size);
  return w.finish();
}

export function decodeLayoutRecord(bytes: Uint8Array): { memoryBytes: number; regions: RegionEntry[] } {
  const r = new ByteReader(bytes, 'layout record');
  readRecordHeader(r, LAYOUT_MAGIC, LAYOUT_RECORD_VERSION, 'layout record');
  const memoryBytes = r.u53('memory bytes');
  const count = r.u32('region count');
  if (count > r.remaining) throw new SnapshotFormatError(`layout record region count ${count} is impossible`);
  const regions: RegionEntry[] = [];
  for (let i = 0; i < count; i++)
    regions.push({ name: r.string('region name'), base: r.u53('base'), size: r.u53('size') });
  r.end();
  return { memoryBytes, regions };
}

export interface DecodedRecords {
  vcpu: VcpuState;
  nic: NicDeviceState;
  memoryBytes: number;
  regions: RegionEntry[];
}

/**
 * Decodes a set of records: vCPU, NIC and layout in full; the kernel record's header and framing (its guest-tcp
 * state is rebuilt by `GuestKernel.restore`, or checked by `GuestKernel.checkRecord`, as a replica does for every
 * checkpoint). Throws SnapshotFormatError naming the problem.
 */
export function decodeMachineRecords(records: MachineRecords, memoryBytes: number): DecodedRecords {
  for (const name of MACHINE_RECORD_NAMES) {
    if (!(records[name] instanceof Uint8Array))
      throw new SnapshotFormatError(`the ${name} record is missing`);
  }
  const layout = decodeLayoutRecord(records.layout);
  if (layout.memoryBytes !== memoryBytes) {
    throw new SnapshotFormatError(
      `layout record is for ${layout.memoryBytes} bytes of memory, not ${memoryBytes}`,
    );
  }
  const vcpu = Vcpu.decodeRecord(records.vcpu);
  const nic = VirtioNet.decodeRecord(records.nic, memoryBytes);
  checkRegionTable(layout.regions, nicLayout(nic.geometry).end, memoryBytes);
  GuestKernel.decodeRecord(records.kernel);
  return { vcpu, nic, memoryBytes, regions: layout.regions };
}
