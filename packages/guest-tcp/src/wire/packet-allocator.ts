/**
 * Outgoing packets are carved from shared 256 KiB slabs instead of one ArrayBuffer each: a small typed array with
 * its own backing store costs a malloc and a GC finaliser, which dominated the send path. Regions are never
 * reused, so a packet stays valid as long as it is referenced (it keeps its slab alive). Regions start on
 * 8-byte boundaries so the TCP header (offset 20) is 4-byte aligned for the checksum's fast path.
 */
const SLAB_BYTES = 256 * 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

export function allocatePacket(length: number): Uint8Array {
  if (length > SLAB_BYTES / 4) return new Uint8Array(length);
  if (used + length > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const view = new Uint8Array(slab, used, length);
  used = (used + length + 7) & ~7;
  return view;
}

/** A private copy of `bytes` (Buffer.prototype.slice returns a view, so `.slice()` is not a safe copy). */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}
