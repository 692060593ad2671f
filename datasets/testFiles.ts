// Helpers for the data-set tests: tiny files in the real formats, written to a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CIFAR10_RECORD_BYTES } from './cifar10';

/** A fresh temporary folder and a function that removes it. */
export function tempFolder(prefix = 'netcanvas-datasets-'): {
  readonly dir: string;
  readonly remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The bytes of a uint8 IDX file: magic 0x000008<rank>, big-endian dimensions, values. */
export function idxBytes(dims: readonly number[], values: ArrayLike<number>): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(Uint8Array.from(values))]);
}

/** IDX bytes, gzipped when `gz`. */
export function maybeGzip(bytes: Buffer, gz: boolean): Buffer {
  return gz ? gzipSync(bytes) : bytes;
}

/** One CIFAR-10 binary record: label, then the 1024 red, 1024 green and 1024 blue bytes. */
export function cifarRecord(
  label: number,
  pixel: (y: number, x: number, channel: number) => number,
): Buffer {
  const out = Buffer.alloc(CIFAR10_RECORD_BYTES);
  out[0] = label;
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) out[1 + c * 1024 + y * 32 + x] = pixel(y, x, c);
  }
  return out;
}
