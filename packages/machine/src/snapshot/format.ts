/**
 * The machine snapshot container, full or incremental (one format, versioned as a whole):
 *
 *   u32 magic "VMSN" | u32 format version | f64 total length | u8 kind (1 full, 2 incremental)
 *   8 bytes chain id | u32 sequence (0 for the full save that starts the chain, +1 per delta)
 *   u32 page size | f64 memory bytes | region table: u32 count, {string name, f64 base, f64 size}...
 *   records, each length-prefixed and versioned on its own: vCPU, NIC device, guest kernel
 *   pages: u32 count, {u32 page number, u8 kind (0 all zeros, 1 data), 4096 data bytes when kind 1}...
 *   u32 CRC-32 of everything before it
 *
 * A full snapshot carries every non-zero page (zero pages are elided: restore starts from zeroed memory); a
 * delta carries every page dirtied since the previous save, a page that became all zeros as a zero entry.
 * Little-endian throughout. Decoding checks everything, CRC included, before anything is applied, so a backup
 * never applies a partial or corrupt checkpoint.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { SnapshotFormatError } from '../errors.ts';
import { PAGE_SIZE, type GuestMemory } from '../guest-memory.ts';
import { MAX_MEMORY_BYTES } from '../machine-config.ts';
import type { RegionEntry } from '../memory-map.ts';
import { ByteReader, ByteWriter, fourcc } from './byte-codec.ts';

export const SNAPSHOT_FORMAT_VERSION = 1;
const MAGIC = fourcc('VMSN');
const KIND_CODES = { full: 1, incremental: 2 } as const;
const PAGE_ZERO = 0;
const PAGE_DATA = 1;
const CHAIN_ID_BYTES = 8;
const PAGE_ENTRY_HEADER = 5;
const CRC_BYTES = 4;
/** magic + version + total length: what must be readable to say anything about the bytes. */
const PREAMBLE_BYTES = 16;

export type SnapshotKind = keyof typeof KIND_CODES;

export interface SnapshotRecords {
  readonly vcpu: Uint8Array;
  readonly nic: Uint8Array;
  readonly kernel: Uint8Array;
}

export interface SnapshotHeader {
  readonly kind: SnapshotKind;
  /** Identifies the chain a full save starts; its deltas carry the same id. 16 hex digits. */
  readonly chainId: string;
  /** 0 for the full save, n for the n-th delta after it. */
  readonly seq: number;
  readonly memoryBytes: number;
}

export interface DecodedSnapshot extends SnapshotHeader {
  readonly regions: readonly RegionEntry[];
  readonly records: SnapshotRecords;
  /** Page numbers, and for each the offset of its data in `source`, or -1 for a page that is all zeros. */
  readonly pageNumbers: Uint32Array;
  readonly pageOffsets: Float64Array;
  readonly source: Uint8Array;
}

/** What a VMM may want to know about snapshot bytes without applying them (also validates them fully). */
export interface SnapshotInfo extends SnapshotHeader {
  readonly pages: number;
  readonly zeroPages: number;
  readonly byteLength: number;
}

export function newChainId(): string {
  return randomBytes(CHAIN_ID_BYTES).toString('hex');
}

/** Encodes a snapshot; `pages` are the page numbers to carry (ascending or first-dirtied order, no duplicates). */
export function encodeSnapshot(
  header: SnapshotHeader,
  regions: readonly RegionEntry[],
  records: SnapshotRecords,
  memory: GuestMemory,
  pages: Uint32Array,
): Uint8Array {
  const head = new ByteWriter(1024);
  head.u32(MAGIC).u32(SNAPSHOT_FORMAT_VERSION).f64(0); // total length patched below
  head.u8(KIND_CODES[header.kind]).raw(Buffer.from(header.chainId, 'hex')).u32(header.seq);
  head.u32(PAGE_SIZE).u53(header.memoryBytes);
  head.u32(regions.length);
  for (const r of regions) head.string(r.name).u53(r.base).u53(r.size);
  head.bytes(records.vcpu).bytes(records.nic).bytes(records.kernel);
  head.u32(pages.length);

  // A delta must say when a page became all zeros; a full save never lists zero pages at all.
  const zero = new Uint8Array(pages.length);
  let dataPages = 0;
  for (let i = 0; i < pages.length; i++) {
    zero[i] = memory.isZeroPage(pages[i]) ? 1 : 0;
    if (!zero[i]) dataPages++;
  }
  const total = head.length + pages.length * PAGE_ENTRY_HEADER + dataPages * PAGE_SIZE + CRC_BYTES;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(head.finish());
  view.setFloat64(8, total, true);
  let at = head.length;
  for (let i = 0; i < pages.length; i++) {
    view.setUint32(at, pages[i], true);
    out[at + 4] = zero[i] ? PAGE_ZERO : PAGE_DATA;
    at += PAGE_ENTRY_HEADER;
    if (!zero[i]) {
      out.set(memory.pageView(pages[i]), at);
      at += PAGE_SIZE;
    }
  }
  view.setUint32(at, crc32(out.subarray(0, at)), true);
  return out;
}

/** Decodes and validates snapshot bytes completely. Throws SnapshotFormatError saying what is wrong. */
export function decodeSnapshot(bytes: Uint8Array): DecodedSnapshot {
  if (!(bytes instanceof Uint8Array)) throw new SnapshotFormatError('a snapshot must be a Uint8Array');
  if (bytes.length < PREAMBLE_BYTES) {
    throw new SnapshotFormatError(
      `snapshot truncated: ${bytes.length} bytes is shorter than its ${PREAMBLE_BYTES}-byte preamble`,
    );
  }
  const pre = new ByteReader(bytes.subarray(0, PREAMBLE_BYTES), 'snapshot');
  if (pre.u32('magic') !== MAGIC) throw new SnapshotFormatError('not a vmha machine snapshot (bad magic)');
  const version = pre.u32('format version');
  if (version !== SNAPSHOT_FORMAT_VERSION) {
    throw new SnapshotFormatError(
      `snapshot format version ${version} is not supported (this build reads version ${SNAPSHOT_FORMAT_VERSION})`,
    );
  }
  const total = pre.f64('total length');
  if (!Number.isSafeInteger(total) || total < PREAMBLE_BYTES + CRC_BYTES) {
    throw new SnapshotFormatError(`snapshot total length field ${total} is invalid`);
  }
  if (bytes.length < total)
    throw new SnapshotFormatError(`snapshot truncated: ${bytes.length} of ${total} bytes`);
  if (bytes.length > total)
    throw new SnapshotFormatError(`snapshot has ${bytes.length - total} trailing bytes`);
  const bodyEnd = total - CRC_BYTES;
  const stored = new DataView(bytes.buffer, bytes.byteOffset + bodyEnd, CRC_BYTES).getUint32(0, true);
  if (crc32(bytes.subarray(0, bodyEnd)) !== stored) {
    throw new SnapshotFormatError('snapshot checksum mismatch: the bytes were corrupted');
  }

  const r = new ByteReader(bytes.subarray(0, bodyEnd), 'snapshot');
  r.raw(PREAMBLE_BYTES, 'preamble');
  const kindCode = r.u8('kind');
  const kind = (Object.keys(KIND_CODES) as SnapshotKind[]).find((k) => KIND_CODES[k] === kindCode);
  if (!kind) throw new SnapshotFormatError(`snapshot kind ${kindCode} is unknown`);
  const chainId = Buffer.from(r.raw(CHAIN_ID_BYTES, 'chain id')).toString('hex');
  const seq = r.u32('sequence');
  if ((kind === 'full') !== (seq === 0))
    throw new SnapshotFormatError(`a ${kind} snapshot cannot have sequence ${seq}`);
  const pageSize = r.u32('page size');
  if (pageSize !== PAGE_SIZE)
    throw new SnapshotFormatError(`snapshot page size ${pageSize} is not ${PAGE_SIZE}`);
  const memoryBytes = r.u53('memory bytes');
  if (memoryBytes === 0 || memoryBytes % PAGE_SIZE !== 0 || memoryBytes > MAX_MEMORY_BYTES) {
    throw new SnapshotFormatError(`snapshot memory size ${memoryBytes} is invalid`);
  }
  const regionCount = r.u32('region count');
  if (regionCount > r.remaining)
    throw new SnapshotFormatError(`snapshot region count ${regionCount} is impossible`);
  const regions: RegionEntry[] = [];
  for (let i = 0; i < regionCount; i++) {
    regions.push({ name: r.string('region name'), base: r.u53('region base'), size: r.u53('region size') });
  }
  const records = {
    vcpu: r.bytes('vCPU record').slice(),
    nic: r.bytes('NIC record').slice(),
    kernel: r.bytes('kernel record').slice(),
  };

  const pageCount = memoryBytes / PAGE_SIZE;
  const n = r.u32('page count');
  if (n > pageCount)
    throw new SnapshotFormatError(`snapshot carries ${n} pages; memory has only ${pageCount}`);
  const pageNumbers = new Uint32Array(n);
  const pageOffsets = new Float64Array(n);
  const seen = new Uint8Array(pageCount);
  for (let i = 0; i < n; i++) {
    const page = r.u32('page number');
    if (page >= pageCount)
      throw new SnapshotFormatError(`snapshot page ${page} is outside memory (${pageCount} pages)`);
    if (seen[page]) throw new SnapshotFormatError(`snapshot carries page ${page} twice`);
    seen[page] = 1;
    const pageKind = r.u8('page kind');
    pageNumbers[i] = page;
    if (pageKind === PAGE_ZERO) pageOffsets[i] = -1;
    else if (pageKind === PAGE_DATA) {
      pageOffsets[i] = r.offset;
      r.raw(PAGE_SIZE, `page ${page} data`);
    } else throw new SnapshotFormatError(`snapshot page ${page} has unknown kind ${pageKind}`);
  }
  r.end();
  return { kind, chainId, seq, memoryBytes, regions, records, pageNumbers, pageOffsets, source: bytes };
}

/** Writes a decoded snapshot's pages into memory (not dirty-logged: the VMM, not the guest, writes them). */
export function applyPages(s: DecodedSnapshot, memory: GuestMemory): void {
  for (let i = 0; i < s.pageNumbers.length; i++) {
    const at = s.pageOffsets[i];
    if (at < 0) memory.clearPage(s.pageNumbers[i]);
    else memory.loadPage(s.pageNumbers[i], s.source.subarray(at, at + PAGE_SIZE));
  }
}

export function inspectSnapshot(bytes: Uint8Array): SnapshotInfo {
  const s = decodeSnapshot(bytes);
  let zeroPages = 0;
  for (const off of s.pageOffsets) if (off < 0) zeroPages++;
  return {
    kind: s.kind,
    chainId: s.chainId,
    seq: s.seq,
    memoryBytes: s.memoryBytes,
    pages: s.pageNumbers.length,
    zeroPages,
    byteLength: bytes.length,
  };
}
