import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createGunzip, gunzip } from 'node:zlib';
import { DatasetError } from './datasetError';

const gunzipAsync = promisify(gunzip);

/** The first bytes of a data file and, where cheap to know, its full (uncompressed) size. */
export interface FileHead {
  readonly head: Uint8Array;
  /** Uncompressed size in bytes; null for gzipped files (known only after decompressing). */
  readonly size: number | null;
  readonly gzipped: boolean;
}

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Reads a whole data file, decompressing it when it is gzipped. Gzip is recognised by its
 * content, not its name, so a `.gz` file that was already unpacked still works.
 * @throws DatasetError `missing`, `unreadable` or `truncated` (a gzip stream that ends early)
 */
export async function readDataFile(path: string, what: string): Promise<Uint8Array> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (e) {
    throw fileError(e, path, what);
  }
  if (!isGzip(raw)) return raw;
  try {
    return await gunzipAsync(raw);
  } catch (e) {
    throw gzipError(e, path, what);
  }
}

/**
 * Reads the first `n` bytes of a data file (decompressed if gzipped) without reading the rest:
 * enough for a header. Fewer bytes come back when the file is shorter.
 */
export async function readDataFileHead(path: string, n: number, what: string): Promise<FileHead> {
  let first: Buffer;
  let size: number;
  try {
    const fh = await open(path, 'r');
    try {
      size = (await fh.stat()).size;
      const buf = Buffer.alloc(Math.max(n, 2));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      first = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw fileError(e, path, what);
  }
  if (!isGzip(first)) return { head: first.subarray(0, n), size, gzipped: false };
  return { head: await gunzipHead(path, n, what), size: null, gzipped: true };
}

function gunzipHead(path: string, n: number, what: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    let done = false;
    const source = createReadStream(path);
    const unzip = createGunzip();
    const finish = (err: unknown) => {
      if (done) return;
      done = true;
      source.destroy();
      unzip.destroy();
      if (err !== null) reject(gzipError(err, path, what));
      else resolve(Buffer.concat(chunks).subarray(0, n));
    };
    unzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      got += chunk.length;
      if (got >= n) finish(null);
    });
    unzip.on('end', () => finish(null));
    unzip.on('error', (e) => finish(e));
    source.on('error', (e) => finish(e));
    source.pipe(unzip);
  });
}

function errCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : undefined;
}

/** Turns a file-system error into a message a learner can act on. */
export function fileError(e: unknown, path: string, what: string): DatasetError {
  if (e instanceof DatasetError) return e;
  switch (errCode(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new DatasetError('missing', path, `The ${what} file ${path} does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return new DatasetError(
        'unreadable',
        path,
        `NetCanvas may not read the ${what} file ${path}: check its permissions.`,
      );
    case 'EISDIR':
      return new DatasetError(
        'unreadable',
        path,
        `${path} is a folder, but NetCanvas expected the ${what} file there.`,
      );
    default:
      return new DatasetError(
        'unreadable',
        path,
        `The ${what} file ${path} could not be read: ${String(e)}.`,
      );
  }
}

function gzipError(e: unknown, path: string, what: string): DatasetError {
  if (e instanceof DatasetError) return e;
  if (errCode(e) === 'Z_BUF_ERROR') {
    return new DatasetError(
      'truncated',
      path,
      `The ${what} file ${path} is cut short: its compressed data ends early. It was probably not fully downloaded or copied; get it again.`,
    );
  }
  if (errCode(e)?.startsWith('Z_')) {
    return new DatasetError(
      'unreadable',
      path,
      `The ${what} file ${path} starts like a gzip file but cannot be decompressed (${(e as Error).message}); get it again.`,
    );
  }
  return fileError(e, path, what);
}
