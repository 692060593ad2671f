/** Where a data set comes from. MNIST ships with NetCanvas; the others live in folders. */
export type DatasetRef =
  | { readonly kind: 'mnist' }
  | { readonly kind: 'fashion-mnist'; readonly path?: string }
  | { readonly kind: 'cifar10'; readonly path: string }
  | {
      readonly kind: 'folder';
      readonly path: string;
      /** Height and width every image is resized to. */
      readonly imageSize: readonly [number, number];
      readonly color: 'grayscale' | 'rgb';
    };

export type DatasetKind = DatasetRef['kind'];

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
  /** Images that could not be decoded and were skipped (image folders). */
  readonly skipped?: number;
}

/** A data set that could not be opened, and how to get it. */
export interface DatasetProblem {
  readonly ref: DatasetRef;
  readonly title: string;
  readonly message: string;
}

/** A few sample images, uint8 pixels (height × width × channels each), for the UI strip. */
export interface DatasetPreview {
  readonly shape: readonly [number, number, number];
  readonly images: readonly { readonly label: number; readonly pixels: readonly number[] }[];
}

/** Short names accepted on the command line (`--dataset mnist`). */
export const DATASET_NAMES = ['mnist', 'fashion-mnist', 'cifar10', 'folder'] as const;
