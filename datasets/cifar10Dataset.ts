import { DATASET_KINDS } from '../shared/training/datasetKinds';
import type { DatasetRefOf } from '../shared/training/datasetRef';
import {
  describeCifar10,
  findCifar10Files,
  loadCifar10,
  loadCifarBatches,
  readCifar10ClassNames,
} from './cifar10';
import { defineDataset } from './defineDataset';
import type { Split } from './loadedDataset';
import { cifar10InstallCommand } from './installCommand';
import { kerasArrays } from './pythonLoader';
import { previewFromSplit, testImagesFromSplit } from './splitViews';

/** The test batch and the class names, enough for previews and picking inputs. */
async function testSplit(ref: DatasetRefOf<'cifar10'>): Promise<{ split: Split; classes: number }> {
  const files = await findCifar10Files(ref.path);
  const names = await readCifar10ClassNames(files.meta);
  return { split: await loadCifarBatches([files.test], names), classes: names.length };
}

/** CIFAR-10, from a folder of binary batches (nothing ships it). */
export const cifar10Dataset = defineDataset({
  ...DATASET_KINDS.cifar10,
  describe: describeCifar10,
  load: (ref) => loadCifar10(ref),
  preview: async (ref, perClass) => {
    const { split, classes } = await testSplit(ref);
    return previewFromSplit(split, classes, perClass);
  },
  testImages: async (ref, start, count) =>
    testImagesFromSplit((await testSplit(ref)).split, start, count),
  installCommand: (ref) => cifar10InstallCommand(ref.path),
  pythonLoader: kerasArrays('cifar10', 'CIFAR-10: 32×32 colour photos, 10 classes'),
});
