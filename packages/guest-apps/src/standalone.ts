/**
 * Running one guest program directly on a TcpStack, without an emulated machine: its own GuestMemory holding
 * just its region. For tools and interop tests (e.g. the RESP server behind a TUN device for redis-cli), where
 * the state rule is not under test but the program must still keep its state in guest memory.
 */
import type { TcpStack } from '@vmha/guest-tcp';
import { GuestMemory, PAGE_SIZE, type GuestEnv, type GuestProgram } from '@vmha/machine';

export interface StandaloneGuest {
  readonly memory: GuestMemory;
  readonly env: GuestEnv;
}

/** Gives `program` a fresh memory of its size and boots it on `stack`. */
export function bootStandalone(
  program: GuestProgram,
  host: { stack: TcpStack; now(): number },
): StandaloneGuest {
  const memory = new GuestMemory(Math.ceil(program.memoryBytes / PAGE_SIZE) * PAGE_SIZE);
  const env: GuestEnv = {
    memory,
    region: { base: 0, size: program.memoryBytes },
    stack: host.stack,
    now: () => host.now(),
  };
  program.boot(env);
  return { memory, env };
}
