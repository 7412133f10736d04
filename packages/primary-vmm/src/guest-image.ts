/**
 * The standard guest image: the programs every demo VM runs. RESP2 key-value server on 6379, bulk stream on
 * 5001, echo on 7, sink on 9 (ARCHITECTURE.md, "guest apps").
 */
import { BulkStreamServer, EchoServer, RespServer, SinkServer } from '@vmha/guest-apps';
import type { GuestProgram } from '@vmha/machine';

export interface GuestImageOptions {
  /** Region size of the key-value server (its heap holds every key and value). */
  respMemoryBytes?: number;
}

/** Fresh program instances (code, not state): the same list boots a guest or resumes a restored one. */
export function standardGuestImage(options: GuestImageOptions = {}): GuestProgram[] {
  return [
    new RespServer({ memoryBytes: options.respMemoryBytes }),
    new BulkStreamServer(),
    new EchoServer(),
    new SinkServer(),
  ];
}
