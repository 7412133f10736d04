/**
 * The primary's side of the checkpoint stream: turns sync rounds and epoch captures into checkpoint bodies,
 * each page encoded against what the backup holds (a page cache, Remus' page-delta cache) and each state record
 * against the backup's version of it (the previous capture's), cut into chunks.
 * The cache must mirror the backup: after a resynchronisation (or when the backup changes) call `reset()`.
 */
import {
  BodyKind,
  CheckpointBodyWriter,
  chunkBody,
  type BodyStats,
  type Chunk,
  type RecordCopy,
} from '@vmha/checkpoint';
import { PAGE_SIZE, type CheckpointCapture } from '@vmha/machine';

export interface EncoderOptions {
  memoryBytes: number;
  /** Largest chunk data (keep the whole NATS message under max_payload). Default 512 KiB. */
  maxChunkBytes?: number;
  /** Bytes of page copies kept to encode deltas against (default: all of memory). */
  cacheBytes?: number;
}

/** A VMM record: its bytes, or its bytes and what its producer kept from the previous version it made. */
export type VmmRecord = Uint8Array | { bytes: Uint8Array; copies: readonly RecordCopy[] };

export interface EncodedCheckpoint {
  kind: BodyKind;
  epoch: number;
  baseEpoch: number;
  body: Uint8Array;
  chunks: Chunk[];
  stats: BodyStats;
}

export class CheckpointEncoder {
  private readonly cache = new Map<number, Uint8Array>();
  /** The records of the last capture encoded: what the backup holds when it applies the next one. */
  private lastRecords: Map<string, Uint8Array> | undefined;
  private readonly maxCachePages: number;
  private readonly maxChunkBytes: number;

  constructor(private readonly options: EncoderOptions) {
    this.maxChunkBytes = options.maxChunkBytes ?? 512 * 1024;
    this.maxCachePages = Math.floor((options.cacheBytes ?? options.memoryBytes) / PAGE_SIZE);
  }

  /** Forgets what the backup holds (a new backup, or a resynchronisation): pages go standalone until resent. */
  reset(): void {
    this.cache.clear();
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
    const vmm: Array<[string, Uint8Array]> = [];
    for (const [name, r] of vmmRecords ?? []) {
      if (!name.startsWith('vmm.')) throw new RangeError(`VMM record ${name} must be named vmm.*`);
      if (r instanceof Uint8Array) vmm.push([name, r]);
      else {
        vmm.push([name, r.bytes]);
        copies.set(name, r.copies);
      }
    }
    const pages = Array.from(
      capture.pages,
      (index, i) => [index, capture.staging.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE)] as const,
    );
    const records = [...Object.entries(capture.records), ...vmm];
    const encoded = this.encode(kind, epoch, baseEpoch, pages, records, copies);
    this.lastRecords = new Map(records);
    return encoded;
  }

  private encode(
    kind: BodyKind,
    epoch: number,
    baseEpoch: number,
    pages: Iterable<readonly [number, Uint8Array]>,
    records: Array<[string, Uint8Array]> | undefined,
    copies?: ReadonlyMap<string, readonly RecordCopy[]>,
  ): EncodedCheckpoint {
    const writer = new CheckpointBodyWriter(
      { kind, epoch, baseEpoch, memoryBytes: this.options.memoryBytes },
      records ?? [],
      this.lastRecords, // records go as deltas against the backup's, as pages do
      copies,
    );
    for (const [index, contents] of pages) {
      writer.addPage(index, contents, this.cache.get(index));
      this.remember(index, contents);
    }
    const body = writer.finish();
    return { kind, epoch, baseEpoch, body, chunks: chunkBody(body, this.maxChunkBytes), stats: writer.stats };
  }

  private remember(index: number, contents: Uint8Array): void {
    if (this.maxCachePages === 0) return;
    this.cache.delete(index); // re-insert: the Map's order is least recently sent first
    if (this.cache.size >= this.maxCachePages) {
      const oldest = this.cache.keys().next().value as number;
      this.cache.delete(oldest);
    }
    this.cache.set(index, contents.slice());
  }
}
