/**
 * The backup's copy of a guest (Remus): memory and state records, brought up to date checkpoint by checkpoint and
 * never run until it is activated. Initial sync writes pages while the primary's guest runs (no records yet);
 * each checkpoint then applies atomically: every page and record is validated before anything is written, so a
 * bad checkpoint leaves the replica exactly at the previous one. The digest follows the primary's, cheaply.
 */
import { SnapshotFormatError } from '../errors.ts';
import { GuestMemory, PAGE_SIZE } from '../guest-memory.ts';
import { GuestKernel } from '../kernel/guest-kernel.ts';
import { MAX_MEMORY_BYTES } from '../machine-config.ts';
import { decodeMachineRecords, type MachineRecords } from './machine-records.ts';
import { PageCrcTable } from './page-crc-table.ts';

/** A whole page to install: its index and its 4 KiB of contents. */
export type PageWrite = readonly [index: number, contents: Uint8Array];

export class MachineReplica {
  readonly memory: GuestMemory;
  private readonly crcs: PageCrcTable;
  private current: MachineRecords | undefined;
  private activated = false;

  constructor(readonly memoryBytes: number) {
    if (
      !Number.isSafeInteger(memoryBytes) ||
      memoryBytes <= 0 ||
      memoryBytes % PAGE_SIZE !== 0 ||
      memoryBytes > MAX_MEMORY_BYTES
    )
      throw new RangeError(`replica memory of ${memoryBytes} bytes is not a valid machine memory size`);
    this.memory = new GuestMemory(memoryBytes);
    this.crcs = new PageCrcTable(this.memory.pageCount);
  }

  /** Whether a complete state (records) has been applied: only then can the replica be activated. */
  get ready(): boolean {
    return this.current !== undefined;
  }

  /** The records of the last applied checkpoint. */
  get records(): MachineRecords | undefined {
    return this.current;
  }

  /** Installs pages during initial sync (no state yet). Validates them all before writing any. */
  loadPages(pages: readonly PageWrite[]): void {
    this.checkUsable();
    this.checkPages(pages);
    this.writePages(pages);
  }

  /**
   * Applies one checkpoint atomically: the pages it changed (whole contents) and every record. Throws (and
   * changes nothing) when a page or record is invalid.
   */
  applyCheckpoint(
    pages: readonly PageWrite[],
    records: MachineRecords,
    /** The records' buffers are handed over (fresh, shared with nothing reused): kept as they are, not copied. */
    options: { owned?: boolean } = {},
  ): void {
    this.checkUsable();
    this.checkPages(pages);
    decodeMachineRecords(records, this.memoryBytes);
    // The guest-tcp state rebuilt in full and dropped: a checkpoint is acked only if the guest could resume from
    // it, and the restore path a failover takes is already compiled when it does (cold, it cost 5-14 ms).
    GuestKernel.checkRecord(records.kernel);
    this.writePages(pages);
    this.current = options.owned ? { ...records } : copyRecords(records);
  }

  /** The digest of the applied state (same function as the primary's `Machine.stateDigest`). */
  digest(): string {
    if (!this.current) throw new Error('the replica holds no complete state yet');
    return this.crcs.digest({ ...this.current });
  }

  /**
   * Hands memory and records to `Machine.activate` (once): the replica's memory becomes the running guest's, so
   * the replica cannot be used afterwards.
   */
  takeForActivation(): { memory: GuestMemory; records: MachineRecords } {
    this.checkUsable();
    if (!this.current) throw new Error('the replica holds no complete state yet: it cannot be activated');
    this.activated = true;
    return { memory: this.memory, records: this.current };
  }

  private checkUsable(): void {
    if (this.activated)
      throw new Error('this replica was activated: its memory belongs to the running machine');
  }

  private checkPages(pages: readonly PageWrite[]): void {
    const seen = new Set<number>();
    for (const [index, contents] of pages) {
      if (!Number.isInteger(index) || index < 0 || index >= this.memory.pageCount)
        throw new SnapshotFormatError(`page ${index} is outside memory (${this.memory.pageCount} pages)`);
      if (seen.has(index)) throw new SnapshotFormatError(`page ${index} is written twice in one checkpoint`);
      seen.add(index);
      if (!(contents instanceof Uint8Array) || contents.length !== PAGE_SIZE)
        throw new SnapshotFormatError(`page ${index} is not ${PAGE_SIZE} bytes`);
    }
  }

  private writePages(pages: readonly PageWrite[]): void {
    for (const [index, contents] of pages) {
      this.memory.loadPage(index, contents);
      this.crcs.update(index, contents);
    }
  }
}

function copyRecords(r: MachineRecords): MachineRecords {
  return { vcpu: r.vcpu.slice(), nic: r.nic.slice(), kernel: r.kernel.slice(), layout: r.layout.slice() };
}
