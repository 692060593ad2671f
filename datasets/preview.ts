import type { DatasetPreview, DatasetRef } from '../shared/training/datasetTypes';
import { findCifar10Files, loadCifarBatches, readCifar10ClassNames } from './cifar10';
import { fashionMnistFolder, FASHION_MNIST_SPEC } from './fashionMnist';
import { loadIdxSplit } from './idx';
import { findIdxFiles } from './idxFolder';
import type { IdxDatasetSpec } from './idxFolder';
import { decodeImage, folderShape } from './imageFolder';
import type { Split } from './loadedDataset';
import { sampleSize } from './loadedDataset';
import { mnistFolder, MNIST_SPEC } from './mnist';
import { DEFAULT_TEST_FRACTION, scanImageFolder } from './scanImageFolder';

/**
 * The first `perClass` samples of each class in `split`, grouped by class (class 0 first).
 * A class with fewer samples shows what it has.
 */
export function previewFromSplit(split: Split, classCount: number, perClass: number): DatasetPreview {
  const size = sampleSize(split);
  const picked: number[][] = Array.from({ length: classCount }, () => []);
  let missing = classCount * perClass;
  for (let i = 0; i < split.count && missing > 0; i++) {
    const bucket = picked[split.labels[i]!];
    if (bucket !== undefined && bucket.length < perClass) {
      bucket.push(i);
      missing--;
    }
  }
  const images = picked.flatMap((indices, label) =>
    indices.map((i) => ({ label, pixels: Array.from(split.images.subarray(i * size, (i + 1) * size)) })),
  );
  return { shape: split.shape, images };
}

/**
 * A few sample images per class for the dashboard's strip. Reads as little as it can: the test
 * files of IDX and CIFAR-10 sets, and only `perClass` images of each image-folder class.
 */
export async function datasetPreview(ref: DatasetRef, perClass: number): Promise<DatasetPreview> {
  switch (ref.kind) {
    case 'mnist':
      return idxPreview(mnistFolder(), MNIST_SPEC, perClass);
    case 'fashion-mnist':
      return idxPreview(fashionMnistFolder(ref), FASHION_MNIST_SPEC, perClass);
    case 'cifar10': {
      const files = await findCifar10Files(ref.path);
      const names = await readCifar10ClassNames(files.meta);
      return previewFromSplit(await loadCifarBatches([files.test], names), names.length, perClass);
    }
    case 'folder':
      return folderPreview(ref, perClass);
  }
}

async function idxPreview(folder: string, spec: IdxDatasetSpec, perClass: number): Promise<DatasetPreview> {
  const files = await findIdxFiles(folder, spec);
  const test = await loadIdxSplit(files.testImages, files.testLabels, spec.classNames.length);
  return previewFromSplit(test, spec.classNames.length, perClass);
}

/** Decodes training images class by class until each class has `perClass` (unreadable ones are passed over). */
async function folderPreview(ref: Extract<DatasetRef, { kind: 'folder' }>, perClass: number): Promise<DatasetPreview> {
  const shape = folderShape(ref);
  const scan = await scanImageFolder(ref.path, ref.testFraction ?? DEFAULT_TEST_FRACTION);
  const images: { label: number; pixels: number[] }[] = [];
  for (let label = 0; label < scan.classNames.length; label++) {
    let shown = 0;
    for (const file of scan.train) {
      if (shown === perClass) break;
      if (file.label !== label) continue;
      try {
        images.push({ label, pixels: Array.from(await decodeImage(file.path, shape)) });
        shown++;
      } catch {
        // An unreadable image is reported when the data set loads; the strip just shows the next.
      }
    }
  }
  return { shape, images };
}
