/**
 * A copy-on-write snapshot of guest memory: every page as it was when the snapshot began, while the guest writes
 * on. Before the first write to a page after that instant, the memory hands the page's old contents here (QEMU's
 * background snapshot does the same with userfaultfd write protection). Reading a page gives its preserved copy
 * if it was written since, the live page otherwise. A promoted backup digests the state it activated this way,
 * with the guest already running, instead of holding the guest (and its clients) for an O(memory) pass.
 */
export class MemorySnapshot {
  /** Per page: 1 once its pre-snapshot contents are kept in `saved`. */
  private readonly preservedBits: Uint8Array;
  private readonly saved = new Map<number, Uint8Array>();
  private ended = false;

  constructor(
    private readonly live: (page: number) => Uint8Array,
    readonly pageCount: number,
    private readonly onEnd: () => void,
  ) {
    this.preservedBits = new Uint8Array(pageCount);
  }

  /** Pages written since the snapshot began (their old contents are held). */
  get preservedPages(): number {
    return this.saved.size;
  }

  /** The memory calls this before it changes pages [first, last]. */
  beforeWrite(first: number, last: number): void {
    for (let p = first; p <= last; p++) {
      if (this.preservedBits[p]) continue;
      this.preservedBits[p] = 1;
      this.saved.set(p, this.live(p).slice());
    }
  }

  /** Page `page` as it was when the snapshot began (a view: do not keep it past `end()`). */
  pageView(page: number): Uint8Array {
    if (this.ended) throw new Error('the memory snapshot has ended');
    return this.saved.get(page) ?? this.live(page);
  }

  /** Whether page `page` may have changed since the snapshot began (its copy is preserved). */
  preserved(page: number): boolean {
    return this.preservedBits[page] === 1;
  }

  /** Stops preserving and drops the copies. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.saved.clear();
    this.onEnd();
  }
}
