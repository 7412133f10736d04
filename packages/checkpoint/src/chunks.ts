/**
 * A checkpoint body cut into chunks that each fit in one NATS message, and the receiving side that puts them
 * back together. The assembler never hands out a partial checkpoint: a checkpoint is complete only when every
 * chunk arrived with a good CRC and consistent framing; otherwise it is abandoned (the backup stays at the
 * previous epoch and asks for it again). The stream is in order (one publisher, one subscriber), so a chunk of a
 * newer checkpoint while an older one is incomplete means the older one lost chunks.
 */
import { crc32 } from 'node:zlib';
import { crc32Combine } from './crc32-combine.ts';

export interface Chunk {
  chunkIndex: number;
  chunkCount: number;
  bodyBytes: number;
  dataCrc32: number;
  data: Uint8Array;
}

/** Cuts `body` into chunks of at most `maxDataBytes` each (views into `body`, not copies). */
export function chunkBody(body: Uint8Array, maxDataBytes: number): Chunk[] {
  if (!Number.isInteger(maxDataBytes) || maxDataBytes < 1) throw new RangeError('maxDataBytes must be >= 1');
  const count = Math.max(1, Math.ceil(body.length / maxDataBytes));
  const chunks: Chunk[] = [];
  for (let i = 0; i < count; i++) {
    const data = body.subarray(i * maxDataBytes, Math.min(body.length, (i + 1) * maxDataBytes));
    chunks.push({ chunkIndex: i, chunkCount: count, bodyBytes: body.length, dataCrc32: crc32(data), data });
  }
  return chunks;
}

/** A chunk as received: which checkpoint it belongs to, and its framing. */
export interface ReceivedChunk extends Chunk {
  epoch: number;
}

export type ChunkDropReason =
  | 'ahead'
  | 'bad-crc'
  | 'bad-framing'
  | 'too-large'
  | 'duplicate'
  | 'inconsistent'
  | 'stale'
  | 'already-complete';

export type AssemblyEvent =
  /**
   * `crc32`: the CRC-32 of all of `body`, combined from its chunks' (for `decodeCheckpointBody`). `body` is the
   * assembler's reused buffer: valid until the next `accept` (copy it to keep it).
   */
  | { kind: 'complete'; epoch: number; body: Uint8Array; crc32: number }
  /** An incomplete checkpoint given up (a newer one started, or `abandon` was called): ask for it again. */
  | { kind: 'abandoned'; epoch: number; received: number; expected: number; why: string }
  | { kind: 'dropped'; epoch: number; reason: ChunkDropReason };

export interface AssemblerOptions {
  /** Largest body accepted (a bound on memory a hostile or broken sender can make us hold). */
  maxBodyBytes: number;
  /** Epochs at or below this are complete already (the receiver's applied epoch). */
  completedEpoch?: number;
  /**
   * Accept only the checkpoint right after the completed one (completed + 1): each applies on top of the one
   * before, so a newer one cannot be used until the gap is filled. Chunks of later checkpoints are dropped as
   * 'ahead' (the sender resends in order). Without it, a newer checkpoint abandons an incomplete older one.
   */
  inOrder?: boolean;
}

interface InProgress {
  epoch: number;
  count: number;
  bodyBytes: number;
  /** Every chunk but the last has this length (as `chunkBody` cuts): known from the first chunk that arrives. */
  chunkBytes: number;
  /** Chunks are copied into place as they arrive. */
  body: Uint8Array;
  /** Per chunk, its CRC once it arrived. */
  crcs: (number | undefined)[];
  received: number;
}

/** Bodies up to this size are assembled in one reused buffer. */
const MAX_REUSED_BODY_BYTES = 64 << 20;

export class CheckpointAssembler {
  private current: InProgress | undefined;
  private reusable = new Uint8Array(0);
  private completed: number;
  readonly counters: Record<ChunkDropReason | 'chunks' | 'complete' | 'abandoned', number> = {
    chunks: 0,
    ahead: 0,
    complete: 0,
    abandoned: 0,
    'bad-crc': 0,
    'bad-framing': 0,
    'too-large': 0,
    duplicate: 0,
    inconsistent: 0,
    stale: 0,
    'already-complete': 0,
  };

  constructor(private readonly options: AssemblerOptions) {
    this.completed = options.completedEpoch ?? -1;
  }

  /** The newest epoch assembled (or given as complete). */
  get completedEpoch(): number {
    return this.completed;
  }

  /** The checkpoint being assembled, if any. */
  get inProgress(): { epoch: number; received: number; expected: number } | undefined {
    const c = this.current;
    return c && { epoch: c.epoch, received: c.received, expected: c.count };
  }

  /** Marks epochs up to `epoch` complete (e.g. after a resynchronisation) and drops what is in progress. */
  reset(epoch: number): void {
    this.completed = epoch;
    this.current = undefined;
  }

  /** Takes one chunk; returns what happened, in order (possibly an abandonment and then a completion). */
  accept(chunk: ReceivedChunk): AssemblyEvent[] {
    this.counters.chunks++;
    const { epoch, chunkIndex, chunkCount, bodyBytes, data } = chunk;
    if (
      !Number.isSafeInteger(epoch) ||
      epoch < 0 ||
      !Number.isInteger(chunkCount) ||
      chunkCount < 1 ||
      !Number.isInteger(chunkIndex) ||
      chunkIndex < 0 ||
      chunkIndex >= chunkCount ||
      !Number.isInteger(bodyBytes) ||
      bodyBytes < 0 ||
      data.length > bodyBytes ||
      chunkCount > Math.max(1, bodyBytes)
    ) {
      return [this.drop(epoch, 'bad-framing')];
    }
    if (bodyBytes > this.options.maxBodyBytes) return [this.drop(epoch, 'too-large')];
    if (crc32(data) !== chunk.dataCrc32 >>> 0) return [this.drop(epoch, 'bad-crc')];
    if (epoch <= this.completed) return [this.drop(epoch, 'already-complete')];
    if (this.options.inOrder && epoch > this.completed + 1) return [this.drop(epoch, 'ahead')];
    const events: AssemblyEvent[] = [];
    let cur = this.current;
    if (cur && epoch < cur.epoch) return [this.drop(epoch, 'stale')];
    if (cur && epoch > cur.epoch) {
      events.push(this.abandonCurrent(`chunks of epoch ${epoch} arrived first`));
      cur = undefined;
    }
    // Where the chunk goes: every chunk but the last is `chunkBytes` long, the last holds the rest.
    const last = chunkIndex === chunkCount - 1;
    const chunkBytes =
      chunkCount === 1 ? bodyBytes : last ? (bodyBytes - data.length) / (chunkCount - 1) : data.length;
    const lastBytes = bodyBytes - (chunkCount - 1) * chunkBytes;
    const tiles =
      chunkCount === 1
        ? data.length === bodyBytes
        : Number.isInteger(chunkBytes) &&
          chunkBytes > 0 &&
          lastBytes > 0 &&
          lastBytes <= chunkBytes &&
          data.length === (last ? lastBytes : chunkBytes);
    if (!tiles) {
      events.push(this.drop(epoch, 'inconsistent'));
      return events;
    }
    if (!cur) {
      cur = {
        epoch,
        count: chunkCount,
        bodyBytes,
        chunkBytes,
        body: this.bodyBuffer(bodyBytes),
        crcs: new Array<number | undefined>(chunkCount),
        received: 0,
      };
      this.current = cur;
    } else if (cur.count !== chunkCount || cur.bodyBytes !== bodyBytes || cur.chunkBytes !== chunkBytes) {
      events.push(this.drop(epoch, 'inconsistent'));
      return events;
    }
    if (cur.crcs[chunkIndex] !== undefined) {
      events.push(this.drop(epoch, 'duplicate'));
      return events;
    }
    // A copy: the message buffer the chunk came in may be reused by the client library.
    cur.body.set(data, chunkIndex * cur.chunkBytes);
    cur.crcs[chunkIndex] = chunk.dataCrc32 >>> 0;
    cur.received++;
    if (cur.received === cur.count) {
      this.current = undefined;
      let crc = 0;
      for (let i = 0; i < cur.count; i++) {
        const length = i === cur.count - 1 ? cur.bodyBytes - i * cur.chunkBytes : cur.chunkBytes;
        crc = crc32Combine(crc, cur.crcs[i]!, length);
      }
      this.completed = epoch;
      this.counters.complete++;
      events.push({ kind: 'complete', epoch, body: cur.body, crc32: crc });
    }
    return events;
  }

  /**
   * A buffer for a body of `bytes`: the last one's, reused (a fresh multi-MiB buffer per checkpoint costs page
   * faults and garbage collection); a body above the bound gets its own.
   */
  private bodyBuffer(bytes: number): Uint8Array {
    if (bytes <= this.reusable.length) return this.reusable.subarray(0, bytes);
    const fresh = new Uint8Array(bytes);
    if (bytes <= MAX_REUSED_BODY_BYTES) this.reusable = fresh;
    return fresh;
  }

  /** Gives up the checkpoint in progress (e.g. no chunk for too long); returns its abandonment, if any. */
  abandon(why: string): AssemblyEvent | undefined {
    return this.current ? this.abandonCurrent(why) : undefined;
  }

  private abandonCurrent(why: string): AssemblyEvent {
    const cur = this.current!;
    this.current = undefined;
    this.counters.abandoned++;
    return { kind: 'abandoned', epoch: cur.epoch, received: cur.received, expected: cur.count, why };
  }

  private drop(epoch: number, reason: ChunkDropReason): AssemblyEvent {
    this.counters[reason]++;
    return { kind: 'dropped', epoch, reason };
  }
}
