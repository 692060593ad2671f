// Builds what the shells run: the renderer (Vite → dist/renderer) and the Electron main process,
// preload and training worker (esbuild → dist/main). The web shell and the CLI run the TypeScript
// sources through tsx and need only dist/renderer.
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();

async function buildRenderer() {
  const config = join(root, 'vite.config.ts');
  if (!existsSync(config))
    throw new Error(`vite.config.ts is missing at ${config}: the renderer cannot be built`);
  await viteBuild({ configFile: config, logLevel: 'warn' });
}

/**
 * Node-side bundles for Electron. Packages stay external: they ship in node_modules (native tfjs
 * and Dawn modules cannot be bundled, and electron-builder unpacks them from the asar).
 */
async function buildMain() {
  const entries = [
    { in: 'main/electron/electronMain.ts', out: 'electron-main' },
    { in: 'main/electron/preload.ts', out: 'preload' },
    { in: 'main/training/trainWorker.ts', out: 'trainWorker' },
    { in: 'main/compute/probeWorker.ts', out: 'probeWorker' },
  ].filter((e) => existsSync(join(root, e.in)));
  if (entries.length === 0) return [];
  const common = {
    absWorkingDir: root,
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  };
  const preload = entries.filter((e) => e.out === 'preload');
  const node = entries.filter((e) => e.out !== 'preload');
  await Promise.all([
    // The sandboxed preload may require only `electron`: no shim there.
    preload.length ? esbuild({ ...common, entryPoints: preload }) : null,
    // CommonJS has no import.meta: the modules that find files or require() relative to
    // themselves get the bundle's own URL instead.
    node.length
      ? esbuild({
          ...common,
          entryPoints: node,
          define: { 'import.meta.url': '__bundleUrl' },
          banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
        })
      : null,
  ]);
  return entries.map((e) => `dist/main/${e.out}.cjs`);
}

try {
  const [, bundles] = await Promise.all([buildRenderer(), buildMain()]);
  const ms = Math.round(performance.now() - started);
  console.log(
    `built dist/renderer${bundles.length ? ` and ${bundles.join(', ')}` : ''} in ${ms} ms`,
  );
} catch (e) {
  console.error(`build failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
