import type { DatasetRef } from './datasetRef';
import type { SkippedImages } from './skippedImages';

export type { DatasetKind, DatasetRef, DatasetRefOf } from './datasetRef';

/** What the dashboard shows about a data set before training. */
export interface DatasetInfo {
  readonly ref: DatasetRef;
  readonly title: string;
  /** One sample: (height, width, channels). */
  readonly inputShape: readonly [number, number, number];
  readonly classNames: readonly string[];
  readonly trainCount: number;
  readonly testCount: number;
  /** Where the files were read from. */
  readonly source: string;
  /** Images that could not be decoded and were skipped (image folders), and why; absent when none was. */
  readonly skipped?: SkippedImages;
  /** Samples in a held-out validation split (an image folder's `validation/` or `val/`). */
  readonly validationCount?: number;
}

/**
 * Why a data set could not be read, stable for code and tests:
 * - `missing`: a file or folder is not there;
 * - `badMagic`: a file is not of the expected format (its first bytes are wrong);
 * - `truncated`: a file is shorter than its header says;
 * - `countMismatch`: an images file and its labels file disagree on the number of samples;
 * - `badLabel`: a label is not one of the data set's classes;
 * - `emptyClass`: a class folder holds no images;
 * - `tooFewClasses`: an image folder has fewer than two class folders;
 * - `unreadable`: a file exists but cannot be read or decompressed.
 */
export type DatasetErrorCode =
  | 'missing'
  | 'badMagic'
  | 'truncated'
  | 'countMismatch'
  | 'badLabel'
  | 'emptyClass'
  | 'tooFewClasses'
  | 'unreadable';

/** A data set that could not be opened, and how to get it. */
export interface DatasetProblem {
  readonly ref: DatasetRef;
  readonly title: string;
  /** What is wrong, where NetCanvas looked, and how to get the data. */
  readonly message: string;
  readonly code?: DatasetErrorCode;
  /** The exact shell command that installs it where NetCanvas looks, when there is one. */
  readonly installCommand?: string;
}

/** A few sample images, uint8 pixels (height × width × channels each), for the UI strip. */
export interface DatasetPreview {
  readonly shape: readonly [number, number, number];
  readonly images: readonly { readonly label: number; readonly pixels: readonly number[] }[];
}

/** A window onto a data set's test split, for picking an input in the insight views. */
export interface TestImages {
  readonly shape: readonly [number, number, number];
  /** How many test images the data set has. */
  readonly total: number;
  readonly images: readonly {
    readonly index: number;
    readonly label: number;
    readonly pixels: readonly number[];
  }[];
}
