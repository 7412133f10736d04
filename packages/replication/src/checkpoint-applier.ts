/**
 * The backup's side of the checkpoint stream: chunks in, assembled into bodies (never a partial one), decoded,
 * pages materialised against the replica's copies, and applied atomically. Each outcome says what to answer:
 * an applied epoch with the replica's digest, or a rejection asking for a resend.
 */
import {
  BodyKind,
  CheckpointAssembler,
  PageDecodeError,
  PageEncoding,
  RecordDeltaError,
  RecordEncoding,
  decodeCheckpointBody,
  decodePage,
  flattenRecord,
  resolveRecords,
  type ReceivedChunk,
  type RecordBytes,
} from '@vmha/checkpoint';
import {
  MACHINE_RECORD_NAMES,
  PAGE_SIZE,
  type MachineRecords,
  type MachineReplica,
  type PageWrite,
} from '@vmha/machine';

export type ApplierOutcome =
  | { kind: 'synced'; epoch: number; pages: number }
  | { kind: 'applied'; epoch: number; digest: string; pages: number }
  | { kind: 'rejected'; epoch: number; error: string }
  | { kind: 'dropped'; epoch: number; reason: string };

/** A decode buffer above this is not kept (an initial sync's large rounds, once). */
const MAX_KEPT_DECODE_BYTES = 64 << 20;

/** Records the VMM adds beside the machine's (`vmm.speculation`, ...): carried and kept, not part of the digest. */
export const VMM_RECORD_PREFIX = 'vmm.';

export class CheckpointApplier {
  private readonly assembler: CheckpointAssembler;
  /**
   * The VMM records of the last applied checkpoint, in parts: the speculation buffers (up to 16 MiB a flow) change
   * at their edges, and keeping them as views of the previous epoch's parts makes an epoch cost what changed.
   */
  private vmm = new Map<string, RecordBytes>();
  /** Where a body's pages are decoded before the replica takes them (kept for reuse up to a bound). */
  private decoded = new Uint8Array(0);
  /** The epoch a resend was last asked for, so a gap is reported once, not for every chunk behind it. */
  private nacked = -1;

  constructor(
    private readonly replica: MachineReplica,
    options: { maxBodyBytes?: number } = {},
  ) {
    this.assembler = new CheckpointAssembler({
      maxBodyBytes: options.maxBodyBytes ?? replica.memoryBytes + (16 << 20),
      completedEpoch: 0,
      inOrder: true,
    });
  }

  /** A VMM record of the last applied checkpoint (what the VMM resuming the guest restores its own state from). */
  vmmRecord(name: string): Uint8Array | undefined {
    const record = this.vmm.get(name);
    return record === undefined ? undefined : flattenRecord(record);
  }

  /** The newest epoch applied (0 before the seal). */
  get appliedEpoch(): number {
    return Math.max(0, this.assembler.completedEpoch);
  }

  get counters() {
    return this.assembler.counters;
  }

  /** Takes one chunk; returns what happened (usually nothing until a body completes). */
  accept(chunk: ReceivedChunk): ApplierOutcome[] {
    const out: ApplierOutcome[] = [];
    for (const event of this.assembler.accept(chunk)) {
      if (event.kind === 'dropped') out.push({ kind: 'dropped', epoch: event.epoch, reason: event.reason });
      else if (event.kind === 'abandoned')
        out.push({ kind: 'rejected', epoch: event.epoch, error: event.why });
      else out.push(this.apply(event.epoch, event.body, event.crc32));
    }
    return out;
  }

  private apply(epoch: number, bytes: Uint8Array, crc32OfBytes: number): ApplierOutcome {
    const decoded = decodeCheckpointBody(bytes, { crc32OfBytes });
    if (!decoded.ok) return this.reject(epoch, `${decoded.reason}: ${decoded.detail}`);
    const { header, pages: encoded, records } = decoded.body;
    if (header.memoryBytes !== this.replica.memoryBytes)
      return this.reject(
        epoch,
        `checkpoint for ${header.memoryBytes} bytes of memory, replica has ${this.replica.memoryBytes}`,
      );
    let pages: PageWrite[];
    try {
      // Decoded into copies (the apply is atomic) in one reused buffer: the replica copies them in, so the
      // buffer is free again once this body is applied.
      const decoded = this.decodeBuffer(encoded.length * PAGE_SIZE);
      pages = encoded.map((p, i) => {
        // A raw page is its own copy already: the body it sits in is not touched until the apply is over.
        if (p.encoding === PageEncoding.Raw && p.data.length === PAGE_SIZE) return [p.index, p.data] as const;
        const page = decoded.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
        if (p.encoding === PageEncoding.Delta) page.set(this.replica.memory.pageView(p.index));
        decodePage(p.encoding, p.data, page);
        return [p.index, page] as const;
      });
    } catch (e) {
      if (e instanceof PageDecodeError) return this.reject(epoch, `page: ${e.message}`);
      throw e;
    }
    try {
      if (header.kind === BodyKind.SyncPages) {
        this.replica.loadPages(pages);
        return { kind: 'synced', epoch, pages: pages.length };
      }
      const held = this.replica.records; // at the body's base epoch: what record deltas apply to
      const isVmm = (n: string) => n.startsWith(VMM_RECORD_PREFIX);
      const resolved = resolveRecords(
        records,
        (n) => (isVmm(n) ? this.vmm.get(n) : held?.[n as keyof MachineRecords]),
        { asParts: isVmm },
      );
      // Every record kept from here on is memory of its own: a record sent whole is a view of the body (whose
      // buffer the assembler reuses), so it is copied; one rebuilt from a delta is fresh already (or views of
      // parts kept before), and not copied again (for a guest with busy sockets those are megabytes per epoch).
      for (const [name, r] of records)
        if (r.encoding === RecordEncoding.Raw) resolved.set(name, flattenRecord(resolved.get(name)!).slice());
      const missing = MACHINE_RECORD_NAMES.filter((n) => !resolved.has(n));
      if (missing.length > 0) return this.reject(epoch, `records missing: ${missing.join(', ')}`);
      const machineRecords = Object.fromEntries(
        MACHINE_RECORD_NAMES.map((n) => [n, flattenRecord(resolved.get(n)!)]),
      ) as unknown as MachineRecords;
      this.replica.applyCheckpoint(pages, machineRecords, { owned: true });
      // The VMM's own records (e.g. speculation) of the same instant, kept whole beside the replica.
      this.vmm = new Map([...resolved].filter(([n]) => isVmm(n)));
      return { kind: 'applied', epoch: header.epoch, digest: this.replica.digest(), pages: pages.length };
    } catch (e) {
      if (e instanceof RecordDeltaError) return this.reject(epoch, `record: ${e.message}`);
      return this.reject(epoch, (e as Error).message);
    }
  }

  private decodeBuffer(bytes: number): Uint8Array {
    if (bytes <= this.decoded.length) return this.decoded.subarray(0, bytes);
    const fresh = new Uint8Array(bytes);
    if (bytes <= MAX_KEPT_DECODE_BYTES) this.decoded = fresh;
    return fresh;
  }

  private reject(epoch: number, error: string): ApplierOutcome {
    // The body completed in the assembler but was not applied: the resend must be accepted again.
    this.assembler.reset(epoch - 1);
    return { kind: 'rejected', epoch, error };
  }
}
