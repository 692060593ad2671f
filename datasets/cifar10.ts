import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetInfo, DatasetRef } from '../shared/training/datasetTypes';
import { DatasetError } from './datasetError';
import type { LoadedDataset, Split } from './loadedDataset';
import { fileError, readDataFile } from './readDataFile';

/** CIFAR-10's classes in label order, as in `batches.meta.txt`. */
export const CIFAR10_CLASS_NAMES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

const SIDE = 32;
const PLANE = SIDE * SIDE;
/** One record of the binary version: a label byte, then 1024 red, 1024 green, 1024 blue bytes. */
export const CIFAR10_RECORD_BYTES = 1 + 3 * PLANE;
const SHAPE = [SIDE, SIDE, 3] as const;

const HOW_TO_GET =
  'Download the CIFAR-10 binary version (cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html), unpack it, and choose its cifar-10-batches-bin folder.';

/** The files of a CIFAR-10 binary folder. */
export interface Cifar10Files {
  /** The folder that holds them (the chosen one, or its `cifar-10-batches-bin` subfolder). */
  readonly folder: string;
  /** `data_batch_1.bin` … `data_batch_5.bin`, those present, in order. */
  readonly train: readonly string[];
  readonly test: string;
  /** `batches.meta.txt`, when present. */
  readonly meta: string | null;
}

type CifarRef = Extract<DatasetRef, { kind: 'cifar10' }>;

/**
 * Finds the binary batches in `path` (or in `path/cifar-10-batches-bin`, where the archive
 * unpacks to).
 * @throws DatasetError `missing` naming the folder and what it lacks
 */
export async function findCifar10Files(path: string): Promise<Cifar10Files> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch (e) {
    const err = fileError(e, path, 'CIFAR-10');
    if (err.code !== 'missing') throw err;
    throw new DatasetError(
      'missing',
      path,
      `CIFAR-10 was not found: NetCanvas looked in ${path}, which does not exist. ${HOW_TO_GET}`,
    );
  }
  if (!names.includes('test_batch.bin') && names.includes('cifar-10-batches-bin')) {
    return findCifar10Files(join(path, 'cifar-10-batches-bin'));
  }
  const train = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`).filter((n) => names.includes(n));
  if (train.length === 0 || !names.includes('test_batch.bin')) {
    const lacking = [
      train.length === 0 ? 'data_batch_1.bin … data_batch_5.bin' : null,
      names.includes('test_batch.bin') ? null : 'test_batch.bin',
    ];
    const python =
      names.includes('data_batch_1') && names.includes('test_batch')
        ? ' This folder holds the Python version of CIFAR-10; NetCanvas reads the binary version.'
        : '';
    throw new DatasetError(
      'missing',
      path,
      `CIFAR-10 is incomplete: NetCanvas looked in ${path} and did not find ${lacking.filter((x) => x !== null).join(' or ')}.${python} ${HOW_TO_GET}`,
    );
  }
  return {
    folder: path,
    train: train.map((n) => join(path, n)),
    test: join(path, 'test_batch.bin'),
    meta: names.includes('batches.meta.txt') ? join(path, 'batches.meta.txt') : null,
  };
}

/** Class names from `batches.meta.txt` (one per line), or the standard ten. */
export async function readCifar10ClassNames(meta: string | null): Promise<readonly string[]> {
  if (meta === null) return CIFAR10_CLASS_NAMES;
  let text: string;
  try {
    text = await readFile(meta, 'utf8');
  } catch {
    return CIFAR10_CLASS_NAMES;
  }
  const names = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return names.length >= 2 ? names : CIFAR10_CLASS_NAMES;
}

async function recordCount(path: string): Promise<number> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    throw fileError(e, path, 'CIFAR-10 batch');
  }
  checkSize(size, path);
  return size / CIFAR10_RECORD_BYTES;
}

function checkSize(size: number, path: string): void {
  if (size === 0 || size % CIFAR10_RECORD_BYTES !== 0) {
    const whole = Math.max(1, Math.ceil(size / CIFAR10_RECORD_BYTES));
    throw new DatasetError(
      'truncated',
      path,
      `The CIFAR-10 batch ${path} is cut short: expected ${whole * CIFAR10_RECORD_BYTES} bytes (${whole} records of ${CIFAR10_RECORD_BYTES}), got ${size}. Each record is 1 label byte and 3072 pixel bytes; is this the binary version, and was it fully copied?`,
    );
  }
}

/**
 * Converts binary CIFAR records (label, then the red, green and blue planes) into pixels in
 * height × width × channels order, written at sample `first` of `images` and `labels`.
 */
export function cifarRecordsToHwc(
  records: Uint8Array,
  images: Uint8Array,
  labels: Uint8Array,
  first: number,
): number {
  const n = records.length / CIFAR10_RECORD_BYTES;
  for (let r = 0; r < n; r++) {
    const src = r * CIFAR10_RECORD_BYTES;
    labels[first + r] = records[src]!;
    const red = src + 1;
    const green = red + PLANE;
    const blue = green + PLANE;
    let o = (first + r) * 3 * PLANE;
    for (let p = 0; p < PLANE; p++) {
      images[o++] = records[red + p]!;
      images[o++] = records[green + p]!;
      images[o++] = records[blue + p]!;
    }
  }
  return n;
}

/** Loads binary CIFAR batch files into one split; the batches are read one at a time. */
export async function loadCifarBatches(
  paths: readonly string[],
  classNames: readonly string[],
): Promise<Split> {
  const counts = await Promise.all(paths.map(recordCount));
  const count = counts.reduce((a, b) => a + b, 0);
  const images = new Uint8Array(count * 3 * PLANE);
  const labels = new Uint8Array(count);
  let first = 0;
  for (const path of paths) {
    const bytes = await readDataFile(path, 'CIFAR-10 batch');
    checkSize(bytes.length, path);
    const n = cifarRecordsToHwc(bytes, images, labels, first);
    for (let i = first; i < first + n; i++) {
      const l = labels[i] ?? 0;
      if (l >= classNames.length) {
        throw new DatasetError(
          'badLabel',
          path,
          `${path}: record ${i - first} has label ${l}, but CIFAR-10 has ${classNames.length} classes (0 to ${classNames.length - 1}). Is this a CIFAR-10 (not CIFAR-100) binary batch?`,
        );
      }
    }
    first += n;
  }
  return { images, labels, count, shape: SHAPE };
}

/** Loads CIFAR-10 from a folder of binary batches: up to 50,000 training and 10,000 test images, 32 × 32 × 3. */
export async function loadCifar10(ref: CifarRef): Promise<LoadedDataset> {
  const files = await findCifar10Files(ref.path);
  const classNames = await readCifar10ClassNames(files.meta);
  const train = await loadCifarBatches(files.train, classNames);
  const test = await loadCifarBatches([files.test], classNames);
  return { info: info(ref, files.folder, classNames, train.count, test.count), train, test };
}

/** CIFAR-10's counts and shape, from the file sizes. */
export async function describeCifar10(ref: CifarRef): Promise<DatasetInfo> {
  const files = await findCifar10Files(ref.path);
  const classNames = await readCifar10ClassNames(files.meta);
  const train = (await Promise.all(files.train.map(recordCount))).reduce((a, b) => a + b, 0);
  const test = await recordCount(files.test);
  return info(ref, files.folder, classNames, train, test);
}

function info(
  ref: CifarRef,
  folder: string,
  classNames: readonly string[],
  trainCount: number,
  testCount: number,
): DatasetInfo {
  return {
    ref,
    title: 'CIFAR-10',
    inputShape: SHAPE,
    classNames,
    trainCount,
    testCount,
    source: folder,
  };
}
