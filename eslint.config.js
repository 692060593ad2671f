// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'crypto'];

/** Package boundaries from docs/architecture.md, enforced rather than hoped for. */
const boundary = (/** @type {string[]} */ banned, /** @type {string} */ why) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [{ group: banned, message: why }],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No `export *`: name what a module exports.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', '@tensorflow/*', '@xyflow/*', 'zustand'],
      'shared/ is the pure core: no electron, react, node:* or tfjs imports.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: boundary(
      [...nodeBuiltins, 'electron', '@tensorflow/tfjs-node*', '../main/*', '../../main/*'],
      'renderer/ talks to the backend through renderer/backend only: no electron or node:* imports.',
    ),
  },
);
