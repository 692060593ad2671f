import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DatasetListing } from '../shared/api/backendApi';
import type { DatasetInfo, DatasetProblem, DatasetRef } from '../shared/training/datasetTypes';
import { errorMessage } from '../shared/errors/errorMessage';
import { datasetKind } from '../shared/training/datasetKinds';
import { DatasetError } from './datasetError';
import { datasetDef } from './datasetRegistry';
import type { LoadOptions, LoadedDataset } from './loadedDataset';

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
  return datasetDef(ref).load(ref, opts);
}

/**
 * What a data set holds (classes, counts, sample shape) without loading it: IDX headers, CIFAR
 * file sizes, an image folder's listing.
 * @throws DatasetError as {@link loadDataset} would, for the problems visible without decoding
 */
export function describeDataset(ref: DatasetRef): Promise<DatasetInfo> {
  return datasetDef(ref).describe(ref);
}

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
    opts.fashionMnistPath === undefined
      ? { kind: 'fashion-mnist' }
      : { kind: 'fashion-mnist', path: opts.fashionMnistPath },
    { kind: 'cifar10', path: opts.cifar10Path ?? DEFAULT_CIFAR10_DIR },
  ];
  const results = await Promise.all(
    refs.map((ref) =>
      describeDataset(ref).then(
        (info) => ({ info }),
        (error: unknown) => ({ error }),
      ),
    ),
  );
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
  const title = datasetKind(ref).title;
  const command =
    error instanceof DatasetError && error.code === 'missing' ? installCommand(ref) : null;
  if (error instanceof DatasetError)
    return {
      ref,
      title,
      message: error.message,
      code: error.code,
      ...(command ? { installCommand: command } : {}),
    };
  return { ref, title, message: `${title} could not be opened: ${errorMessage(error)}` };
}

/** The exact command that installs a built-in data set where NetCanvas looks for it (its `defineDataset` says). */
export function installCommand(ref: DatasetRef): string | null {
  return datasetDef(ref).installCommand(ref);
}
