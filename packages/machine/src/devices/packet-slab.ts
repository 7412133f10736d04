/**
 * Packets copied out of guest memory are carved from shared 256 KiB slabs rather than allocated one by one: a
 * small typed array with its own backing store costs a malloc and a GC finaliser each, which dominates a
 * per-packet path at gigabit rates (guest-tcp's send path does the same). A region is never reused, so a packet
 * stays valid for as long as anyone holds it (it keeps its slab alive).
 */
import type { GuestMemory } from '../guest-memory.ts';

const SLAB_BYTES = 256 * 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** A private copy of guest memory [addr, addr + length). */
export function copyPacketOut(memory: GuestMemory, addr: number, length: number): Uint8Array {
  if (length > SLAB_BYTES / 4) return memory.read(addr, length);
  if (used + length > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const out = new Uint8Array(slab, used, length);
  used = (used + length + 7) & ~7; // 8-byte aligned starts keep header fields aligned for the parsers
  memory.readInto(addr, out);
  return out;
}
