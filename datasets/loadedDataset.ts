import type { DatasetInfo } from '../shared/training/datasetTypes';

/**
 * One split of a data set, held as uint8 pixels (scaled to [0, 1] per batch, never as a whole).
 * Sample `i` occupies `images[i * h * w * c, (i + 1) * h * w * c)` in height × width × channels
 * order (TensorFlow's NHWC).
 */
export interface Split {
  /** `count × h × w × c` pixels, 0–255. May be a view into a larger buffer: mind `byteOffset`. */
  readonly images: Uint8Array;
  /** `count` class indices, 0 … classes − 1 (see {@link labelArray}). */
  readonly labels: Labels;
  readonly count: number;
  /** One sample: (height, width, channels). */
  readonly shape: readonly [number, number, number];
}

/** Class indices: one byte each up to 256 classes, wider beyond (an image folder may have any number). */
export type Labels = Uint8Array | Uint16Array | Uint32Array;

/** A zeroed label array of `length` that holds every index of `classCount` classes. */
export function labelArray(classCount: number, length: number): Labels {
  if (classCount <= 0x100) return new Uint8Array(length);
  return classCount <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}

/** A data set in memory: what the dashboard shows, plus its splits. */
export interface LoadedDataset {
  readonly info: DatasetInfo;
  readonly train: Split;
  readonly test: Split;
  /**
   * A held-out validation split when the data set has one (an image folder's `validation/` or
   * `val/`); otherwise validation is carved from `train` (see `planSamples`).
   */
  readonly validation?: Split;
}

/** How to load; every field is optional. */
export interface LoadOptions {
  /** Called as image-folder images are decoded: `done` of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops a long load (image folders); the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Pixels in one sample of a split: height × width × channels. */
export function sampleSize(split: Pick<Split, 'shape'>): number {
  const [h, w, c] = split.shape;
  return h * w * c;
}
