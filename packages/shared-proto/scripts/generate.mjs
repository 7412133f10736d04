// Regenerates the TypeScript-usable code for proto/vmha/v1/*.proto: a static ES module (vmha.js) and its
// declarations (vmha.d.ts), written by protobufjs-cli. Usage: node scripts/generate.mjs [outDir]
// (default src/gen; the staleness test passes a temp dir and compares).
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cli from 'protobufjs-cli';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = join(packageDir, 'proto');
// Relative to the generated file; the runtime makes 64-bit fields plain numbers (see src/protobuf-runtime.ts).
const runtime = '../protobuf-runtime.ts';

function run(tool, args) {
  return new Promise((done, fail) => {
    tool.main(args, (err) => (err ? fail(err) : done()));
  });
}

export async function generate(outDir) {
  mkdirSync(outDir, { recursive: true });
  // Relative, sorted paths: the output must not depend on where the package lives or on directory order.
  const protos = readdirSync(join(protoDir, 'vmha', 'v1'))
    .filter((name) => name.endsWith('.proto'))
    .sort()
    .map((name) => join('vmha', 'v1', name));
  const js = join(outDir, 'vmha.js');
  const cwd = process.cwd();
  process.chdir(protoDir);
  try {
    await run(cli.pbjs, [
      ...['--target', 'static-module', '--wrap', 'esm', '--dependency', runtime, '--path', '.'],
      ...['--force-number', '--no-delimited', '--no-typeurl', '--no-service', '--out', js],
      ...protos,
    ]);
    await run(cli.pbts, [
      '--main',
      '--import',
      `$protobuf=${runtime}`,
      '--out',
      join(outDir, 'vmha.d.ts'),
      js,
    ]);
  } finally {
    process.chdir(cwd);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(packageDir, 'src', 'gen'));
  await generate(outDir);
  console.log(`generated ${relative(process.cwd(), outDir) || '.'}`);
}
