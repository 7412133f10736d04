import { describe, expect, it } from 'vitest';

// The shared setup file (vitest.shared.ts) installs the byte-equality tester in every project, this one too.
describe('byte equality in every test project', () => {
  it('passes arrays of one class holding the same bytes, wherever they sit in their buffers', () => {
    const backing = Uint8Array.of(9, 1, 2, 3, 9);
    expect(backing.subarray(1, 4)).toEqual(Uint8Array.of(1, 2, 3));
    expect({ record: [backing.subarray(1, 4)] }).toStrictEqual({ record: [Uint8Array.of(1, 2, 3)] });
  });

  it('still fails a byte that differs, a length that differs, and a Buffer against a Uint8Array when strict', () => {
    expect(() => expect(Uint8Array.of(1, 2, 3)).toEqual(Uint8Array.of(1, 2, 4))).toThrow();
    expect(() => expect(Uint8Array.of(1, 2, 3)).toEqual(Uint8Array.of(1, 2))).toThrow();
    expect(() => expect(Buffer.from([1, 2])).toStrictEqual(Uint8Array.of(1, 2))).toThrow();
    expect(() =>
      expect({ a: [new Uint8Array(1 << 20)] }).toEqual({ a: [new Uint8Array(1 << 20).fill(1, 7, 8)] }),
    ).toThrow(/expected/);
  });
});
