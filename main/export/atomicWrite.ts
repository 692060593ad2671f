// Writes files so that a reader never sees half of one: a temporary name in the same folder
// (so the rename stays on one file system and is atomic), fsync, then rename over the target.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../../shared/errors/errorMessage';

/** The file operations an atomic write needs; tests swap in failing ones. */
export interface AtomicFs {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

const realFs: AtomicFs = { open, rename, unlink };

/** A file that could not be written, with a sentence a learner can act on. */
export class ExportWriteError extends Error {
  override readonly name = 'ExportWriteError';
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** "The disk is full" rather than "ENOSPC: no space left on device, write". */
export function describeWriteError(path: string, e: unknown): ExportWriteError {
  const code = (e as { code?: unknown }).code;
  const c = typeof code === 'string' ? code : undefined;
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full; free some space and try again',
    EDQUOT: 'your disk quota is used up; free some space and try again',
    EACCES: 'permission denied; choose a folder you can write to',
    EPERM: 'permission denied; choose a folder you can write to',
    EROFS: 'the disk is read-only; choose another folder',
    ENOENT: 'the folder does not exist (was it moved or deleted?)',
    ENOTDIR: 'part of the path is a file, not a folder',
    EISDIR: 'a folder with that name is in the way',
  };
  const reason = (c && why[c]) ?? errorMessage(e);
  return new ExportWriteError(path, c, `Could not write ${path}: ${reason}.`);
}

/**
 * Writes `data` to `path` atomically: either the whole new file is there afterwards or the old
 * one (or none) is, never a partial file; the temporary file is removed on failure.
 *
 * @throws ExportWriteError with the path and a readable reason (disk full, permission, ...)
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fs: AtomicFs = realFs,
): Promise<void> {
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    const handle = await fs.open(tmp, 'wx');
    created = true;
    try {
      await handle.writeFile(data);
      // Without fsync a crash right after the rename can leave an empty file under the new name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (e) {
    if (created) await fs.unlink(tmp).catch(() => undefined);
    throw describeWriteError(path, e);
  }
}

/**
 * Writes several files, each atomically, and removes the ones already written when a later one
 * fails, so an export is either complete or absent.
 */
export async function writeFilesAtomic(
  files: readonly { path: string; data: string | Uint8Array }[],
  fs: AtomicFs = realFs,
): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const f of files) {
      await writeFileAtomic(f.path, f.data, fs);
      written.push(f.path);
    }
  } catch (e) {
    for (const p of written) await fs.unlink(p).catch(() => undefined);
    throw e;
  }
  return written;
}
