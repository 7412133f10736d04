/** @vmha/machine: the emulated guest machine shared by both VMMs and the migrator. */
export { GuestMemory, GuestMemoryFault, PAGE_SIZE, PAGE_SHIFT } from './guest-memory.ts';
export type { GuestEnv, GuestProgram, MemoryRegion } from './program.ts';
