import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { encodeCommand, encodeValue } from './resp-encoder.ts';
import { RespParser, type RespFeedResult } from './resp-parser.ts';
import type { RespValue } from './resp-value.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (s: string): RespValue => ({ type: 'bulk', value: bytes(s) });

function parseAll(input: Uint8Array, splits: number[] = []): RespFeedResult {
  const p = new RespParser({ maxLineBytes: 256, maxBulkBytes: 4096, maxArrayLength: 64, maxDepth: 8 });
  const values: RespValue[] = [];
  let at = 0;
  for (const cut of [...splits, input.length]) {
    const r = p.feed(input.subarray(at, cut));
    values.push(...r.values);
    at = cut;
  }
  return { values, error: p.error };
}

describe('RESP2 parser', () => {
  it('parses every RESP2 type, including nil bulk strings, nil arrays and nesting', () => {
    const r = parseAll(
      bytes('+OK\r\n-ERR bad\r\n:-42\r\n$5\r\nhe\r\no\r\n$-1\r\n*-1\r\n*2\r\n*1\r\n:1\r\n$0\r\n\r\n'),
    );
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual([
      { type: 'simple', value: 'OK' },
      { type: 'error', message: 'ERR bad' },
      { type: 'integer', value: -42n },
      text('he\r\no'),
      { type: 'bulk', value: null },
      { type: 'array', items: null },
      { type: 'array', items: [{ type: 'array', items: [{ type: 'integer', value: 1n }] }, text('')] },
    ]);
  });

  it('keeps 64-bit integers exact', () => {
    expect(parseAll(bytes(':9223372036854775807\r\n')).values).toEqual([
      { type: 'integer', value: 9223372036854775807n },
    ]);
    expect(parseAll(bytes(':9223372036854775808\r\n')).error?.reason).toMatch(/out of 64-bit range/);
  });

  it('yields a value only once all of it has arrived, byte by byte', () => {
    const input = encodeCommand(['SET', 'key', 'a value']);
    const p = new RespParser();
    for (let i = 0; i < input.length - 1; i++) expect(p.feed(input.subarray(i, i + 1)).values).toEqual([]);
    expect(p.feed(input.subarray(input.length - 1)).values).toEqual([
      { type: 'array', items: [text('SET'), text('key'), text('a value')] },
    ]);
    expect(p.bufferedBytes).toBe(0);
  });

  it.each([
    ['an unknown type byte', '+OK\r\n!x\r\n', /unknown RESP2 type byte 0x21/, 5],
    ['a bulk string without its CRLF', '$3\r\nabcd\r\n', /not followed by CRLF/, 7],
    ['a negative bulk length other than -1', '$-2\r\n', /invalid bulk string length/, 1],
    ['a bulk string over the limit', '$5000\r\n', /exceeds the limit 4096/, 1],
    ['an array over the limit', '*65\r\n', /exceeds the limit 64/, 1],
    ['a non-numeric integer', ':12a\r\n', /invalid integer/, 1],
    ['CR without LF', '+OK\rX', /CR not followed by LF/, 4],
    ['LF without CR', '+OK\nX', /LF without CR/, 3],
    ['a line over the limit', `+${'a'.repeat(300)}`, /line longer than 256/, 1],
    ['arrays nested past the limit', '*1\r\n'.repeat(9) + ':1\r\n', /nested deeper than 8/, 32],
  ])('reports %s as a protocol error at the offending offset', (_what, input, reason, offset) => {
    const r = parseAll(bytes(input));
    expect(r.error?.reason).toMatch(reason);
    expect(r.error?.offset).toBe(offset);
  });

  it('stays failed after a protocol error: the stream cannot be resynchronised', () => {
    const p = new RespParser();
    const first = p.feed(bytes(':1\r\n?\r\n'));
    expect(first.values).toEqual([{ type: 'integer', value: 1n }]);
    expect(first.error).toBeDefined();
    const again = p.feed(bytes('+OK\r\n'));
    expect(again.values).toEqual([]);
    expect(again.error).toEqual(first.error);
  });
});

describe('RESP2 parser under fuzzing', () => {
  function randomValue(rng: SeededRandom, depth: number): RespValue {
    switch (rng.int(0, depth > 3 ? 3 : 5)) {
      case 0:
        return { type: 'simple', value: randomLine(rng) };
      case 1:
        return { type: 'error', message: `ERR ${randomLine(rng)}` };
      case 2:
        return { type: 'integer', value: BigInt(rng.int(-1e9, 1e9)) * BigInt(rng.int(0, 1e9)) };
      case 3: {
        if (rng.next() < 0.1) return { type: 'bulk', value: null };
        const v = new Uint8Array(rng.int(0, 40));
        for (let i = 0; i < v.length; i++) v[i] = rng.int(0, 255);
        return { type: 'bulk', value: v };
      }
      default: {
        if (rng.next() < 0.1) return { type: 'array', items: null };
        const n = rng.int(0, 5);
        return { type: 'array', items: Array.from({ length: n }, () => randomValue(rng, depth + 1)) };
      }
    }
  }

  function randomLine(rng: SeededRandom): string {
    const n = rng.int(0, 20);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(rng.int(32, 126));
    return s;
  }

  function randomSplits(rng: SeededRandom, length: number): number[] {
    const cuts = new Set<number>();
    const n = rng.int(0, 8);
    for (let i = 0; i < n; i++) cuts.add(rng.int(0, length));
    return [...cuts].sort((a, b) => a - b);
  }

  it('round-trips 2,000 random value streams, however the bytes are split', () => {
    const rng = new SeededRandom(7);
    for (let round = 0; round < 2000; round++) {
      const values = Array.from({ length: rng.int(1, 6) }, () => randomValue(rng, 0));
      const wire = Buffer.concat(values.map(encodeValue));
      const r = parseAll(wire, randomSplits(rng, wire.length));
      expect(r.error).toBeUndefined();
      expect(r.values).toEqual(values);
    }
  });

  it('never throws on 20,000 random and mutated streams, and splitting never changes the outcome', () => {
    const rng = new SeededRandom(11);
    let errors = 0;
    for (let round = 0; round < 20_000; round++) {
      let wire: Uint8Array;
      if (round % 2 === 0) {
        wire = new Uint8Array(rng.int(0, 80));
        for (let i = 0; i < wire.length; i++) wire[i] = rng.int(0, 255);
        // Bias toward plausible prefixes so the fuzz reaches past the type byte.
        if (wire.length > 0 && rng.next() < 0.5) wire[0] = '+-:$*'.charCodeAt(rng.int(0, 4));
      } else {
        wire = Uint8Array.from(
          Buffer.concat([encodeValue(randomValue(rng, 0)), encodeValue(randomValue(rng, 0))]),
        );
        const flips = rng.int(1, 3);
        for (let i = 0; i < flips && wire.length > 0; i++) {
          const at = rng.int(0, wire.length - 1);
          wire[at] = rng.next() < 0.5 ? rng.int(0, 255) : '\r\n$*:-+0123456789'.charCodeAt(rng.int(0, 15));
        }
      }
      const whole = parseAll(wire);
      const split = parseAll(wire, randomSplits(rng, wire.length));
      expect(split).toEqual(whole);
      if (whole.error) {
        errors++;
        expect(whole.error.offset).toBeGreaterThanOrEqual(0);
        expect(whole.error.offset).toBeLessThan(wire.length);
      }
    }
    // The fuzz really exercised the error paths.
    expect(errors).toBeGreaterThan(5000);
  });
});
