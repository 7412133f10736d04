// One lint setup for the whole monorepo (flat config).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tsbuild/**', '.nx/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
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
