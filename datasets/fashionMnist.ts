import type { DatasetInfo, DatasetRef } from '../shared/training/datasetTypes';
import { describeIdxFolder, loadIdxFolder } from './idxFolder';
import type { IdxDatasetSpec } from './idxFolder';
import type { LoadedDataset } from './loadedDataset';

/** Where Debian's `dataset-fashion-mnist` package installs the files. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** Fashion-MNIST's classes, in label order (Zalando's README). */
export const FASHION_MNIST_CLASS_NAMES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** What NetCanvas says about Fashion-MNIST. */
export const FASHION_MNIST_SPEC: IdxDatasetSpec = {
  title: 'Fashion-MNIST',
  classNames: FASHION_MNIST_CLASS_NAMES,
  howToGet:
    'On Debian or Ubuntu install it with `sudo apt-get install dataset-fashion-mnist`, or download the four files (train-images-idx3-ubyte.gz and the others) from https://github.com/zalandoresearch/fashion-mnist and choose their folder.',
};

type FashionRef = Extract<DatasetRef, { kind: 'fashion-mnist' }>;

/** The folder a Fashion-MNIST reference points at (the Debian one by default). */
export function fashionMnistFolder(ref: FashionRef = { kind: 'fashion-mnist' }): string {
  return ref.path ?? FASHION_MNIST_DIR;
}

/** Loads Fashion-MNIST: 60,000 training and 10,000 test clothes images, 28 × 28 × 1. */
export function loadFashionMnist(
  ref: FashionRef = { kind: 'fashion-mnist' },
): Promise<LoadedDataset> {
  return loadIdxFolder(ref, fashionMnistFolder(ref), FASHION_MNIST_SPEC);
}

/** Fashion-MNIST's counts and shape, from the file headers. */
export function describeFashionMnist(
  ref: FashionRef = { kind: 'fashion-mnist' },
): Promise<DatasetInfo> {
  return describeIdxFolder(ref, fashionMnistFolder(ref), FASHION_MNIST_SPEC);
}
