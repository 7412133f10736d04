/**
 * Guest physical memory map: the machine region (NIC rings and buffers) at the bottom, then one page-aligned
 * region per program, in the order the programs were given. The region table (name, base, size) is saved in
 * snapshots, and a restore matches programs to regions by name.
 */
import { MachineConfigError, SnapshotFormatError, SnapshotMismatchError } from './errors.ts';
import { PAGE_SIZE } from './guest-memory.ts';
import type { GuestProgram, MemoryRegion } from './program.ts';

export interface RegionEntry extends MemoryRegion {
  readonly name: string;
}

export const MAX_PROGRAM_NAME_BYTES = 128;

const pageAlign = (n: number): number => Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;

/** Checks a program list: well-formed, names unique. The error names the offending program. */
export function checkPrograms(programs: readonly GuestProgram[]): void {
  if (!Array.isArray(programs)) throw new MachineConfigError('programs must be an array of GuestProgram');
  const seen = new Set<string>();
  programs.forEach((p, i) => {
    const label = typeof p?.name === 'string' ? `program '${p.name}'` : `program #${i}`;
    if (
      typeof p?.name !== 'string' ||
      p.name.length === 0 ||
      new TextEncoder().encode(p.name).length > MAX_PROGRAM_NAME_BYTES
    ) {
      throw new MachineConfigError(
        `${label}: name must be a non-empty string of at most ${MAX_PROGRAM_NAME_BYTES} bytes`,
      );
    }
    if (seen.has(p.name))
      throw new MachineConfigError(`${label}: two programs share this name (names must be unique)`);
    seen.add(p.name);
    if (!Number.isSafeInteger(p.memoryBytes) || p.memoryBytes <= 0) {
      throw new MachineConfigError(`${label}: memoryBytes=${p.memoryBytes} must be a positive integer`);
    }
    if (typeof p.boot !== 'function' || typeof p.resume !== 'function') {
      throw new MachineConfigError(`${label}: boot and resume must be functions`);
    }
  });
}

/** Places the programs' regions above the machine region; throws naming memoryBytes when they do not fit. */
export function layoutRegions(
  programs: readonly GuestProgram[],
  machineRegionEnd: number,
  memoryBytes: number,
): RegionEntry[] {
  const regions: RegionEntry[] = [];
  let at = machineRegionEnd;
  for (const p of programs) {
    const size = pageAlign(p.memoryBytes);
    regions.push({ name: p.name, base: at, size });
    at += size;
  }
  if (at > memoryBytes) {
    throw new MachineConfigError(
      `invalid machine setting memoryBytes=${memoryBytes}: too small for the machine region (${machineRegionEnd} bytes ` +
        `of NIC rings and buffers) plus the programs' regions (${at - machineRegionEnd} bytes); needs at least ${at}`,
    );
  }
  return regions;
}

/** Validates a region table read from a snapshot: page-aligned, inside memory above the machine region, disjoint. */
export function checkRegionTable(
  regions: readonly RegionEntry[],
  machineRegionEnd: number,
  memoryBytes: number,
): void {
  const names = new Set<string>();
  const sorted = [...regions].sort((a, b) => a.base - b.base);
  let floor = machineRegionEnd;
  for (const r of sorted) {
    if (names.has(r.name)) throw new SnapshotFormatError(`region table names '${r.name}' twice`);
    names.add(r.name);
    if (r.name.length === 0) throw new SnapshotFormatError('region table has an unnamed region');
    if (r.base % PAGE_SIZE !== 0 || r.size % PAGE_SIZE !== 0 || r.size === 0) {
      throw new SnapshotFormatError(`region '${r.name}' [${r.base}, +${r.size}) is not page-aligned`);
    }
    if (r.base < floor || r.base + r.size > memoryBytes) {
      throw new SnapshotFormatError(
        `region '${r.name}' [${r.base}, +${r.size}) overlaps the machine region or another region, or leaves memory`,
      );
    }
    floor = r.base + r.size;
  }
}

/** Pairs each region with the program of the same name; a missing, extra or outgrown program is an error. */
export function matchPrograms(
  regions: readonly RegionEntry[],
  programs: readonly GuestProgram[],
): Array<{ program: GuestProgram; region: RegionEntry }> {
  checkPrograms(programs);
  const byName = new Map(programs.map((p) => [p.name, p]));
  const pairs: Array<{ program: GuestProgram; region: RegionEntry }> = [];
  for (const region of regions) {
    const program = byName.get(region.name);
    if (!program) {
      throw new SnapshotMismatchError(
        `the snapshot has a region for program '${region.name}', but no such program was given`,
      );
    }
    if (pageAlign(program.memoryBytes) > region.size) {
      throw new SnapshotMismatchError(
        `program '${region.name}' needs ${program.memoryBytes} bytes, more than its saved region (${region.size} bytes)`,
      );
    }
    pairs.push({ program, region });
    byName.delete(region.name);
  }
  if (byName.size > 0) {
    throw new SnapshotMismatchError(
      `program(s) ${[...byName.keys()].map((n) => `'${n}'`).join(', ')} have no region in the snapshot`,
    );
  }
  return pairs;
}
