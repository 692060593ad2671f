// `npm start`: the desktop app where Electron's binary is installed or can be fetched; otherwise
// the same app as the web shell in the default browser, with one line saying why.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronBinary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args, opts = {}) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...opts });

if (run(['scripts/build.mjs']).status !== 0) process.exit(1);

let binary = electronBinary();
if (!binary.path) {
  // electron's own installer downloads the binary; give it a minute, then fall back.
  console.log('Fetching the Electron binary (once)…');
  run(['node_modules/electron/install.js'], {
    timeout: 60_000,
    stdio: 'ignore',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  binary = electronBinary();
}

if (binary.path) {
  const child = spawn(binary.path, [join(root, 'dist/main/electron-main.cjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Opening NetCanvas in your browser instead of the desktop app: ${binary.reason} and could not be downloaded here.`,
  );
  const child = spawn(process.execPath, ['bin/netcanvas-web.mjs'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
