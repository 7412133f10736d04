/**
 * A digest of guest state whose upkeep costs O(pages written), not O(memory): a CRC-32 per page, kept current as
 * pages change, and a SHA-256 over that table and the state records. The primary computes it for each epoch it
 * captures, the backup for each epoch it applies; equal digests mean the backup holds the primary's state (a
 * corrupted or diverged page changes its CRC; CRC-32 misses a random change with probability 2^-32).
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { GuestMemory } from '../guest-memory.ts';
import type { MemorySnapshot } from '../memory-snapshot.ts';
import { PAGE_SIZE } from '../guest-memory.ts';

const ZERO_PAGE_CRC = crc32(new Uint8Array(PAGE_SIZE));

export class PageCrcTable {
  private readonly crcs: Uint32Array;

  constructor(readonly pageCount: number) {
    this.crcs = new Uint32Array(pageCount).fill(ZERO_PAGE_CRC);
  }

  /** A table for all of `memory` as it is now (O(memory): once, when tracking starts). */
  static of(memory: GuestMemory): PageCrcTable {
    const t = new PageCrcTable(memory.pageCount);
    for (const p of memory.nonZeroPages()) t.crcs[p] = crc32(memory.pageView(p));
    return t;
  }

  /**
   * A table for memory as `snapshot` holds it (the instant it began), computed `slicePages` pages at a time with
   * `pause()` before each slice, so the guest runs meanwhile: a page it wrote since is read from its preserved
   * copy.
   */
  static async ofSnapshot(
    memory: GuestMemory,
    snapshot: MemorySnapshot,
    pause: () => Promise<void>,
    slicePages = 4096,
  ): Promise<PageCrcTable> {
    const t = new PageCrcTable(memory.pageCount);
    for (let first = 0; first < memory.pageCount; first += slicePages) {
      await pause();
      const end = Math.min(memory.pageCount, first + slicePages);
      for (let p = first; p < end; p++) {
        if (!snapshot.preserved(p)) {
          if (!memory.isZeroPage(p)) t.crcs[p] = crc32(memory.pageView(p)); // unchanged since the snapshot
        } else {
          t.crcs[p] = crc32(snapshot.pageView(p)); // (a zero page's CRC is ZERO_PAGE_CRC either way)
        }
      }
    }
    return t;
  }

  /** Records page `index`'s new contents. */
  update(index: number, page: Uint8Array): void {
    this.crcs[index] = crc32(page);
  }

  crcOf(index: number): number {
    return this.crcs[index];
  }

  /** SHA-256 (hex) of the page table and the records, in name order. */
  digest(records: Readonly<Record<string, Uint8Array>>): string {
    const h = createHash('sha256');
    h.update(new Uint8Array(this.crcs.buffer, this.crcs.byteOffset, this.crcs.byteLength));
    for (const name of Object.keys(records).sort()) {
      const len = Buffer.alloc(4);
      len.writeUInt32LE(records[name].length);
      h.update(name).update(len).update(records[name]);
    }
    return h.digest('hex');
  }
}
