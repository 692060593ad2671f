import { readFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { zipSync } from 'fflate';

/**
 * One .zip of an export's files for the web shell's Download button, each stored under the
 * export folder's name (`cnn-32-64-2026-11-26-1432/model.json`), as base64 for the JSON reply.
 */
export async function zipExport(
  folder: string,
  files: readonly string[],
): Promise<{ name: string; base64: string }> {
  const root = basename(folder);
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    const inside = relative(folder, file);
    entries[`${root}/${inside.startsWith('..') ? basename(file) : inside}`] = new Uint8Array(
      await readFile(file),
    );
  }
  // Weights barely compress; level 6 still shrinks JSON and Python a lot at little cost.
  const zip = zipSync(entries, { level: 6 });
  return { name: `${root}.zip`, base64: Buffer.from(zip).toString('base64') };
}
