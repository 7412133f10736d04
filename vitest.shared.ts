// Shared vitest defaults: tests beside the code (*.test.ts), generous timeouts for the long, CPU-bound
// simulations (no test asserts on wall-clock speed; benchmarks do that).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: [fileURLToPath(new URL('./tools/src/vitest/byte-equality.ts', import.meta.url))],
  },
});
