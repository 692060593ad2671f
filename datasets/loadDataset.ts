import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DatasetListing } from '../shared/api/backendApi';
import type { DatasetInfo, DatasetProblem, DatasetRef } from '../shared/training/datasetTypes';
import { describeCifar10, loadCifar10 } from './cifar10';
import { DatasetError } from './datasetError';
import { describeFashionMnist, loadFashionMnist } from './fashionMnist';
import { installCommand } from './installCommand';
import { describeImageFolder, loadImageFolder } from './imageFolder';
import type { LoadOptions, LoadedDataset } from './loadedDataset';
import { describeMnist, loadMnist } from './mnist';

/**
 * Where NetCanvas looks for CIFAR-10 when no folder was chosen: nothing ships it, so this is
 * the place the "missing" message suggests unpacking it to.
 */
export const DEFAULT_CIFAR10_DIR = join(homedir(), 'NetCanvas', 'datasets', 'cifar-10-batches-bin');

/**
 * Loads a data set into memory (uint8 pixels; scale them per batch, see `iterateBatches`).
 * @throws DatasetError with a learner-readable message when files are missing or broken
 */
export function loadDataset(ref: DatasetRef, opts: LoadOptions = {}): Promise<LoadedDataset> {
  switch (ref.kind) {
    case 'mnist':
      return loadMnist();
    case 'fashion-mnist':
      return loadFashionMnist(ref);
    case 'cifar10':
      return loadCifar10(ref);
    case 'folder':
      return loadImageFolder(ref, opts);
  }
}

/**
 * What a data set holds (classes, counts, sample shape) without loading it: IDX headers, CIFAR
 * file sizes, an image folder's listing.
 * @throws DatasetError as {@link loadDataset} would, for the problems visible without decoding
 */
export function describeDataset(ref: DatasetRef): Promise<DatasetInfo> {
  switch (ref.kind) {
    case 'mnist':
      return describeMnist();
    case 'fashion-mnist':
      return describeFashionMnist(ref);
    case 'cifar10':
      return describeCifar10(ref);
    case 'folder':
      return describeImageFolder(ref);
  }
}

const TITLES: Record<DatasetRef['kind'], string> = {
  mnist: 'MNIST',
  'fashion-mnist': 'Fashion-MNIST',
  cifar10: 'CIFAR-10',
  folder: 'Image folder',
};

/** Where to look for the built-in data sets; each defaults to its usual place. */
export interface ListDatasetsOptions {
  /** A Fashion-MNIST folder the learner chose (default: Debian's /usr/share/datasets/fashion-mnist). */
  readonly fashionMnistPath?: string;
  /** A CIFAR-10 folder the learner chose (default: {@link DEFAULT_CIFAR10_DIR}). */
  readonly cifar10Path?: string;
}

/**
 * The built-in data sets (MNIST, Fashion-MNIST, CIFAR-10): those that can be read, and for the
 * others a problem saying where NetCanvas looked and how to get the data.
 */
export async function listDatasets(opts: ListDatasetsOptions = {}): Promise<DatasetListing> {
  const refs: DatasetRef[] = [
    { kind: 'mnist' },
    opts.fashionMnistPath === undefined ? { kind: 'fashion-mnist' } : { kind: 'fashion-mnist', path: opts.fashionMnistPath },
    { kind: 'cifar10', path: opts.cifar10Path ?? DEFAULT_CIFAR10_DIR },
  ];
  const results = await Promise.all(refs.map((ref) => describeDataset(ref).then((info) => ({ info }), (error: unknown) => ({ error }))));
  const available: DatasetInfo[] = [];
  const missing: DatasetProblem[] = [];
  results.forEach((r, i) => {
    const ref = refs[i]!;
    if ('info' in r) available.push(r.info);
    else missing.push(datasetProblem(ref, r.error));
  });
  return { available, missing };
}

/** A load or describe failure as the dashboard shows it. */
export function datasetProblem(ref: DatasetRef, error: unknown): DatasetProblem {
  const title = TITLES[ref.kind];
  const command = error instanceof DatasetError && error.code === 'missing' ? installCommand(ref) : null;
  if (error instanceof DatasetError) return { ref, title, message: error.message, code: error.code, ...(command ? { installCommand: command } : {}) };
  return { ref, title, message: `${title} could not be opened: ${error instanceof Error ? error.message : String(error)}` };
}
