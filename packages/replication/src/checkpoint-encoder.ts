/**
 * The primary's side of the checkpoint stream: turns sync rounds and epoch captures into checkpoint bodies,
 * each page encoded against what the backup holds (Remus' page-delta cache, here a mirror of every page sent:
 * one flat buffer, so caching a page is a copy, not an allocation) and each state record against the backup's
 * version of it (the previous capture's), cut into chunks.
 * The mirror must match the backup: after a resynchronisation (or when the backup changes) call `reset()`.
 */
import {
  BodyKind,
  CheckpointBodyWriter,
  type BodyStats,
  type BodyWriterOptions,
  type Chunk,
  type RecordBytes,
  type RecordCopy,
} from '@vmha/checkpoint';
import { PAGE_SIZE, type CheckpointCapture } from '@vmha/machine';

export interface EncoderOptions {
  memoryBytes: number;
  /** Largest chunk data (keep the whole NATS message under max_payload). Default 512 KiB. */
  maxChunkBytes?: number;
}

/**
 * A VMM record: its bytes (flat, or in parts kept by reference), optionally with the records whose bytes its new
 * parts may repeat (`sources`, by name: the VMM's speculation buffer holds what the guest kernel's sockets held at
 * the previous epoch).
 */
export type VmmRecord = RecordBytes | { bytes: RecordBytes; sources?: readonly string[] };

export interface EncodedCheckpoint {
  kind: BodyKind;
  epoch: number;
  baseEpoch: number;
  body: Uint8Array;
  chunks: Chunk[];
  stats: BodyStats;
}

export class CheckpointEncoder {
  /**
   * The backup's copy of every page sent (pages never sent stay untouched: the OS maps them lazily). Allocated at
   * the first encode: a promoted backup builds its encoder while its clients wait, and zeroing a large
   * allocation the process had freed before can take tens of milliseconds.
   */
  private mirrorBytes: Uint8Array | undefined;
  /** Per page: 1 when `mirror` holds the backup's version of it. */
  private readonly known: Uint8Array;
  /** The records of the last capture encoded: what the backup holds when it applies the next one. */
  private lastRecords: Map<string, RecordBytes> | undefined;
  private readonly maxChunkBytes: number;

  constructor(private readonly options: EncoderOptions) {
    this.maxChunkBytes = options.maxChunkBytes ?? 512 * 1024;
    if (!Number.isInteger(options.memoryBytes / PAGE_SIZE) || options.memoryBytes <= 0)
      throw new RangeError(`memoryBytes must be a positive multiple of ${PAGE_SIZE}`);
    this.known = new Uint8Array(options.memoryBytes / PAGE_SIZE);
  }

  /** Forgets what the backup holds (a new backup, or a resynchronisation): pages go standalone until resent. */
  reset(): void {
    this.known.fill(0);
    this.lastRecords = undefined;
  }

  /**
   * A sync round (or part of one): pages read while the guest runs, no state records. Every body of a stream has
   * its own number, sync rounds included: rounds take 1, 2, ... and the seal and epochs continue from there.
   */
  encodeSyncPages(epoch: number, pages: Iterable<readonly [number, Uint8Array]>): EncodedCheckpoint {
    return this.encode(BodyKind.SyncPages, epoch, epoch - 1, pages, undefined);
  }

  /** An epoch's capture (SyncSeal for the first after initial sync, Epoch after). */
  encodeCapture(
    kind: typeof BodyKind.SyncSeal | typeof BodyKind.Epoch,
    epoch: number,
    baseEpoch: number,
    capture: CheckpointCapture,
    /**
     * The VMM's own state of the same instant (names start with `vmm.`), carried beside the machine's: bytes, or
     * bytes with the ranges their producer kept from its previous version (encoded without a search).
     */
    vmmRecords?: ReadonlyMap<string, VmmRecord>,
  ): EncodedCheckpoint {
    const copies = new Map<string, readonly RecordCopy[]>(
      Object.entries(capture.recordCopies).filter((e): e is [string, readonly RecordCopy[]] => !!e[1]),
    );
    const sources = new Map<string, readonly string[]>();
    const vmm: Array<[string, RecordBytes]> = [];
    for (const [name, r] of vmmRecords ?? []) {
      if (!name.startsWith('vmm.')) throw new RangeError(`VMM record ${name} must be named vmm.*`);
      if (!('bytes' in r)) vmm.push([name, r]);
      else {
        vmm.push([name, r.bytes]);
        if (r.sources) sources.set(name, r.sources);
      }
    }
    const pages = Array.from(
      capture.pages,
      (index, i) => [index, capture.staging.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE)] as const,
    );
    const records = [...Object.entries(capture.records), ...vmm];
    const encoded = this.encode(kind, epoch, baseEpoch, pages, records, {
      recordCopies: copies,
      recordSources: sources,
    });
    this.lastRecords = new Map(records);
    return encoded;
  }

  private get mirror(): Uint8Array {
    return (this.mirrorBytes ??= new Uint8Array(this.options.memoryBytes));
  }

  private encode(
    kind: BodyKind,
    epoch: number,
    baseEpoch: number,
    pages: Iterable<readonly [number, Uint8Array]>,
    records: Array<[string, RecordBytes]> | undefined,
    hints: Pick<BodyWriterOptions, 'recordCopies' | 'recordSources'> = {},
  ): EncodedCheckpoint {
    const writer = new CheckpointBodyWriter(
      { kind, epoch, baseEpoch, memoryBytes: this.options.memoryBytes },
      records ?? [],
      {
        receiverRecords: this.lastRecords, // records go as deltas against the backup's, as pages do
        ...hints,
        expectedPages: Array.isArray(pages) ? pages.length : undefined,
      },
    );
    const mirror = this.mirror;
    for (const [index, contents] of pages) {
      const at = index * PAGE_SIZE;
      const held = this.known[index] === 1 ? mirror.subarray(at, at + PAGE_SIZE) : undefined;
      writer.addPage(index, contents, held); // (checks the index is inside memory)
      mirror.set(contents.subarray(0, PAGE_SIZE), at);
      this.known[index] = 1;
    }
    const { body, chunks } = writer.finishChunked(this.maxChunkBytes);
    return { kind, epoch, baseEpoch, body, chunks, stats: writer.stats };
  }
}
