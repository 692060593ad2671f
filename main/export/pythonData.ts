// The data-loading part of the exported Python script: each data-set kind writes its own
// (`pythonLoader` in its `defineDataset`, datasets/pythonLoader.ts).
import { datasetDef } from '../../datasets/datasetRegistry';
import type { PythonData } from '../../datasets/pythonLoader';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { TrainingSettings } from '../../shared/training/settings';

export type { PythonData };

/** The data section of the script for `ref`. */
export function pythonData(
  ref: DatasetRef,
  settings: TrainingSettings,
  classes: number,
): PythonData {
  return datasetDef(ref).pythonLoader(ref, settings, classes);
}
