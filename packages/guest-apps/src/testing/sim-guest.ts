/**
 * Test stand-in for the emulated machine: one GuestMemory holding each program's region (page-aligned, in
 * order), a guest-tcp stack in a SimNetwork on virtual time, and save/restore of exactly what the state rule
 * says a guest is: memory bytes plus the kernel's `saveState()` record.
 */
import { TcpStack, type SimNetwork, type TcpConfig } from '@vmha/guest-tcp';
import { GuestMemory, PAGE_SIZE, type GuestEnv, type GuestProgram, type MemoryRegion } from '@vmha/machine';

export interface GuestSnapshot {
  readonly memorySize: number;
  /** Non-zero pages, by page number (copies). */
  readonly pages: ReadonlyMap<number, Uint8Array>;
  readonly kernel: Uint8Array;
}

export interface SimGuestOptions {
  address: string;
  seed?: number;
  stack?: Partial<TcpConfig>;
}

/** Page-aligned regions, one after another from address 0 (as a machine would lay them out). */
export function layoutRegions(programs: readonly GuestProgram[]): { regions: MemoryRegion[]; size: number } {
  const regions: MemoryRegion[] = [];
  let base = 0;
  for (const p of programs) {
    regions.push({ base, size: p.memoryBytes });
    base += Math.ceil(p.memoryBytes / PAGE_SIZE) * PAGE_SIZE;
  }
  return { regions, size: Math.max(PAGE_SIZE, base) };
}

export class SimGuest {
  readonly envs: GuestEnv[];

  private constructor(
    readonly memory: GuestMemory,
    readonly stack: TcpStack,
    readonly programs: readonly GuestProgram[],
    clock: { now(): number },
  ) {
    const { regions } = layoutRegions(programs);
    this.envs = programs.map((_, i) => ({ memory, region: regions[i], stack, now: () => clock.now() }));
  }

  /** A new guest on `net` with `programs` booted. */
  static boot(net: SimNetwork, options: SimGuestOptions, programs: readonly GuestProgram[]): SimGuest {
    const { size } = layoutRegions(programs);
    const stack = net.addStack({ address: options.address, seed: options.seed ?? 1, ...options.stack });
    const guest = new SimGuest(new GuestMemory(size), stack, programs, net.clock);
    programs.forEach((p, i) => p.boot(guest.envs[i]));
    return guest;
  }

  /** Guest memory and kernel state, copied. Take it between events (never inside a socket handler). */
  snapshot(): GuestSnapshot {
    const pages = new Map<number, Uint8Array>();
    for (let p = 0; p < this.memory.pageCount; p++) {
      if (!this.memory.isZeroPage(p)) pages.set(p, this.memory.pageView(p).slice());
    }
    return { memorySize: this.memory.size, pages, kernel: this.stack.saveState() };
  }

  /** A fresh guest from a snapshot: new memory with the same bytes, the kernel restored, `programs` resumed. */
  static restore(
    snapshot: GuestSnapshot,
    programs: readonly GuestProgram[],
    driver: { clock: { now(): number }; output: (packet: Uint8Array) => void },
  ): SimGuest {
    const memory = new GuestMemory(snapshot.memorySize);
    for (const [page, bytes] of snapshot.pages) memory.loadPage(page, bytes);
    const stack = TcpStack.restore(snapshot.kernel, driver);
    const guest = new SimGuest(memory, stack, programs, driver.clock);
    programs.forEach((p, i) => p.resume(guest.envs[i]));
    return guest;
  }
}
