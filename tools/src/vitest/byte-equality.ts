// Byte arrays compared as bytes. Vitest's deep equality walks a Uint8Array element by element through its
// generic matcher machinery (seconds for a 4 MiB record, minutes across a fuzz loop); Buffer.compare is one
// memcmp. Only arrays of the same class that hold the same bytes are answered here: any other pair (a
// mismatch, a Buffer against a Uint8Array) falls through to the default comparison, so what passes and what
// fails, and the diff a failure prints, are exactly as before.
import { expect } from 'vitest';

function sameBytes(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
  if (a.constructor !== b.constructor || a.length !== b.length) return undefined;
  const left = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const right = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return left.equals(right) ? true : undefined;
}

expect.addEqualityTesters([sameBytes]);
