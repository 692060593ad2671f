import type { DatasetPreview, DatasetRef, TestImages } from '../shared/training/datasetTypes';
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

/** Sample `i` of `split`, its pixels as plain numbers (what crosses to the renderer). */
function samplePixels(split: Split, i: number): number[] {
  const size = sampleSize(split);
  return Array.from(split.images.subarray(i * size, (i + 1) * size));
}

/**
 * The first `perClass` samples of each class in `split`, grouped by class (class 0 first).
 * A class with fewer samples shows what it has.
 */
export function previewFromSplit(split: Split, classCount: number, perClass: number): DatasetPreview {
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
    indices.map((i) => ({ label, pixels: samplePixels(split, i) })),
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
  return previewFromSplit(await idxTestSplit(folder, spec), spec.classNames.length, perClass);
}

async function idxTestSplit(folder: string, spec: IdxDatasetSpec): Promise<Split> {
  const files = await findIdxFiles(folder, spec);
  return loadIdxSplit(files.testImages, files.testLabels, spec.classNames.length);
}

/** Test images `start` .. `start + count - 1` of `split` (fewer at its end). */
export function testImagesFromSplit(split: Split, start: number, count: number): TestImages {
  const images = [];
  for (let i = start; i < Math.min(split.count, start + count); i++) images.push({ index: i, label: split.labels[i]!, pixels: samplePixels(split, i) });
  return { shape: split.shape, total: split.count, images };
}

/**
 * A window onto the test split, for picking an input to look inside a trained network with.
 * An image folder's test images are its held-out files; one that cannot be decoded is left out.
 */
export async function testImages(ref: DatasetRef, start: number, count: number): Promise<TestImages> {
  switch (ref.kind) {
    case 'mnist':
      return testImagesFromSplit(await idxTestSplit(mnistFolder(), MNIST_SPEC), start, count);
    case 'fashion-mnist':
      return testImagesFromSplit(await idxTestSplit(fashionMnistFolder(ref), FASHION_MNIST_SPEC), start, count);
    case 'cifar10': {
      const files = await findCifar10Files(ref.path);
      return testImagesFromSplit(await loadCifarBatches([files.test], await readCifar10ClassNames(files.meta)), start, count);
    }
    case 'folder': {
      const shape = folderShape(ref);
      const scan = await scanImageFolder(ref.path, ref.testFraction ?? DEFAULT_TEST_FRACTION);
      const images = [];
      for (const [index, file] of scan.test.slice(start, start + count).entries()) {
        try {
          images.push({ index: start + index, label: file.label, pixels: Array.from(await decodeImage(file.path, shape)) });
        } catch {
          // Reported as unreadable when the data set loads; the picker shows the others.
        }
      }
      return { shape, total: scan.test.length, images };
    }
  }
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
