import { SeededRandom } from '@vmha/guest-tcp';
import { GuestMemory } from '@vmha/machine';
import { describe, expect, it } from 'vitest';
import { GuestByteQueue } from './guest-byte-queue.ts';
import { GuestHeap } from './guest-heap.ts';
import { GuestHeapExhaustedError } from './heap-errors.ts';

function setup(size = 4 << 20): { heap: GuestHeap; queue: GuestByteQueue } {
  const memory = new GuestMemory(size);
  const heap = GuestHeap.format(memory, { base: 0, size });
  const descriptor = heap.allocZeroed(16);
  return { heap, queue: new GuestByteQueue(heap, descriptor) };
}

describe('GuestByteQueue', () => {
  it('is a FIFO: random appends and consumes match a model byte for byte', () => {
    const { heap, queue } = setup();
    const rng = new SeededRandom(21);
    // Byte k of everything ever appended is k & 0xff, so the model is just [head, tail) of that sequence.
    let head = 0;
    let tail = 0;
    const matches = (bytes: Uint8Array, from: number): boolean =>
      bytes.every((b, i) => b === ((from + i) & 0xff));
    for (let op = 0; op < 5000; op++) {
      if (rng.next() < 0.55) {
        const n = Math.floor(rng.next() * (rng.next() < 0.05 ? 100_000 : 700));
        queue.append(Uint8Array.from({ length: n }, (_, i) => (tail + i) & 0xff));
        tail += n;
      } else {
        const n = Math.floor(rng.next() * (tail - head + 1));
        const peeked = queue.peek(n);
        expect(peeked.length).toBe(n);
        expect(matches(peeked, head)).toBe(true);
        queue.consume(n);
        head += n;
      }
      expect(queue.length).toBe(tail - head);
    }
    expect(matches(queue.peek(), head)).toBe(true);
    heap.check();
  });

  it('gives its buffer back when a large queue empties, and releases it on demand', () => {
    const { heap, queue } = setup();
    const base = heap.stats().usedBytes;
    queue.append(new Uint8Array(200_000));
    expect(heap.stats().usedBytes).toBeGreaterThan(base + 200_000);
    queue.consume(200_000);
    expect(heap.stats().usedBytes).toBe(base);
    queue.append(new Uint8Array(100));
    queue.release();
    expect(queue.length).toBe(0);
    expect(heap.stats().usedBytes).toBe(base);
  });

  it('fails an append the heap cannot hold without losing what was queued', () => {
    const { queue } = setup(256 * 1024);
    queue.append(Uint8Array.from([1, 2, 3]));
    expect(() => queue.append(new Uint8Array(1 << 20))).toThrow(GuestHeapExhaustedError);
    expect(queue.peek()).toEqual(Uint8Array.from([1, 2, 3]));
  });
});
