import { describe, expect, it } from 'vitest';
import { splitInlineArgs } from './inline-args.ts';
import { encodeCommand as encodeRespCommand } from '@vmha/resp';
import { MAX_INLINE_BYTES, parseRequest, type ParsedRequest } from './request-parser.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const words = (r: ParsedRequest): string[] | ParsedRequest =>
  r.kind === 'command' ? r.args.map((a) => Buffer.from(a).toString('latin1')) : r;

describe('RESP request framing', () => {
  it('parses a multibulk request and reports where it ends', () => {
    const buf = bytes('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n*1\r\n$4\r\nPING\r\n');
    const first = parseRequest(buf, 0);
    expect(words(first)).toEqual(['SET', 'k', 'hello']);
    const second = parseRequest(buf, (first as { end: number }).end);
    expect(words(second)).toEqual(['PING']);
    expect((second as { end: number }).end).toBe(buf.length);
  });

  it('a request cut at any byte is incomplete, with a need no larger than its real length', () => {
    const full = encodeRespCommand(['SET', 'key', 'x'.repeat(300), 'EX', '10']);
    for (let cut = 1; cut < full.length; cut++) {
      const r = parseRequest(full.subarray(0, cut), 0);
      expect(r.kind).toBe('incomplete');
      const need = (r as { need: number }).need;
      expect(need).toBeGreaterThan(cut);
      expect(need).toBeLessThanOrEqual(full.length);
    }
    expect(words(parseRequest(full, 0))).toEqual(['SET', 'key', 'x'.repeat(300), 'EX', '10']);
  });

  it('knows a big value’s end from its header, so it is not re-parsed per segment', () => {
    const head = bytes('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5000000\r\nabc');
    expect(parseRequest(head, 0)).toEqual({ kind: 'incomplete', need: head.length - 3 + 5_000_000 + 2 });
  });

  it('binary-safe arguments: every byte value, CR and LF included', () => {
    const value = Uint8Array.from({ length: 256 }, (_, i) => i);
    const r = parseRequest(encodeRespCommand(['SET', value, value]), 0);
    expect(r.kind === 'command' && r.args[1]).toEqual(value);
  });

  it('empty arrays and blank inline lines are skipped', () => {
    expect(parseRequest(bytes('*0\r\n'), 0)).toEqual({ kind: 'empty', end: 4 });
    expect(parseRequest(bytes('*-1\r\n'), 0)).toEqual({ kind: 'empty', end: 5 });
    expect(parseRequest(bytes('\r\n'), 0)).toEqual({ kind: 'empty', end: 2 });
    expect(parseRequest(bytes('   \n'), 0)).toEqual({ kind: 'empty', end: 4 });
  });

  it.each([
    ['*abc\r\n', 'Protocol error: invalid multibulk length'],
    ['*01\r\n', 'Protocol error: invalid multibulk length'],
    ['*2000000\r\n', 'Protocol error: invalid multibulk length'],
    ['*99999999999999999999999\r\n', 'Protocol error: invalid multibulk length'],
    ['*1\r\nPING\r\n', "Protocol error: expected '$', got 'P'"],
    ['*1\r\n$-1\r\n', 'Protocol error: invalid bulk length'],
    ['*1\r\n$abc\r\n', 'Protocol error: invalid bulk length'],
    ['*1\r\n$536870913\r\n', 'Protocol error: invalid bulk length'],
    ['*1\r\n$99999999999999999999\r\n', 'Protocol error: invalid bulk length'],
    ['SET k "unbalanced\r\n', 'Protocol error: unbalanced quotes in request'],
    ['SET k "a"b\r\n', 'Protocol error: unbalanced quotes in request'],
  ])('%j is a protocol error: %s', (input, message) => {
    expect(parseRequest(bytes(input), 0)).toEqual({ kind: 'error', message });
  });

  it('header lines and inline commands are bounded at 64 KiB', () => {
    const noEnd = new Uint8Array(MAX_INLINE_BYTES + 10).fill(0x61);
    expect(parseRequest(noEnd, 0)).toEqual({
      kind: 'error',
      message: 'Protocol error: too big inline request',
    });
    const star = new Uint8Array(MAX_INLINE_BYTES + 10).fill(0x31);
    star[0] = 0x2a;
    expect(parseRequest(star, 0)).toEqual({
      kind: 'error',
      message: 'Protocol error: too big mbulk count string',
    });
    expect(parseRequest(noEnd.subarray(0, 1000), 0).kind).toBe('incomplete');
  });

  it('splits inline commands like sdssplitargs, with both quote styles and escapes', () => {
    const split = (s: string) => splitInlineArgs(bytes(s))?.map((a) => Buffer.from(a).toString('latin1'));
    expect(split('SET  key   value')).toEqual(['SET', 'key', 'value']);
    expect(split('SET k "a b\\n\\x41"')).toEqual(['SET', 'k', 'a b\nA']);
    expect(split("SET k 'it\\'s'")).toEqual(['SET', 'k', "it's"]);
    expect(split('SET k ""')).toEqual(['SET', 'k', '']);
    expect(split('   ')).toEqual([]);
    expect(split('"open')).toBeUndefined();
    expect(split("'open")).toBeUndefined();
    expect(words(parseRequest(bytes('GET "my key"\n'), 0))).toEqual(['GET', 'my key']);
  });
});
