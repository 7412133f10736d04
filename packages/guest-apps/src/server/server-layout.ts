/**
 * Where a server program keeps its state in guest memory: a root block (found through the heap's root pointer)
 * and one record per connection on a doubly linked list from the root. The socket id in each record is how
 * resume() finds the connection again in the restored guest kernel (`stack.socket(id)`).
 */

/** Root block: common part, then the program's own fields at ROOT_APP. */
export const ROOT = {
  MAGIC: 0,
  VERSION: 4,
  PORT: 8,
  CONN_HEAD: 12,
  CONN_COUNT: 16,
  /** Exceptions caught at the event boundary (guest bugs); tests assert it stays 0. */
  INTERNAL_ERRORS: 20,
  /** Connections accepted since boot (u64). */
  ACCEPTED: 24,
  /** Connections dropped because the heap was full (u32). */
  OOM_DROPS: 32,
  /** Virtual time of boot (f64). */
  BOOT_TIME: 40,
  APP: 48,
} as const;

/** Connection record: list links, socket id, flags, input and output byte queues, then program fields. */
export const CONN = {
  NEXT: 0,
  PREV: 4,
  SOCKET_ID: 8,
  FLAGS: 12,
  INPUT: 16,
  OUTPUT: 32,
  APP: 48,
} as const;

/** Connection flags kept in guest memory (bits 0-7 are the framework's, 8+ the program's). */
export const CONN_FLAG = {
  /** Close our side once the output queue has drained (error reply, QUIT, end of input). */
  CLOSE_AFTER_OUTPUT: 1,
  /** close() has been called: input is discarded until the kernel reports the connection gone. */
  CLOSE_SENT: 2,
} as const;
