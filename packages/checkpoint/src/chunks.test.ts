import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { CheckpointAssembler, chunkBody, type ReceivedChunk } from './chunks.ts';

function body(length: number, seed: number): Uint8Array {
  const rng = new SeededRandom(seed);
  return Uint8Array.from({ length }, () => rng.int(0, 255));
}

function chunksOf(epoch: number, b: Uint8Array, max = 1000): ReceivedChunk[] {
  return chunkBody(b, max).map((c) => ({ ...c, epoch }));
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('chunking and assembly', () => {
  it('cuts a body into chunks under the limit and puts it back together, in any arrival order', () => {
    const b = body(10_500, 1);
    const chunks = chunksOf(1, b);
    expect(chunks).toHaveLength(11);
    expect(chunks.every((c) => c.data.length <= 1000)).toBe(true);
    const rng = new SeededRandom(2);
    const shuffled = [...chunks].sort(() => rng.next() - 0.5);
    const a = new CheckpointAssembler({ maxBodyBytes: 1 << 20 });
    const events = shuffled.flatMap((c) => a.accept(c));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'complete', epoch: 1 });
    expect(events[0].kind === 'complete' && hex(events[0].body)).toBe(hex(b));
    expect(a.completedEpoch).toBe(1);
  });

  it('an empty body is one empty chunk', () => {
    const a = new CheckpointAssembler({ maxBodyBytes: 100 });
    const [only] = chunksOf(1, new Uint8Array(0));
    expect(a.accept(only)).toMatchObject([{ kind: 'complete', epoch: 1, body: new Uint8Array(0) }]);
  });

  it('never yields a partial checkpoint: a lost chunk abandons it when the next one starts', () => {
    const a = new CheckpointAssembler({ maxBodyBytes: 1 << 20 });
    const first = chunksOf(5, body(5000, 3));
    const events = first.filter((c) => c.chunkIndex !== 2).flatMap((c) => a.accept(c));
    expect(events).toEqual([]);
    expect(a.inProgress).toEqual({ epoch: 5, received: 4, expected: 5 });
    const next = a.accept(chunksOf(6, body(10, 4))[0]);
    expect(next).toMatchObject([
      { kind: 'abandoned', epoch: 5, received: 4, expected: 5 },
      { kind: 'complete', epoch: 6 },
    ]);
    // The resent epoch 5 is now stale: epoch 6 completed after it.
    expect(a.accept(first[2])).toMatchObject([{ kind: 'dropped', epoch: 5, reason: 'already-complete' }]);
  });

  it('lets a resend of an abandoned checkpoint complete, ignoring chunks of the abandoned attempt', () => {
    const a = new CheckpointAssembler({ maxBodyBytes: 1 << 20 });
    const b = body(3000, 5);
    const chunks = chunksOf(9, b);
    a.accept(chunks[0]);
    expect(a.abandon('no chunk for 200 ms')).toMatchObject({
      kind: 'abandoned',
      epoch: 9,
      why: 'no chunk for 200 ms',
    });
    const events = chunks.flatMap((c) => a.accept(c));
    expect(events).toMatchObject([{ kind: 'complete', epoch: 9 }]);
    expect(events[0].kind === 'complete' && hex(events[0].body)).toBe(hex(b));
  });

  it('drops and counts damaged, duplicate, inconsistent, oversized and stale chunks', () => {
    const a = new CheckpointAssembler({ maxBodyBytes: 4000, completedEpoch: 3 });
    const chunks = chunksOf(4, body(2500, 6));
    expect(
      a.accept({ ...chunks[0], data: chunks[0].data.map((x, i) => (i === 7 ? x ^ 1 : x)) }),
    ).toMatchObject([{ reason: 'bad-crc' }]);
    expect(a.accept(chunks[0])).toEqual([]);
    expect(a.accept(chunks[0])).toMatchObject([{ reason: 'duplicate' }]);
    expect(a.accept({ ...chunks[1], chunkCount: 4 })).toMatchObject([{ reason: 'inconsistent' }]);
    expect(a.accept({ ...chunks[1], bodyBytes: 2600 })).toMatchObject([{ reason: 'inconsistent' }]);
    expect(a.accept({ ...chunks[1], chunkIndex: 3 })).toMatchObject([{ reason: 'bad-framing' }]);
    expect(a.accept({ ...chunks[1], epoch: -1 })).toMatchObject([{ reason: 'bad-framing' }]);
    expect(a.accept({ ...chunksOf(5, body(5000, 7))[0] })).toMatchObject([{ reason: 'too-large' }]);
    expect(a.accept({ ...chunksOf(3, body(10, 8))[0] })).toMatchObject([{ reason: 'already-complete' }]);
    expect(a.accept(chunks[1])).toEqual([]);
    expect(a.accept(chunks[2])).toMatchObject([{ kind: 'complete', epoch: 4 }]);
    expect(a.counters).toMatchObject({
      'bad-crc': 1,
      duplicate: 1,
      inconsistent: 2,
      'bad-framing': 2,
      'too-large': 1,
      'already-complete': 1,
      complete: 1,
    });
  });

  it('drops a chunk that does not fit the announced length and tiling; the body never completes without it', () => {
    const a = new CheckpointAssembler({ maxBodyBytes: 1 << 20 });
    const chunks = chunksOf(1, body(2500, 9)); // 1000 + 1000 + 500
    const withCrc = (c: ReceivedChunk, data: Uint8Array) => ({
      ...c,
      data,
      dataCrc32: chunkBody(data, data.length)[0].dataCrc32,
    });
    const shortLast = withCrc(chunks[2], chunks[2].data.subarray(0, 100));
    const shortMiddle = withCrc(chunks[1], chunks[1].data.subarray(0, 999));
    const longLast = withCrc(chunks[2], body(1001, 3)); // would mean chunks of 749.5 bytes
    a.accept(chunks[0]);
    for (const bad of [shortLast, shortMiddle, longLast])
      expect(a.accept(bad)).toMatchObject([{ kind: 'dropped', epoch: 1, reason: 'inconsistent' }]);
    expect(a.inProgress).toEqual({ epoch: 1, received: 1, expected: 3 });
    // A last chunk arriving first fixes the tiling as well as a full one does.
    const b = new CheckpointAssembler({ maxBodyBytes: 1 << 20 });
    expect(b.accept(chunks[2])).toEqual([]);
    expect(b.accept(shortMiddle)).toMatchObject([{ kind: 'dropped', reason: 'inconsistent' }]);
    expect([...b.accept(chunks[1]), ...b.accept(chunks[0])]).toMatchObject([{ kind: 'complete', epoch: 1 }]);
    expect(a.completedEpoch).toBe(-1);
  });

  it('in order: drops chunks of later checkpoints as ahead until the next one completes', () => {
    const a = new CheckpointAssembler({ maxBodyBytes: 1 << 20, completedEpoch: 4, inOrder: true });
    const five = chunksOf(5, body(2500, 11));
    const six = chunksOf(6, body(100, 12));
    a.accept(five[0]);
    expect(a.accept(six[0])).toMatchObject([{ kind: 'dropped', epoch: 6, reason: 'ahead' }]);
    expect(a.inProgress).toEqual({ epoch: 5, received: 1, expected: 3 });
    expect([...a.accept(five[1]), ...a.accept(five[2])]).toMatchObject([{ kind: 'complete', epoch: 5 }]);
    expect(a.accept(six[0])).toMatchObject([{ kind: 'complete', epoch: 6 }]);
    expect(a.counters.ahead).toBe(1);
  });

  it('keeps its own copy of chunk data (the client library may reuse message buffers)', () => {
    const a = new CheckpointAssembler({ maxBodyBytes: 1 << 20 });
    const b = body(2000, 10);
    const chunks = chunksOf(1, b.slice());
    const first = { ...chunks[0], data: chunks[0].data.slice() };
    a.accept(first);
    first.data.fill(0);
    const [done] = a.accept(chunks[1]);
    expect(done.kind === 'complete' && hex(done.body)).toBe(hex(b));
  });
});
