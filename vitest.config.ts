import { defineConfig } from 'vitest/config';

export default defineConfig({
  // React 19's automatic JSX runtime, as tsconfig.web.json's "jsx": "react-jsx" compiles it.
  esbuild: { jsx: 'automatic' },
  test: {
    include: [
      'shared/**/*.test.ts',
      'main/**/*.test.ts',
      'datasets/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
    ],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep worker processes to what the machine has.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
  },
});
