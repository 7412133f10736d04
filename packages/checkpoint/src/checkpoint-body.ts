/**
 * The checkpoint body: what one checkpoint carries, as versioned bytes. A header (kind, epochs, memory size),
 * the machine's state records by name (vCPU, devices, guest kernel: opaque here; each raw, or a record-delta
 * against the receiver's version of it at the base epoch, which may also copy from the receiver's base version
 * of another record of the table, by its position there), the pages (each encoded by page-codec against the
 * receiver's copy) and a CRC-32 of everything before it, so a body reassembled wrongly is caught even where every
 * chunk was intact.
 *
 *   "VCKP" | version u8 | kind u8 | 0 u16 | epoch u64 | base epoch u64 | memory bytes u64
 *   | record count u16 | (name length u8, name UTF-8, encoding u8, length u32, bytes)*
 *   | page count u32 | (page index u32, encoding u8, length u16, data)* | crc32 u32        (little-endian)
 */
import { crc32 } from 'node:zlib';
import type { Chunk } from './chunks.ts';
import { CRC32_RESIDUE, crc32Combine } from './crc32-combine.ts';
import { MAX_ENCODED_PAGE_BYTES, PAGE_BYTES, PageEncoding, encodePage } from './page-codec.ts';
import {
  RecordDeltaError,
  applyRecordDelta,
  applyRecordDeltaAsParts,
  encodeRecordDelta,
  encodeRecordDeltaFromCopies,
  encodeRecordDeltaFromParts,
  flattenRecord,
  recordLength,
  type DeltaSource,
  type RecordBytes,
  type RecordCopy,
} from './record-delta.ts';

const MAGIC = 0x504b4356; // "VCKP" read little-endian
const UTF8 = new TextEncoder();
/**
 * 3: record deltas may copy from the receiver's other records. 2: records may be deltas against the receiver's
 * (version 1 carried them raw only).
 */
export const CHECKPOINT_BODY_VERSION = 3;

/** How a record travels: whole, or as a record-delta against the receiver's version of it. */
export const RecordEncoding = { Raw: 0, Delta: 1 } as const;
export type RecordEncoding = (typeof RecordEncoding)[keyof typeof RecordEncoding];

export interface EncodedRecord {
  encoding: RecordEncoding;
  /** A view into the body bytes. */
  data: Uint8Array;
}

/** What a checkpoint carries; the values are shared-proto's CheckpointKind. */
export const BodyKind = { SyncPages: 1, SyncSeal: 2, Epoch: 3 } as const;
export type BodyKind = (typeof BodyKind)[keyof typeof BodyKind];

export interface CheckpointHeader {
  kind: BodyKind;
  /** The epoch this checkpoint brings the receiver to, and the one it applies on top of. */
  epoch: number;
  baseEpoch: number;
  memoryBytes: number;
}

export interface EncodedPage {
  index: number;
  encoding: PageEncoding;
  /** A view into the body bytes. */
  data: Uint8Array;
}

export interface DecodedBody {
  header: CheckpointHeader;
  /** As they travelled: `resolveRecords` turns deltas back into records. */
  records: Map<string, EncodedRecord>;
  pages: EncodedPage[];
}

/** Sizes for metrics: checkpoint bytes before and after encoding, and how pages were encoded. */
export interface BodyStats {
  pages: number;
  rawPageBytes: number;
  encodedPageBytes: number;
  byEncoding: Record<'zero' | 'delta' | 'sparse' | 'raw', number>;
  /** State records as captured, and as carried (deltas where smaller). */
  rawRecordBytes: number;
  encodedRecordBytes: number;
  bodyBytes: number;
}

export type BodyDecodeResult =
  | { ok: true; body: DecodedBody }
  | { ok: false; reason: 'truncated' | 'malformed' | 'bad-checksum' | 'unsupported-version'; detail: string };

export interface BodyWriterOptions {
  /** The records the receiver holds at the base epoch, if known: a record is sent as a delta against its namesake
   * when that is smaller (by part identity when both are in parts). */
  receiverRecords?: ReadonlyMap<string, RecordBytes>;
  /** For a record whose producer knows what it kept from that previous version, the ranges kept (checked, then
   * used instead of a search). */
  recordCopies?: ReadonlyMap<string, readonly RecordCopy[]>;
  /** For a record whose new bytes may already be in other records the receiver holds (by name): where to look
   * for them (data that moved, say, from the guest's socket into the VMM's buffer). */
  recordSources?: ReadonlyMap<string, readonly string[]>;
  /** Pages about to be added, if known: the buffer is sized for them at once instead of grown and copied. */
  expectedPages?: number;
}

/** Builds one body: header and records first, then pages one by one, then `finish()`. */
export class CheckpointBodyWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;
  private pageCountAt: number;
  private readonly memoryPages: number;
  private pageCount = 0;
  private readonly seenPages = new Set<number>();
  readonly stats: BodyStats = {
    pages: 0,
    rawPageBytes: 0,
    encodedPageBytes: 0,
    byEncoding: { zero: 0, delta: 0, sparse: 0, raw: 0 },
    rawRecordBytes: 0,
    encodedRecordBytes: 0,
    bodyBytes: 0,
  };
  private finished = false;

  constructor(
    header: CheckpointHeader,
    records: Iterable<[string, RecordBytes]>,
    options: BodyWriterOptions = {},
  ) {
    checkHeader(header);
    const { receiverRecords, recordCopies, recordSources, expectedPages } = options;
    const list = [...records];
    if (list.length > 0xffff) throw new RangeError('too many records');
    const slotOf = new Map(list.map(([name], i) => [name, i]));
    if (slotOf.size !== list.length) throw new RangeError('a record name appears twice');
    const sourcesOf = (name: string): DeltaSource[] =>
      (recordSources?.get(name) ?? []).flatMap((source) => {
        const slot = slotOf.get(source);
        const bytes = receiverRecords?.get(source);
        // Sources are searched natively, so flat ones only (a record in parts is not flattened to be searched).
        return source !== name && slot !== undefined && bytes instanceof Uint8Array ? [{ slot, bytes }] : [];
      });
    // Records are encoded first, so the buffer is sized once for them and the expected pages: growing it by
    // doubling copied megabytes per epoch for a guest with busy sockets.
    const encoded = list.map(([name, record]) => {
      const nameBytes = UTF8.encode(name);
      if (nameBytes.length === 0 || nameBytes.length > 255) throw new RangeError(`bad record name ${name}`);
      const base = receiverRecords?.get(name);
      const copies = recordCopies?.get(name);
      const length = recordLength(record);
      const delta =
        base === undefined || recordLength(base) === 0
          ? undefined
          : !(base instanceof Uint8Array) && !(record instanceof Uint8Array)
            ? encodeRecordDeltaFromParts(base, record, sourcesOf(name))
            : copies !== undefined
              ? encodeRecordDeltaFromCopies(
                  flattenRecord(base),
                  flattenRecord(record),
                  copies,
                  sourcesOf(name),
                )
              : encodeRecordDelta(flattenRecord(base), flattenRecord(record), sourcesOf(name));
      const [encoding, data] =
        delta !== undefined && delta.length < length
          ? [RecordEncoding.Delta, delta]
          : [RecordEncoding.Raw, flattenRecord(record)];
      return { nameBytes, encoding, data, rawLength: length };
    });
    this.buf = uninitialised(
      64 * 1024 +
        encoded.reduce((n, r) => n + 6 + r.nameBytes.length + r.data.length, 0) +
        Math.min(expectedPages ?? 0, header.memoryBytes / PAGE_BYTES) * (7 + MAX_ENCODED_PAGE_BYTES),
    );
    this.view = new DataView(this.buf.buffer);
    this.ensure(40);
    this.view.setUint32(0, MAGIC, true);
    this.buf[4] = CHECKPOINT_BODY_VERSION;
    this.buf[5] = header.kind;
    this.view.setUint16(6, 0, true);
    this.view.setBigUint64(8, BigInt(header.epoch), true);
    this.view.setBigUint64(16, BigInt(header.baseEpoch), true);
    this.view.setBigUint64(24, BigInt(header.memoryBytes), true);
    this.pos = 32;
    this.u16(encoded.length);
    for (const { nameBytes, encoding, data, rawLength } of encoded) {
      this.ensure(1 + nameBytes.length + 5 + data.length);
      this.buf[this.pos++] = nameBytes.length;
      this.buf.set(nameBytes, this.pos);
      this.pos += nameBytes.length;
      this.buf[this.pos++] = encoding;
      this.u32(data.length);
      this.buf.set(data, this.pos);
      this.pos += data.length;
      this.stats.rawRecordBytes += rawLength;
      this.stats.encodedRecordBytes += data.length;
    }
    this.pageCountAt = this.pos;
    this.u32(0);
    this.memoryPages = header.memoryBytes / PAGE_BYTES;
  }

  /** Adds page `index` with its current contents, encoded against `previous` (the receiver's copy, if known). */
  addPage(index: number, page: Uint8Array, previous?: Uint8Array): void {
    if (this.finished) throw new Error('body already finished');
    if (!Number.isInteger(index) || index < 0 || index >= this.memoryPages)
      throw new RangeError(`page ${index} outside memory of ${this.memoryPages} pages`);
    if (this.seenPages.has(index)) throw new RangeError(`page ${index} added twice`);
    this.seenPages.add(index);
    this.ensure(7 + MAX_ENCODED_PAGE_BYTES);
    const headerAt = this.pos;
    const { encoding, length } = encodePage(page, previous, this.buf, headerAt + 7);
    this.view.setUint32(headerAt, index, true);
    this.buf[headerAt + 4] = encoding;
    this.view.setUint16(headerAt + 5, length, true);
    this.pos = headerAt + 7 + length;
    this.pageCount++;
    this.stats.pages++;
    this.stats.rawPageBytes += PAGE_BYTES;
    this.stats.encodedPageBytes += 7 + length;
    this.stats.byEncoding[ENCODING_NAMES[encoding]]++;
  }

  /** The body's bytes (a view of exactly its length). The writer cannot be used afterwards. */
  finish(): Uint8Array {
    return this.finishChunked(Number.MAX_SAFE_INTEGER).body;
  }

  /**
   * The body and its chunks of at most `maxChunkBytes` (views into it, as `chunkBody` cuts them), with one pass
   * over the bytes: each chunk's CRC is taken once, and the body's trailer CRC combined from them.
   */
  finishChunked(maxChunkBytes: number): { body: Uint8Array; chunks: Chunk[] } {
    if (!Number.isInteger(maxChunkBytes) || maxChunkBytes < 1)
      throw new RangeError('maxChunkBytes must be >= 1');
    if (this.finished) throw new Error('body already finished');
    this.finished = true;
    this.view.setUint32(this.pageCountAt, this.pageCount, true);
    this.ensure(4);
    const contentEnd = this.pos;
    const length = contentEnd + 4;
    const count = Math.ceil(length / maxChunkBytes);
    const contentCrcs: number[] = [];
    let bodyCrc = 0;
    for (let i = 0; i < count; i++) {
      const from = i * maxChunkBytes;
      const to = Math.min(contentEnd, (i + 1) * maxChunkBytes);
      const crc = from < to ? crc32(this.buf.subarray(from, to)) : 0;
      contentCrcs.push(crc);
      bodyCrc = from < to ? crc32Combine(bodyCrc, crc, to - from) : bodyCrc;
    }
    this.view.setUint32(contentEnd, bodyCrc, true);
    this.pos = length;
    this.stats.bodyBytes = length;
    const body = this.buf.subarray(0, length);
    const chunks: Chunk[] = contentCrcs.map((contentCrc, i) => {
      const from = i * maxChunkBytes;
      const to = Math.min(length, from + maxChunkBytes);
      // The part of the trailer in this chunk, if any, extends the content's CRC.
      const trailerFrom = Math.max(from, contentEnd);
      const dataCrc32 =
        trailerFrom < to
          ? crc32Combine(
              from < contentEnd ? contentCrc : 0,
              crc32(body.subarray(trailerFrom, to)),
              to - trailerFrom,
            )
          : contentCrc;
      return {
        chunkIndex: i,
        chunkCount: count,
        bodyBytes: length,
        dataCrc32,
        data: body.subarray(from, to),
      };
    });
    return { body, chunks };
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = uninitialised(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  private u16(x: number): void {
    this.ensure(2);
    this.view.setUint16(this.pos, x, true);
    this.pos += 2;
  }

  private u32(x: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, x, true);
    this.pos += 4;
  }
}

const ENCODING_NAMES = ['zero', 'delta', 'sparse', 'raw'] as const;

/**
 * A buffer of `size` bytes left as the allocator gives them (a plain Uint8Array: a Buffer's `slice` is a view).
 * The writer writes every byte of the body it returns; reserving room for every expected page raw (4 KiB each,
 * though most encode to a few bytes) then costs no zeroing and no page faults for the room left unused.
 */
function uninitialised(size: number): Uint8Array {
  const b = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(b.buffer, b.byteOffset, size);
}

/**
 * Decodes and validates a body completely (framing, checksum, page indices); never throws. `crc32OfBytes`: the
 * CRC-32 of all of `bytes` when the caller has it already (combined from checked chunks): the trailer is then
 * checked by the residue instead of a second pass.
 */
export function decodeCheckpointBody(
  bytes: Uint8Array,
  options: { crc32OfBytes?: number } = {},
): BodyDecodeResult {
  if (!(bytes instanceof Uint8Array)) return fail('malformed', 'not a byte array');
  if (bytes.length < 32 + 2 + 4 + 4)
    return fail('truncated', `${bytes.length} bytes is shorter than any body`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return fail('malformed', 'not a checkpoint body (bad magic)');
  if (bytes[4] !== CHECKPOINT_BODY_VERSION)
    return fail('unsupported-version', `body version ${bytes[4]}, expected ${CHECKPOINT_BODY_VERSION}`);
  const end = bytes.length - 4;
  const crcMatches =
    options.crc32OfBytes !== undefined
      ? options.crc32OfBytes >>> 0 === CRC32_RESIDUE
      : crc32(bytes.subarray(0, end)) === view.getUint32(end, true);
  if (!crcMatches) return fail('bad-checksum', 'body CRC-32 does not match');
  const kind = bytes[5];
  if (kind !== BodyKind.SyncPages && kind !== BodyKind.SyncSeal && kind !== BodyKind.Epoch)
    return fail('malformed', `unknown checkpoint kind ${kind}`);
  const epoch = safeU64(view, 8);
  const baseEpoch = safeU64(view, 16);
  const memoryBytes = safeU64(view, 24);
  if (epoch === undefined || baseEpoch === undefined || memoryBytes === undefined)
    return fail('malformed', 'epoch or memory size beyond 2^53');
  const header: CheckpointHeader = { kind, epoch, baseEpoch, memoryBytes };
  const headerProblem = headerError(header);
  if (headerProblem) return fail('malformed', headerProblem);
  let pos = 32;
  const need = (n: number): boolean => pos + n <= end;
  if (!need(2)) return fail('truncated', 'record count');
  const recordCount = view.getUint16(pos, true);
  pos += 2;
  const records = new Map<string, EncodedRecord>();
  for (let r = 0; r < recordCount; r++) {
    if (!need(1)) return fail('truncated', `record ${r} name`);
    const nameLength = bytes[pos++];
    if (nameLength === 0 || !need(nameLength + 5)) return fail('truncated', `record ${r} header`);
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(pos, pos + nameLength));
    pos += nameLength;
    const encoding = bytes[pos++];
    if (encoding !== RecordEncoding.Raw && encoding !== RecordEncoding.Delta)
      return fail('malformed', `record ${name}: unknown encoding ${encoding}`);
    const length = view.getUint32(pos, true);
    pos += 4;
    if (!need(length)) return fail('truncated', `record ${name} of ${length} bytes`);
    if (records.has(name)) return fail('malformed', `record ${name} twice`);
    records.set(name, { encoding, data: bytes.subarray(pos, pos + length) });
    pos += length;
  }
  if (!need(4)) return fail('truncated', 'page count');
  const pageCount = view.getUint32(pos, true);
  pos += 4;
  const memoryPages = memoryBytes / PAGE_BYTES;
  if (pageCount > memoryPages) return fail('malformed', `${pageCount} pages in a memory of ${memoryPages}`);
  const pages: EncodedPage[] = [];
  const seen = new Set<number>();
  for (let p = 0; p < pageCount; p++) {
    if (!need(7)) return fail('truncated', `page entry ${p}`);
    const index = view.getUint32(pos, true);
    const encoding = bytes[pos + 4];
    const length = view.getUint16(pos + 5, true);
    pos += 7;
    if (index >= memoryPages)
      return fail('malformed', `page ${index} outside memory of ${memoryPages} pages`);
    if (seen.has(index)) return fail('malformed', `page ${index} twice`);
    seen.add(index);
    if (encoding > PageEncoding.Raw) return fail('malformed', `page ${index}: unknown encoding ${encoding}`);
    if (length > MAX_ENCODED_PAGE_BYTES) return fail('malformed', `page ${index}: ${length} bytes`);
    if (!need(length)) return fail('truncated', `page ${index} data`);
    pages.push({ index, encoding: encoding as PageEncoding, data: bytes.subarray(pos, pos + length) });
    pos += length;
  }
  if (pos !== end) return fail('malformed', `${end - pos} unexpected bytes before the checksum`);
  return { ok: true, body: { header, records, pages } };
}

/**
 * The records a body carries, deltas applied against `base` (the receiver's records at the body's base epoch).
 * Throws RecordDeltaError when a delta's base is missing or the delta does not fit it.
 */
export function resolveRecords(
  records: ReadonlyMap<string, EncodedRecord>,
  base: (name: string) => RecordBytes | undefined,
  options: {
    /** Records to rebuild as parts (views of their base where unchanged); the others come flat. */
    asParts?: (name: string) => boolean;
  } = {},
): Map<string, RecordBytes> {
  const out = new Map<string, RecordBytes>();
  // The base versions of the table's records, by position (copies between records come from flat ones only).
  let slots: Array<Uint8Array | undefined> | undefined;
  for (const [name, r] of records) {
    if (r.encoding === RecordEncoding.Raw) {
      out.set(name, r.data);
      continue;
    }
    const previous = base(name);
    if (previous === undefined) throw new RecordDeltaError(`record ${name} is a delta, but no base is held`);
    slots ??= Array.from(records.keys(), (n) => {
      const b = base(n);
      return b instanceof Uint8Array ? b : undefined;
    });
    out.set(
      name,
      options.asParts?.(name)
        ? applyRecordDeltaAsParts(previous, r.data, undefined, slots)
        : applyRecordDelta(flattenRecord(previous), r.data, undefined, slots),
    );
  }
  return out;
}

function checkHeader(h: CheckpointHeader): void {
  const problem = headerError(h);
  if (problem) throw new RangeError(problem);
}

function headerError(h: CheckpointHeader): string | undefined {
  for (const [name, v] of [
    ['epoch', h.epoch],
    ['base epoch', h.baseEpoch],
    ['memory bytes', h.memoryBytes],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) return `${name} ${v} is not a non-negative safe integer`;
  }
  if (h.memoryBytes === 0 || h.memoryBytes % PAGE_BYTES !== 0)
    return `memory of ${h.memoryBytes} bytes is not a positive whole number of pages`;
  if (
    h.kind !== BodyKind.SyncPages &&
    h.baseEpoch >= h.epoch &&
    !(h.kind === BodyKind.SyncSeal && h.epoch === h.baseEpoch)
  )
    return `epoch ${h.epoch} does not follow base epoch ${h.baseEpoch}`;
  return undefined;
}

function safeU64(view: DataView, at: number): number | undefined {
  const v = view.getBigUint64(at, true);
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
}

function fail(
  reason: 'truncated' | 'malformed' | 'bad-checksum' | 'unsupported-version',
  detail: string,
): BodyDecodeResult {
  return { ok: false, reason, detail };
}
