import { DATASET_KINDS } from '../shared/training/datasetKinds';
import type { DatasetRefOf } from '../shared/training/datasetRef';
import type { DatasetPreview, TestImages } from '../shared/training/datasetTypes';
import { defineDataset } from './defineDataset';
import { decodeImage, describeImageFolder, folderShape, loadImageFolder } from './imageFolder';
import { imageDatasetFromDirectory } from './pythonLoader';
import { DEFAULT_TEST_FRACTION, scanImageFolder } from './scanImageFolder';

type FolderRef = DatasetRefOf<'folder'>;

/** Decodes training images class by class until each class has `perClass` (unreadable ones are passed over). */
async function folderPreview(ref: FolderRef, perClass: number): Promise<DatasetPreview> {
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

/** The held-out files `start` .. `start + count - 1`; one that cannot be decoded is left out. */
async function folderTestImages(ref: FolderRef, start: number, count: number): Promise<TestImages> {
  const shape = folderShape(ref);
  const scan = await scanImageFolder(ref.path, ref.testFraction ?? DEFAULT_TEST_FRACTION);
  const images = [];
  for (const [index, file] of scan.test.slice(start, start + count).entries()) {
    try {
      images.push({
        index: start + index,
        label: file.label,
        pixels: Array.from(await decodeImage(file.path, shape)),
      });
    } catch {
      // Reported as unreadable when the data set loads; the picker shows the others.
    }
  }
  return { shape, total: scan.test.length, images };
}

/** A folder of images, one subfolder per class, decoded and resized with sharp. */
export const imageFolderDataset = defineDataset({
  ...DATASET_KINDS.folder,
  describe: describeImageFolder,
  load: loadImageFolder,
  preview: folderPreview,
  testImages: folderTestImages,
  installCommand: () => null,
  pythonLoader: imageDatasetFromDirectory,
});
