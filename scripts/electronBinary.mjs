// Where Electron's binary is, if it is installed: the npm package resolves to its path, or throws
// when its download was skipped (as on machines that reach only the npm registry).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron executable, or null with the reason it is not there. */
export function electronBinary() {
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { path, reason: null };
    return { path: null, reason: `the Electron binary is missing at ${String(path)}` };
  } catch (e) {
    return {
      path: null,
      reason: `the Electron binary is not installed (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    };
  }
}
