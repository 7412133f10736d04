/**
 * The contract between the emulated machine and the software running inside it.
 *
 * A guest program is code (this TypeScript) plus state. Its state lives only in guest memory (inside the region the
 * machine gives it) and in the guest kernel (its sockets and listeners in the guest-tcp stack, which the machine
 * saves as a versioned record). Nothing else survives a checkpoint, migration or failover: after a restore the
 * machine calls resume(), and the program must rebuild its view of the world from guest memory and the kernel.
 */
import type { TcpStack } from '@vmha/guest-tcp';
import type { GuestMemory } from './guest-memory.ts';

/** A contiguous range of guest memory owned by one program, [base, base + size). */
export interface MemoryRegion {
  readonly base: number;
  readonly size: number;
}

/** What the machine gives a program. */
export interface GuestEnv {
  readonly memory: GuestMemory;
  /** The program's own part of guest memory; its first bytes are where it keeps its root (e.g. a heap header). */
  readonly region: MemoryRegion;
  /** The guest kernel's sockets. Event handlers are code, not state: re-attach them in resume(). */
  readonly stack: TcpStack;
  /** The guest's virtual clock (ms); stops while the vCPU is paused. */
  now(): number;
}

export interface GuestProgram {
  /** Unique within a machine and stable across save/restore (the machine matches regions to programs by name). */
  readonly name: string;
  /** Bytes of guest memory the program needs for its region (a multiple of the page size is not required). */
  readonly memoryBytes: number;
  /** First boot: initialise the region (e.g. format a heap), open listeners, attach handlers. */
  boot(env: GuestEnv): void;
  /** After restore: find the state in guest memory and the kernel, re-attach handlers. Must not reset state. */
  resume(env: GuestEnv): void;
}
