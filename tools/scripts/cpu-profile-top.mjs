#!/usr/bin/env node
// Summarises V8 .cpuprofile files (node --cpu-prof): self time per function, top N, one table per file.
//   node tools/scripts/cpu-profile-top.mjs DIR_OR_FILE... [--top 30]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const args = process.argv.slice(2);
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args.splice(topIdx, 2)[1]) : 30;
const files = args.flatMap((a) =>
  statSync(a).isDirectory()
    ? readdirSync(a)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(a, f))
    : [a],
);
if (files.length === 0) {
  console.error('usage: cpu-profile-top.mjs DIR_OR_FILE... [--top N]');
  process.exit(2);
}
for (const file of files) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = prof.timeDeltas;
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const n = byId.get(prof.samples[i]);
    const d = deltas[i] ?? 0;
    total += d;
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${basename(cf.url || '')}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + d);
  }
  console.log(`\n${file}: ${(total / 1e6).toFixed(2)} s sampled`);
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}
