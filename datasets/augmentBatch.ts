import type { Augmentation } from '../shared/training/augmentation';
import { augmentImage, augmentationRandom, isAugmenting } from '../shared/training/augmentation';

/** Augments a training batch's pixels; returns the augmented copy (valid until the next call). */
export type BatchAugmenter = (
  pixels: Float32Array,
  size: number,
  epoch: number,
  batch: number,
) => Float32Array;

/**
 * The augmenter for training batches of `shape` images, or null when `augmentation` changes
 * nothing. Each batch draws from a generator seeded by (seed, epoch, batch), so a rerun with the
 * same seed sees the same augmented images. Only training batches go through it.
 */
export function batchAugmenter(
  augmentation: Augmentation | undefined,
  shape: readonly [number, number, number],
  seed: number,
): BatchAugmenter | null {
  if (!isAugmenting(augmentation)) return null;
  const sample = shape[0] * shape[1] * shape[2];
  let out = new Float32Array(0);
  return (pixels, size, epoch, batch) => {
    if (out.length < size * sample) out = new Float32Array(size * sample);
    const random = augmentationRandom(
      (seed ^ Math.imul(epoch + 1, 0x9e3779b9) ^ Math.imul(batch + 1, 0x85ebca6b)) >>> 0,
    );
    for (let i = 0; i < size; i++)
      augmentImage(
        pixels.subarray(i * sample, (i + 1) * sample),
        out,
        i * sample,
        shape,
        augmentation,
        random,
      );
    return out.subarray(0, size * sample);
  };
}
