// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
];
/** The browser UI's libraries: only renderer/ draws. */
const uiPackages = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  '@xyflow/*',
  'zustand',
  'zustand/*',
  'zundo',
  'radix-ui',
  'lucide-react',
  'uplot',
];

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
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
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
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useBackendQuery takes deps as useEffect does: check them the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useBackendQuery$' }],
    },
  },
  {
    files: ['datasets/**/*.ts'],
    rules: boundary(
      ['electron', ...uiPackages, '**/main/**', '**/renderer/**'],
      'datasets/ reads data for the Node side and the CLI: it imports shared/ and Node, not electron, the UI or main/.',
    ),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: boundary(
      ['electron', ...uiPackages, '**/renderer/**'],
      'main/ runs without a window (CLI, web shell): no renderer/ or UI imports; electron only in main/electron/.',
    ),
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: boundary(
      [...uiPackages, '**/renderer/**'],
      'main/electron/ is the desktop host: it reaches the UI over IPC, never by importing renderer/ or react.',
    ),
  },
);
