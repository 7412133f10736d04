/**
 * Remus' staging buffer (NSDI 2008, §3.2 "stop-and-copy"): with the vCPU stopped, an epoch's dirty pages are only
 * copied into it and the state records taken; the pages' CRCs and the state digest are computed from that copy
 * after the vCPU resumed, so the pause is a memory copy and nothing more.
 *
 * The buffer is reused from capture to capture: a fresh multi-MiB allocation costs more in page faults than the
 * copy itself. A capture's staging is therefore valid until the next capture, and reading a superseded capture
 * throws rather than returning the next epoch's bytes.
 */
import { MachineStateError } from '../errors.ts';
import { PAGE_SIZE, type GuestMemory } from '../guest-memory.ts';
import type { PageCrcTable } from './page-crc-table.ts';

/** Above this the buffer is not kept for reuse (an initial sync's seal may be most of memory, once). */
const MAX_KEPT_BYTES = 64 << 20;

export class CaptureStaging {
  private buffer = new Uint8Array(0);
  private latest: StagedCapture | undefined;

  constructor(
    private readonly memory: GuestMemory,
    private readonly crcs: PageCrcTable,
  ) {}

  /**
   * Copies the pages written since the last capture (or round) into the staging buffer. vCPU stopped; the
   * previous capture is superseded (its CRCs settled into the table first).
   */
  stagePages(): { pages: Uint32Array; staging: Uint8Array } {
    this.settle();
    const pages = this.memory.fetchAndClearDirty();
    const staging = this.take(pages.length * PAGE_SIZE);
    for (let i = 0; i < pages.length; i++) staging.set(this.memory.pageView(pages[i]), i * PAGE_SIZE);
    return { pages, staging };
  }

  /** The capture of the pages just staged, with the records taken in the same pause. */
  seal(
    staged: { pages: Uint32Array; staging: Uint8Array },
    records: Readonly<Record<string, Uint8Array>>,
  ): StagedCapture {
    this.latest = new StagedCapture(staged.pages, staged.staging, records, this.crcs);
    return this.latest;
  }

  /** Settles the last capture's CRCs into the table: before anything else updates it (a pre-copy round). */
  settle(): void {
    this.latest?.supersede();
    this.latest = undefined;
  }

  private take(bytes: number): Uint8Array {
    if (bytes <= this.buffer.length) return this.buffer.subarray(0, bytes);
    const fresh = new Uint8Array(bytes);
    if (bytes <= MAX_KEPT_BYTES) this.buffer = fresh;
    return fresh;
  }
}

/** One capture's pages in the staging buffer, its CRCs and digest computed on first use (after the pause). */
export class StagedCapture {
  readonly #staging: Uint8Array;
  #digest: string | undefined;
  #crcsSettled = false;
  #superseded = false;

  constructor(
    readonly pages: Uint32Array,
    staging: Uint8Array,
    private readonly records: Readonly<Record<string, Uint8Array>>,
    private readonly crcs: PageCrcTable,
  ) {
    this.#staging = staging;
  }

  get staging(): Uint8Array {
    if (this.#superseded)
      throw new MachineStateError('this capture was superseded: its staging buffer holds a later epoch');
    return this.#staging;
  }

  /** `PageCrcTable` digest of memory and records at the capture instant; available until the next capture. */
  get digest(): string {
    if (this.#digest === undefined) {
      if (this.#superseded)
        throw new MachineStateError(
          'the digest of a superseded capture was never taken: read it before the next',
        );
      this.settleCrcs();
      this.#digest = this.crcs.digest(this.records);
    }
    return this.#digest;
  }

  supersede(): void {
    this.settleCrcs();
    this.#superseded = true;
  }

  private settleCrcs(): void {
    if (this.#crcsSettled) return;
    this.#crcsSettled = true;
    const s = this.#staging;
    for (let i = 0; i < this.pages.length; i++)
      this.crcs.update(this.pages[i], s.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE));
  }
}
