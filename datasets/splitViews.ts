import type { DatasetPreview, TestImages } from '../shared/training/datasetTypes';
import type { Split } from './loadedDataset';
import { sampleSize } from './loadedDataset';

/** Sample `i` of `split`, its pixels as plain numbers (what crosses to the renderer). */
function samplePixels(split: Split, i: number): number[] {
  const size = sampleSize(split);
  return Array.from(split.images.subarray(i * size, (i + 1) * size));
}

/**
 * The first `perClass` samples of each class in `split`, grouped by class (class 0 first).
 * A class with fewer samples shows what it has.
 */
export function previewFromSplit(
  split: Split,
  classCount: number,
  perClass: number,
): DatasetPreview {
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

/** Test images `start` .. `start + count - 1` of `split` (fewer at its end). */
export function testImagesFromSplit(split: Split, start: number, count: number): TestImages {
  const images = [];
  for (let i = start; i < Math.min(split.count, start + count); i++)
    images.push({ index: i, label: split.labels[i]!, pixels: samplePixels(split, i) });
  return { shape: split.shape, total: split.count, images };
}
