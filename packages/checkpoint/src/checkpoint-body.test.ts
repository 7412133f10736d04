import { SeededRandom } from '@vmha/guest-tcp';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BodyKind,
  CHECKPOINT_BODY_VERSION,
  CheckpointBodyWriter,
  RecordEncoding,
  decodeCheckpointBody,
  resolveRecords,
} from './checkpoint-body.ts';
import { RecordDeltaError, flattenRecord, type RecordBytes } from './record-delta.ts';
import { chunkBody } from './chunks.ts';
import { PAGE_BYTES, PageEncoding, decodePage } from './page-codec.ts';

const MEMORY = 64 * PAGE_BYTES;

function pageOf(rng: SeededRandom, density: number): Uint8Array {
  const page = new Uint8Array(PAGE_BYTES);
  for (let i = 0; i < PAGE_BYTES; i++) if (rng.next() < density) page[i] = rng.int(1, 255);
  return page;
}

/** A receiver's memory, a sender's newer memory, and the body that brings the receiver up to date. */
function scenarioParts(seed: number) {
  const rng = new SeededRandom(seed);
  const receiver = Array.from({ length: 64 }, () => pageOf(rng, 0.3));
  const sender: Uint8Array[] = receiver.map((p) => p.slice());
  const dirty = [3, 9, 10, 40, 63];
  sender[3].fill(0);
  sender[9][100] ^= 0xff;
  sender[10] = pageOf(rng, 1);
  sender[40] = pageOf(rng, 0.01);
  sender[63][4095] = 1;
  const records: [string, Uint8Array][] = [
    ['vcpu', Uint8Array.of(1, 2, 3)],
    ['nic', new Uint8Array(0)],
    ['kernel', pageOf(rng, 0.5).subarray(0, 777)],
  ];
  const writer = new CheckpointBodyWriter(
    { kind: BodyKind.Epoch, epoch: 8, baseEpoch: 7, memoryBytes: MEMORY },
    records,
  );
  for (const i of dirty) writer.addPage(i, sender[i], i === 40 ? undefined : receiver[i]);
  return { receiver, sender, dirty, records, writer };
}

function scenario(seed: number) {
  const { writer, ...rest } = scenarioParts(seed);
  const bytes = writer.finish();
  return { ...rest, bytes, stats: writer.stats };
}

/** The scenario's writer, pages added, not finished. */
function scenarioWriter(seed: number): CheckpointBodyWriter {
  return scenarioParts(seed).writer;
}

describe('checkpoint body', () => {
  it('carries header, records and pages; applying the pages brings the receiver to the sender’s memory', () => {
    const { receiver, sender, records, bytes, stats } = scenario(1);
    const decoded = decodeCheckpointBody(bytes);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.body.header).toEqual({
      kind: BodyKind.Epoch,
      epoch: 8,
      baseEpoch: 7,
      memoryBytes: MEMORY,
    });
    expect([...decoded.body.records].map(([n, r]) => [n, r.encoding, [...r.data]])).toEqual(
      records.map(([n, b]) => [n, RecordEncoding.Raw, [...b]]), // the receiver's records were not given
    );
    for (const page of decoded.body.pages) decodePage(page.encoding, page.data, receiver[page.index]);
    for (let i = 0; i < 64; i++)
      expect(Buffer.from(receiver[i]).equals(Buffer.from(sender[i])), `page ${i}`).toBe(true);
    expect(decoded.body.pages.map((p) => p.encoding)).toEqual([
      PageEncoding.Zero,
      PageEncoding.Delta,
      PageEncoding.Raw,
      PageEncoding.Sparse,
      PageEncoding.Delta,
    ]);
    expect(stats).toMatchObject({ pages: 5, rawPageBytes: 5 * PAGE_BYTES, bodyBytes: bytes.length });
    expect(stats.byEncoding).toEqual({ zero: 1, delta: 2, sparse: 1, raw: 1 });
    expect(stats.encodedPageBytes).toBeLessThan(stats.rawPageBytes / 4);
  });

  it('carries a record as a delta against the receiver’s version when smaller, and resolves it back exactly', () => {
    const rng = new SeededRandom(9);
    const stream = Uint8Array.from({ length: 200_000 }, () => rng.int(0, 255));
    const held = new Map([
      ['kernel', stream.subarray(0, 150_000)],
      ['vcpu', Uint8Array.of(1, 2, 3)],
    ]);
    const kernel = new Uint8Array(160_000);
    kernel.set(stream.subarray(40_000, 200_000)); // acked head gone, new tail: mostly the same bytes, moved
    const records: [string, Uint8Array][] = [
      ['kernel', kernel],
      ['vcpu', Uint8Array.of(4, 5, 6)],
      ['nic', Uint8Array.of(7)],
    ];
    const header = { kind: BodyKind.Epoch, epoch: 8, baseEpoch: 7, memoryBytes: MEMORY };
    const writer = new CheckpointBodyWriter(header, records, { receiverRecords: held });
    const decoded = decodeCheckpointBody(writer.finish());
    if (!decoded.ok) throw new Error(decoded.detail);
    const encodings = Object.fromEntries([...decoded.body.records].map(([n, r]) => [n, r.encoding]));
    expect(encodings).toEqual({
      kernel: RecordEncoding.Delta,
      vcpu: RecordEncoding.Raw,
      nic: RecordEncoding.Raw,
    });
    expect(writer.stats.rawRecordBytes).toBe(160_004);
    expect(writer.stats.encodedRecordBytes).toBeLessThan(60_000);
    const resolved = resolveRecords(decoded.body.records, (n) => held.get(n));
    expect(
      Object.fromEntries([...resolved].map(([n, b]) => [n, Buffer.from(flattenRecord(b)).toString('hex')])),
    ).toEqual(Object.fromEntries(records.map(([n, b]) => [n, Buffer.from(b).toString('hex')])));
    expect(() => resolveRecords(decoded.body.records, () => undefined)).toThrow(RecordDeltaError);
    expect(() => resolveRecords(decoded.body.records, () => stream.subarray(0, 10))).toThrow(
      RecordDeltaError,
    );
  });

  it('carries a record in parts by their identity, and its new bytes as copies from the record they left', () => {
    const rng = new SeededRandom(11);
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => rng.int(0, 255));
    // At the base epoch the guest's socket held 100 kB unsent; the VMM's buffer held three segments.
    const socket = bytes(100_000);
    const segments = [bytes(1400), bytes(1400), bytes(1400)];
    const head = bytes(40);
    const base = { parts: [head, ...segments], length: 40 + 3 * 1400 };
    const held = new Map<string, RecordBytes>([
      ['kernel', socket],
      ['vmm.speculation', base],
    ]);
    // Since, the guest sent 60 kB of its socket, which the VMM took; the first segment was acked.
    const moved = socket.subarray(0, 60_000).slice();
    const next = { parts: [bytes(40), segments[1], segments[2], moved], length: 40 + 2 * 1400 + 60_000 };
    const kernel = socket.subarray(60_000);
    const header = { kind: BodyKind.Epoch, epoch: 8, baseEpoch: 7, memoryBytes: MEMORY };
    const records: [string, RecordBytes][] = [
      ['kernel', kernel],
      ['vmm.speculation', next],
    ];
    const writer = new CheckpointBodyWriter(header, records, {
      receiverRecords: held,
      recordSources: new Map([['vmm.speculation', ['kernel']]]),
    });
    const decoded = decodeCheckpointBody(writer.finish());
    if (!decoded.ok) throw new Error(decoded.detail);
    // The kept segments and the moved stream are copies: only the new header travels.
    expect(decoded.body.records.get('vmm.speculation')!.data.length).toBeLessThan(40 + 100);
    const resolved = resolveRecords(decoded.body.records, (n) => held.get(n), {
      asParts: (n) => n.startsWith('vmm.'),
    });
    expect(flattenRecord(resolved.get('vmm.speculation')!)).toEqual(flattenRecord(next));
    expect(resolved.get('vmm.speculation')).not.toBeInstanceOf(Uint8Array); // kept as parts
    expect(flattenRecord(resolved.get('kernel')!)).toEqual(kernel);
    // Without the source, the moved stream is sent whole.
    const plain = new CheckpointBodyWriter(header, records, { receiverRecords: held });
    expect(plain.stats.encodedRecordBytes).toBeGreaterThan(60_000);
  });

  it('finishing in chunks gives the same body, and the chunks chunkBody would cut, each CRC exact', () => {
    for (const seed of [2, 3, 4]) {
      const whole = scenario(seed).bytes;
      for (const max of [
        1,
        7,
        100,
        whole.length - 4,
        whole.length - 3,
        whole.length - 1,
        whole.length,
        1 << 20,
      ]) {
        // The same writer contents, finished in chunks of `max`.
        const again = scenarioWriter(seed);
        const { body, chunks } = again.finishChunked(max);
        expect(Buffer.compare(body, whole), `seed ${seed}, max ${max}: body`).toBe(0);
        const expected = chunkBody(whole, max);
        expect(
          chunks.map((c) => [c.chunkIndex, c.chunkCount, c.bodyBytes, c.dataCrc32, c.data.length]),
        ).toEqual(expected.map((c) => [c.chunkIndex, c.chunkCount, c.bodyBytes, c.dataCrc32, c.data.length]));
      }
    }
  });

  it('with the caller’s CRC of the whole body, checks the trailer by the residue: exact, never a second pass', () => {
    const { bytes } = scenario(5);
    expect(decodeCheckpointBody(bytes, { crc32OfBytes: crc32(bytes) }).ok).toBe(true);
    const damaged = bytes.slice();
    damaged[50] ^= 4;
    expect(decodeCheckpointBody(damaged, { crc32OfBytes: crc32(damaged) })).toMatchObject({
      ok: false,
      reason: 'bad-checksum',
    });
    expect(decodeCheckpointBody(bytes, { crc32OfBytes: crc32(bytes) ^ 1 })).toMatchObject({
      ok: false,
      reason: 'bad-checksum',
    });
  });

  it('refuses to build a body with a page outside memory, a page twice, or epochs out of order', () => {
    const header = { kind: BodyKind.Epoch, epoch: 2, baseEpoch: 1, memoryBytes: MEMORY } as const;
    const w = new CheckpointBodyWriter(header, []);
    expect(() => w.addPage(64, new Uint8Array(PAGE_BYTES))).toThrow(/outside memory/);
    w.addPage(1, new Uint8Array(PAGE_BYTES));
    expect(() => w.addPage(1, new Uint8Array(PAGE_BYTES))).toThrow(/twice/);
    expect(() => new CheckpointBodyWriter({ ...header, epoch: 1 }, [])).toThrow(/does not follow/);
    expect(() => new CheckpointBodyWriter({ ...header, memoryBytes: 1000 }, [])).toThrow(
      /whole number of pages/,
    );
  });

  it('reports damage by reason and never throws: every truncation, every single-byte change (fuzz)', () => {
    const { bytes } = scenario(2);
    for (let cut = 0; cut < bytes.length; cut++) {
      const r = decodeCheckpointBody(bytes.subarray(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
    }
    const rng = new SeededRandom(3);
    const reasons = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const damaged = bytes.slice();
      damaged[rng.int(0, damaged.length - 1)] ^= 1 << rng.int(0, 7);
      const r = decodeCheckpointBody(damaged);
      expect(r.ok).toBe(false); // the CRC catches every single-bit change
      if (!r.ok) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    }
    expect(reasons.get('bad-checksum')).toBeGreaterThan(2500);
    expect(decodeCheckpointBody('x' as unknown as Uint8Array)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('rejects structurally bad bodies whose checksum is right (a buggy sender), naming the problem', () => {
    const { bytes } = scenario(4);
    const withVersion = (v: number) => reseal(bytes, (b) => (b[4] = v));
    for (const v of [1, CHECKPOINT_BODY_VERSION - 1, CHECKPOINT_BODY_VERSION + 1])
      expect(decodeCheckpointBody(withVersion(v))).toMatchObject({
        ok: false,
        reason: 'unsupported-version',
      });
    // The first record's encoding byte (after the record count and the 4-byte name "vcpu").
    expect(decodeCheckpointBody(reseal(bytes, (b) => (b[32 + 2 + 1 + 4] = 7)))).toMatchObject({
      ok: false,
      reason: 'malformed',
      detail: 'record vcpu: unknown encoding 7',
    });
    expect(decodeCheckpointBody(reseal(bytes, (b) => (b[5] = 9)))).toMatchObject({
      ok: false,
      reason: 'malformed',
      detail: 'unknown checkpoint kind 9',
    });
    // Base epoch equal to epoch.
    expect(decodeCheckpointBody(reseal(bytes, (b) => (b[16] = 8)))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/does not follow/),
    });
    // Random bytes with a valid checksum and magic still fail with a reason.
    const rng = new SeededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const junk = Uint8Array.from({ length: rng.int(40, 400) }, () => rng.int(0, 255));
      junk.set([0x56, 0x43, 0x4b, 0x50, CHECKPOINT_BODY_VERSION, rng.int(1, 3)], 0);
      const r = decodeCheckpointBody(reseal(junk, () => undefined));
      if (!r.ok) expect(['truncated', 'malformed']).toContain(r.reason);
      else expect(r.body.header.memoryBytes % PAGE_BYTES).toBe(0); // whatever decodes is well-formed
    }
  });
});

/** A copy with `edit` applied and the trailing CRC-32 recomputed. */
function reseal(bytes: Uint8Array, edit: (b: Uint8Array) => void): Uint8Array {
  const b = bytes.slice();
  edit(b);
  new DataView(b.buffer).setUint32(b.length - 4, crc32(b.subarray(0, b.length - 4)), true);
  return b;
}
