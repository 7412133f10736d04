#!/usr/bin/env node
// The npm registry reachable here carries only some of nx's per-platform binaries (@nx/nx-<os>-<cpu>[-<abi>]).
// npm then writes a lockfile without entries for the missing optional ones, and `npm ci` refuses it as out of
// sync. This adds those entries with their os/cpu/libc constraints, so `npm ci` skips them on other platforms
// without fetching anything. Run after any `npm install` that rewrites package-lock.json:
//   npm run lockfile:fix
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const m = /^@nx\/nx-(darwin|linux|win32|freebsd)-(arm64|x64|arm)(?:-(gnu|musl|msvc|gnueabihf))?$/.exec(
      dep,
    );
    const target = `node_modules/${dep}`;
    if (!m || packages[target] || packages[`${key}/node_modules/${dep}`]) continue;
    const [, os, cpu, abi] = m;
    packages[target] = {
      version,
      cpu: [cpu],
      license: 'MIT',
      optional: true,
      os: [os],
      ...(abi === 'musl' ? { libc: ['musl'] } : abi === 'gnu' ? { libc: ['glibc'] } : {}),
    };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
lock.packages = sorted;
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`lockfile: added ${added} platform stub entr${added === 1 ? 'y' : 'ies'}`);
