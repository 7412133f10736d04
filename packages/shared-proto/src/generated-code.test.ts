import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(packageDir, 'src', 'gen');
const fresh = mkdtempSync(join(tmpdir(), 'vmha-proto-gen-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe('generated code', () => {
  it('is what `npm run generate` makes from the .proto files now (run it after editing proto/)', () => {
    execFileSync(process.execPath, [join(packageDir, 'scripts', 'generate.mjs'), fresh], { stdio: 'pipe' });
    const files = readdirSync(fresh).sort();
    expect(readdirSync(committed).sort()).toEqual(files);
    for (const file of files) {
      const stale = readFileSync(join(committed, file), 'utf8') !== readFileSync(join(fresh, file), 'utf8');
      expect(stale, `src/gen/${file} is stale: run npm run generate -w @vmha/shared-proto`).toBe(false);
    }
  });
});
