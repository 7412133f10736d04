/** RESP2 encoding: commands as arrays of bulk strings (what clients send), and any value (what servers send). */
import type { RespValue } from './resp-value.ts';

const encoder = new TextEncoder();

export type RespArgument = string | Uint8Array | number | bigint;

function argumentBytes(arg: RespArgument): Uint8Array {
  return arg instanceof Uint8Array ? arg : encoder.encode(String(arg));
}

/** `SET k v` → `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n`. */
export function encodeCommand(args: readonly RespArgument[]): Uint8Array {
  const parts = args.map(argumentBytes);
  const header = encoder.encode(`*${parts.length}\r\n`);
  let total = header.length;
  const lengths = parts.map((p) => encoder.encode(`$${p.length}\r\n`));
  for (let i = 0; i < parts.length; i++) total += lengths[i].length + parts[i].length + 2;
  const out = new Uint8Array(total);
  out.set(header, 0);
  let at = header.length;
  for (let i = 0; i < parts.length; i++) {
    out.set(lengths[i], at);
    at += lengths[i].length;
    out.set(parts[i], at);
    at += parts[i].length;
    out[at++] = 13;
    out[at++] = 10;
  }
  return out;
}

/** Any RESP2 value on the wire. Simple strings and errors must not contain CR or LF. */
export function encodeValue(value: RespValue): Uint8Array {
  const chunks: Uint8Array[] = [];
  const push = (v: RespValue): void => {
    switch (v.type) {
      case 'simple':
        chunks.push(encoder.encode(`+${oneLine(v.value)}\r\n`));
        return;
      case 'error':
        chunks.push(encoder.encode(`-${oneLine(v.message)}\r\n`));
        return;
      case 'integer':
        chunks.push(encoder.encode(`:${v.value}\r\n`));
        return;
      case 'bulk':
        if (v.value === null) {
          chunks.push(encoder.encode('$-1\r\n'));
          return;
        }
        chunks.push(encoder.encode(`$${v.value.length}\r\n`), v.value, CRLF);
        return;
      case 'array':
        if (v.items === null) {
          chunks.push(encoder.encode('*-1\r\n'));
          return;
        }
        chunks.push(encoder.encode(`*${v.items.length}\r\n`));
        for (const item of v.items) push(item);
        return;
    }
  };
  push(value);
  return concat(chunks);
}

const CRLF = new Uint8Array([13, 10]);

function oneLine(s: string): string {
  if (/[\r\n]/.test(s)) throw new Error('RESP simple strings and errors cannot contain CR or LF');
  return s;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
