/**
 * Packets copied out of guest memory go into guest-tcp's slab allocator (`allocatePacket`): a small typed array
 * with its own backing store costs a malloc and a GC finaliser each, which dominates a per-packet path at gigabit
 * rates. A packet stays valid for as long as anyone holds it.
 */
import { allocatePacket } from '@vmha/guest-tcp';
import type { GuestMemory } from '../guest-memory.ts';

/** A private copy of guest memory [addr, addr + length). */
export function copyPacketOut(memory: GuestMemory, addr: number, length: number): Uint8Array {
  const out = allocatePacket(length);
  memory.readInto(addr, out);
  return out;
}
