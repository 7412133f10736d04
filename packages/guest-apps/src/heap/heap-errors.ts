/** Why a guest heap operation failed. Each is a class so callers can catch exactly the case they handle. */

/** No free chunk and no room at the top for the request (malloc returning NULL, made loud). */
export class GuestHeapExhaustedError extends Error {
  override name = 'GuestHeapExhaustedError';
  constructor(
    readonly requestedBytes: number,
    readonly freeBytes: number,
  ) {
    super(
      `guest heap exhausted: ${requestedBytes} bytes requested, ${freeBytes} bytes free (fragmented or short)`,
    );
  }
}

/** open() found no heap of this version where it looked (garbage, another program's data, or a newer format). */
export class GuestHeapFormatError extends Error {
  override name = 'GuestHeapFormatError';
}

/** A pointer that is not a live allocation, or heap metadata that fails its invariants (a guest bug). */
export class GuestHeapCorruptionError extends Error {
  override name = 'GuestHeapCorruptionError';
}
