// One lint setup for the whole monorepo (flat config).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tsbuild/**', '.nx/**', 'bench/results/**'] },
  { ignores: ['packages/shared-proto/src/gen/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Plain Node scripts (tools/scripts/*.mjs) run outside TypeScript and need Node's globals declared.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Packages talk through their entry file only (DEVELOPERS.md: no deep relative imports across packages).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*/src/*', '@vmha/*/src/*'], message: 'Import the package entry instead.' },
          ],
        },
      ],
    },
  },
);
