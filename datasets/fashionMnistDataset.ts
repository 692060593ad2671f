import { DATASET_KINDS } from '../shared/training/datasetKinds';
import { defineDataset } from './defineDataset';
import {
  describeFashionMnist,
  FASHION_MNIST_SPEC,
  fashionMnistFolder,
  loadFashionMnist,
} from './fashionMnist';
import { loadIdxTestSplit } from './idxFolder';
import { kerasArrays } from './pythonLoader';
import { previewFromSplit, testImagesFromSplit } from './splitViews';

/** Fashion-MNIST, from Debian's folder or one the learner chose. */
export const fashionMnistDataset = defineDataset({
  ...DATASET_KINDS['fashion-mnist'],
  describe: describeFashionMnist,
  load: (ref) => loadFashionMnist(ref),
  preview: async (ref, perClass) =>
    previewFromSplit(
      await loadIdxTestSplit(fashionMnistFolder(ref), FASHION_MNIST_SPEC),
      FASHION_MNIST_SPEC.classNames.length,
      perClass,
    ),
  testImages: async (ref, start, count) =>
    testImagesFromSplit(
      await loadIdxTestSplit(fashionMnistFolder(ref), FASHION_MNIST_SPEC),
      start,
      count,
    ),
  installCommand: () => 'sudo apt-get install dataset-fashion-mnist',
  pythonLoader: kerasArrays(
    'fashion_mnist',
    'Fashion-MNIST: 28×28 grayscale clothing images, 10 classes',
  ),
});
