/**
 * bench:page-codec: how to encode a dirty page for a receiver that holds its previous version (issue 4: "measure
 * and pick"). For page-dirtying patterns of the guest apps, each candidate's encoded size and CPU time per page:
 *  - word-RLE XOR delta (the chosen codec, @vmha/checkpoint's encodePage),
 *  - deflate (zlib level 1, raw) of the XOR delta, as a general-purpose compressor would do it,
 *  - the raw page (what Remus sent without its delta cache).
 * Patterns are seeded: small heap writes (RESP SET/INCR), counter increments, whole-page stream buffers
 * (incompressible data in socket buffers), freed pages returning to zero.
 *
 *   npm run bench:page-codec -- --pages 20000
 */
import { MAX_ENCODED_PAGE_BYTES, PAGE_BYTES, encodePage } from '@vmha/checkpoint';
import { SeededRandom } from '@vmha/guest-tcp';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { REPO_ROOT } from '../src/launcher/index.ts';

const { values: opts } = parseArgs({ options: { pages: { type: 'string', default: '20000' } } });
const pageCount = Number(opts.pages);

type Pattern = { name: string; make(rng: SeededRandom, old: Uint8Array): Uint8Array };

function heapPage(rng: SeededRandom): Uint8Array {
  // A heap page: about half of it holds entries (keys, values, headers), the rest free (zero).
  const p = new Uint8Array(PAGE_BYTES);
  for (let at = 0; at < PAGE_BYTES / 2; at++) p[at] = rng.next() < 0.7 ? rng.int(32, 126) : 0;
  return p;
}

const patterns: Pattern[] = [
  {
    name: 'heap: 1-3 small writes (RESP SET)',
    make(rng, old) {
      const p = old.slice();
      for (let w = rng.int(1, 3); w > 0; w--) {
        const at = rng.int(0, PAGE_BYTES - 64);
        for (let i = rng.int(8, 48); i > 0; i--) p[at + i] = rng.int(32, 126);
      }
      return p;
    },
  },
  {
    name: 'counter: one 8-byte increment (INCR)',
    make(rng, old) {
      const p = old.slice();
      const at = rng.int(0, PAGE_BYTES / 8 - 1) * 8;
      new DataView(p.buffer).setBigUint64(at, new DataView(p.buffer).getBigUint64(at, true) + 1n, true);
      return p;
    },
  },
  {
    name: 'stream buffer: whole page rewritten (bulk)',
    make(rng) {
      return Uint8Array.from({ length: PAGE_BYTES }, () => rng.int(0, 255));
    },
  },
  {
    name: 'freed: page back to zero',
    make() {
      return new Uint8Array(PAGE_BYTES);
    },
  },
];

interface Row {
  pattern: string;
  codec: string;
  bytesPerPage: number;
  usPerPage: number;
}

const rows: Row[] = [];
const out = new Uint8Array(MAX_ENCODED_PAGE_BYTES);
for (const pattern of patterns) {
  const rng = new SeededRandom(42);
  const pairs = Array.from({ length: Math.min(pageCount, 4000) }, () => {
    const old = heapPage(rng);
    return [old, pattern.make(rng, old)] as const;
  });
  const measure = (codec: string, encode: (page: Uint8Array, old: Uint8Array) => number) => {
    let bytes = 0;
    for (let i = 0; i < 200; i++) encode(pairs[i % pairs.length][1], pairs[i % pairs.length][0]); // warm-up
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < pageCount; i++) {
      const [old, page] = pairs[i % pairs.length];
      bytes += encode(page, old);
    }
    const ns = Number(process.hrtime.bigint() - t0);
    rows.push({
      pattern: pattern.name,
      codec,
      bytesPerPage: Math.round(bytes / pageCount),
      usPerPage: Math.round(ns / pageCount / 10) / 100,
    });
  };
  measure('word-RLE XOR delta', (page, old) => encodePage(page, old, out, 0).length);
  const xor = new Uint8Array(PAGE_BYTES);
  measure('deflate-1 of XOR delta', (page, old) => {
    for (let i = 0; i < PAGE_BYTES; i++) xor[i] = page[i] ^ old[i];
    return Math.min(deflateRawSync(xor, { level: 1 }).length, PAGE_BYTES);
  });
  measure('raw', () => PAGE_BYTES);
}

console.log(`\npage encoding, ${pageCount} pages per pattern (4 KiB pages)\n`);
console.log('| pattern | codec | bytes/page | µs/page |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.pattern} | ${r.codec} | ${r.bytesPerPage} | ${r.usPerPage} |`);
const file = join(REPO_ROOT, 'bench', 'results', 'page-codec.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(
  file,
  JSON.stringify(
    {
      benchmark: 'page-codec',
      command: `npm run bench:page-codec -- --pages ${pageCount}`,
      date: new Date().toISOString(),
      rows,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${file}`);
