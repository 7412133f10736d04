import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { OutputCommitBuffer } from './output-commit.ts';

const pkt = (n: number, size = 100) => new Uint8Array(size).fill(n & 0xff);

describe('output commit', () => {
  it('holds each epoch’s packets until that epoch is acked, then releases them in order', () => {
    const b = new OutputCommitBuffer();
    b.hold(1, pkt(1));
    b.hold(1, pkt(2));
    b.hold(2, pkt(3));
    expect(b.release(0)).toEqual([]);
    expect(b.release(1).map((p) => p[0])).toEqual([1, 2]);
    b.hold(3, pkt(4));
    expect(b.occupancy).toEqual({ packets: 2, bytes: 200, oldestEpoch: 2 });
    // An ack covers every earlier epoch too (acks are cumulative).
    expect(b.release(3).map((p) => p[0])).toEqual([3, 4]);
    expect(b.occupancy).toEqual({ packets: 0, bytes: 0, oldestEpoch: undefined });
    expect(b.counters).toMatchObject({ held: 4, released: 4 });
  });

  it('never releases a packet before its epoch is acked, whatever the interleaving (property)', () => {
    const rng = new SeededRandom(9);
    const b = new OutputCommitBuffer();
    let epoch = 1;
    let acked = 0;
    let next = 0;
    const sentEpoch: number[] = [];
    const released: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      const r = rng.next();
      if (r < 0.6) {
        sentEpoch.push(epoch);
        b.hold(epoch, Uint8Array.of(next & 0xff, (next >> 8) & 0xff, (next >> 16) & 0xff));
        next++;
      } else if (r < 0.8) epoch++;
      else if (acked < epoch - 1) {
        acked = rng.int(acked + 1, epoch - 1);
        for (const p of b.release(acked)) {
          const id = p[0] | (p[1] << 8) | (p[2] << 16);
          expect(sentEpoch[id]).toBeLessThanOrEqual(acked);
          released.push(id);
        }
      }
    }
    released.push(...b.release(epoch).map((p) => p[0] | (p[1] << 8) | (p[2] << 16)));
    expect(released).toEqual([...Array(next).keys()]); // every packet once, in order
  });

  it('drops and counts past its capacity, and discards everything when fenced', () => {
    const b = new OutputCommitBuffer({ maxBytes: 250 });
    expect(b.hold(1, pkt(1))).toBe(true);
    expect(b.hold(1, pkt(2))).toBe(true);
    expect(b.hold(1, pkt(3))).toBe(false);
    expect(b.counters.droppedFull).toBe(1);
    expect(b.discardAll()).toBe(2);
    expect(b.release(5)).toEqual([]);
    expect(b.counters.discarded).toBe(2);
  });

  it('numbers epochs afresh after a rebase (a new stream), and refuses to rebase while holding', () => {
    const b = new OutputCommitBuffer();
    b.hold(150, pkt(1));
    expect(() => b.rebase()).toThrow(/held/);
    b.release(150);
    b.rebase();
    expect(b.hold(1, pkt(2))).toBe(true);
    expect(b.release(1).map((p) => p[0])).toEqual([2]);
  });

  it('refuses a packet of an epoch that is already released or older than one it holds (a caller bug)', () => {
    const b = new OutputCommitBuffer();
    b.hold(3, pkt(1));
    expect(() => b.hold(2, pkt(2))).toThrow(RangeError);
    b.release(3);
    expect(() => b.hold(3, pkt(3))).toThrow(RangeError);
    expect(b.hold(4, pkt(4))).toBe(true);
  });
});
