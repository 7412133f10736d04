/**
 * A FIFO of bytes kept as a list of chunks, so appending and consuming never copy the whole buffer.
 * Used for the send buffer (bytes from SND.UNA onward) and the in-order receive buffer.
 */
export class ByteQueue {
  /** Live chunks are chunks[head..]; consumed ones are dropped in batches (an Array shift is O(chunks)). */
  private chunks: Uint8Array[] = [];
  /** starts[i]: the stream position (as headPosition counts) of chunks[i]'s first byte. */
  private starts: number[] = [];
  private head = 0;
  /** Bytes of chunks[head] already consumed. */
  private headOffset = 0;
  private total = 0;
  private discarded = 0;

  get length(): number {
    return this.total;
  }

  /** Bytes ever removed from the front: the stream position of the first byte queued (this object's life only). */
  get headPosition(): number {
    return this.discarded;
  }

  /** Appends a chunk without copying it: the caller hands over ownership. */
  pushOwned(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.starts.push(this.discarded + this.total); // the stream position after the last byte queued
    this.total += chunk.length;
  }

  /** Drops n bytes from the front. */
  discard(n: number): void {
    if (n > this.total) throw new RangeError(`cannot discard ${n} of ${this.total} bytes`);
    this.total -= n;
    this.discarded += n;
    while (n > 0) {
      const left = this.chunks[this.head].length - this.headOffset;
      if (n < left) {
        this.headOffset += n;
        return;
      }
      n -= left;
      this.head++;
      this.headOffset = 0;
    }
    if (this.total === 0) {
      this.chunks.length = 0;
      this.starts.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.chunks.length) {
      this.chunks.splice(0, this.head); // amortised: at most once per `head` chunks consumed
      this.starts.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Copies `length` bytes starting `offset` bytes from the front into dst[at..]. */
  copyTo(dst: Uint8Array, at: number, offset: number, length: number): void {
    if (offset + length > this.total)
      throw new RangeError(`copy of ${offset}+${length} past ${this.total} bytes`);
    if (length === 0) return;
    const position = this.discarded + offset;
    let i = this.chunkAt(position);
    let skip = position - this.starts[i];
    while (length > 0) {
      const chunk = this.chunks[i++];
      const n = Math.min(length, chunk.length - skip);
      dst.set(chunk.subarray(skip, skip + n), at);
      at += n;
      length -= n;
      skip = 0;
    }
  }

  /** The index of the live chunk holding stream position `position` (a binary search: segments are cut anywhere). */
  private chunkAt(position: number): number {
    let lo = this.head;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Removes and returns up to `max` bytes from the front (a view when one chunk suffices). */
  take(max = this.total): Uint8Array {
    const n = Math.min(max, this.total);
    if (n === 0) return new Uint8Array(0);
    const head = this.chunks[this.head];
    let out: Uint8Array;
    if (head.length - this.headOffset >= n) {
      out = head.subarray(this.headOffset, this.headOffset + n);
    } else {
      out = new Uint8Array(n);
      this.copyTo(out, 0, 0, n);
    }
    this.discard(n);
    return out;
  }

  /**
   * Everything queued, as views of the chunks (the first one cut at the consumed head): for a snapshot that keeps
   * the bytes by reference. The chunks are never written to, so the views stay valid and unchanged.
   */
  views(): Uint8Array[] {
    if (this.total === 0) return [];
    const out = this.chunks.slice(this.head);
    if (this.headOffset > 0) out[0] = out[0].subarray(this.headOffset);
    return out;
  }

  /** A copy of everything queued, for snapshots. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(this.total);
    if (this.total > 0) this.copyTo(out, 0, 0, this.total);
    return out;
  }
}
