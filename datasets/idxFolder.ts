import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetInfo, DatasetRef } from '../shared/training/datasetTypes';
import { DatasetError } from './datasetError';
import { describeIdxSplit, loadIdxSplit } from './idx';
import type { LoadedDataset, Split } from './loadedDataset';

/** What sets one IDX data set (MNIST, Fashion-MNIST) apart from another. */
export interface IdxDatasetSpec {
  readonly title: string;
  readonly classNames: readonly string[];
  /** One sentence on how to get the files, ending the "missing" message. */
  readonly howToGet: string;
}

/** The four files of an MNIST-style data set, as found in a folder. */
export interface IdxFolderFiles {
  readonly trainImages: string;
  readonly trainLabels: string;
  readonly testImages: string;
  readonly testLabels: string;
}

const STEMS = {
  trainImages: ['train-images', 'idx3'],
  trainLabels: ['train-labels', 'idx1'],
  testImages: ['t10k-images', 'idx3'],
  testLabels: ['t10k-labels', 'idx1'],
} as const satisfies Record<keyof IdxFolderFiles, readonly [string, string]>;

/** The names a file may have: LeCun's (`train-images-idx3-ubyte`), a common variant (`train-images.idx3-ubyte`), each with or without `.gz`. */
function candidates([stem, idx]: readonly [string, string]): string[] {
  const names = [`${stem}-${idx}-ubyte`, `${stem}.${idx}-ubyte`];
  return names.flatMap((n) => [`${n}.gz`, n]);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Finds the four IDX files in `folder`.
 * @throws DatasetError `missing`, naming the folder, the files it lacks and how to get them
 */
export async function findIdxFiles(folder: string, spec: IdxDatasetSpec): Promise<IdxFolderFiles> {
  if (!(await isDir(folder))) {
    throw new DatasetError(
      'missing',
      folder,
      `${spec.title} was not found: NetCanvas looked in ${folder}, which does not exist. ${spec.howToGet}`,
    );
  }
  const found: Partial<Record<keyof IdxFolderFiles, string>> = {};
  const lacking: string[] = [];
  for (const key of Object.keys(STEMS) as (keyof IdxFolderFiles)[]) {
    const names = candidates(STEMS[key]);
    for (const name of names) {
      if (await isFile(join(folder, name))) {
        found[key] = join(folder, name);
        break;
      }
    }
    if (found[key] === undefined) lacking.push(`${names[1]}(.gz)`);
  }
  const { trainImages, trainLabels, testImages, testLabels } = found;
  if (
    trainImages === undefined ||
    trainLabels === undefined ||
    testImages === undefined ||
    testLabels === undefined
  ) {
    throw new DatasetError(
      'missing',
      folder,
      `${spec.title} is incomplete: NetCanvas looked in ${folder} and did not find ${lacking.join(', ')}. ${spec.howToGet}`,
    );
  }
  return { trainImages, trainLabels, testImages, testLabels };
}

/** Loads an MNIST-style data set from the four IDX files in `folder`. */
export async function loadIdxFolder(
  ref: DatasetRef,
  folder: string,
  spec: IdxDatasetSpec,
): Promise<LoadedDataset> {
  const files = await findIdxFiles(folder, spec);
  const classes = spec.classNames.length;
  // One after the other: peak memory stays at one file's compressed + uncompressed bytes.
  const train = await loadIdxSplit(files.trainImages, files.trainLabels, classes);
  const test = await loadIdxSplit(files.testImages, files.testLabels, classes);
  return { info: info(ref, folder, spec, train.shape, train.count, test.count), train, test };
}

/** Counts and shape of an MNIST-style data set, from the IDX headers only. */
export async function describeIdxFolder(
  ref: DatasetRef,
  folder: string,
  spec: IdxDatasetSpec,
): Promise<DatasetInfo> {
  const files = await findIdxFiles(folder, spec);
  const [train, test] = await Promise.all([
    describeIdxSplit(files.trainImages, files.trainLabels),
    describeIdxSplit(files.testImages, files.testLabels),
  ]);
  return info(ref, folder, spec, train.shape, train.count, test.count);
}

function info(
  ref: DatasetRef,
  folder: string,
  spec: IdxDatasetSpec,
  inputShape: readonly [number, number, number],
  trainCount: number,
  testCount: number,
): DatasetInfo {
  return {
    ref,
    title: spec.title,
    inputShape,
    classNames: spec.classNames,
    trainCount,
    testCount,
    source: folder,
  };
}

/** The test split of an MNIST-style data set (the smaller file pair: enough for previews and picking inputs). */
export async function loadIdxTestSplit(folder: string, spec: IdxDatasetSpec): Promise<Split> {
  const files = await findIdxFiles(folder, spec);
  return loadIdxSplit(files.testImages, files.testLabels, spec.classNames.length);
}
