import type { DatasetKindSpec } from '../shared/training/datasetKinds';
import type { DatasetKind, DatasetRefOf } from '../shared/training/datasetRef';
import type { DatasetInfo, DatasetPreview, TestImages } from '../shared/training/datasetTypes';
import type { TrainingSettings } from '../shared/training/settings';
import type { LoadOptions, LoadedDataset } from './loadedDataset';
import type { PythonData } from './pythonLoader';

/**
 * Everything NetCanvas does with one kind of data set, in one place: its kind, title and class
 * count (from `DATASET_KINDS` in shared/, which the renderer and the schemas read) plus how the
 * backend reads it and how the exported Python script loads it. `datasetRegistry.ts` holds one
 * per kind; nothing else switches on a data set's kind.
 */
export interface DatasetDef<K extends DatasetKind> extends DatasetKindSpec<K> {
  /**
   * Classes, counts and sample shape without loading the pixels (headers, file sizes, a listing).
   * @throws DatasetError for the problems visible without decoding
   */
  readonly describe: (ref: DatasetRefOf<K>) => Promise<DatasetInfo>;
  /**
   * The whole data set in memory, uint8 pixels.
   * @throws DatasetError with a learner-readable message when files are missing or broken
   */
  readonly load: (ref: DatasetRefOf<K>, opts: LoadOptions) => Promise<LoadedDataset>;
  /** The first `perClass` samples of each class, read with as little I/O as possible. */
  readonly preview: (ref: DatasetRefOf<K>, perClass: number) => Promise<DatasetPreview>;
  /** Test images `start` .. `start + count - 1`, for looking inside a trained network. */
  readonly testImages: (ref: DatasetRefOf<K>, start: number, count: number) => Promise<TestImages>;
  /**
   * The exact command that installs this data set where NetCanvas looks for it, shown in the
   * "Data sets not installed" note; null where there is nothing to install (an image folder).
   */
  readonly installCommand: (ref: DatasetRefOf<K>) => string | null;
  /** The data section of the exported Python script. */
  readonly pythonLoader: (
    ref: DatasetRefOf<K>,
    settings: TrainingSettings,
    classes: number,
  ) => PythonData;
}

/** Identity for type inference: keeps each kind's reference precisely typed. */
export const defineDataset = <K extends DatasetKind>(def: DatasetDef<K>): DatasetDef<K> => def;
