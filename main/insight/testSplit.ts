import { loadDataset } from '../../datasets/loadDataset';
import type { Split } from '../../datasets/loadedDataset';
import type { DatasetRef } from '../../shared/training/datasetTypes';

// One load per data set for the life of the run's process: the Mistakes and Robustness views
// ask for the test split again and again.
const loaded = new Map<string, Promise<Split>>();

/** The test split of `ref`, loaded once. */
export function testSplitFor(ref: DatasetRef): Promise<Split> {
  const key = JSON.stringify(ref);
  let split = loaded.get(key);
  if (!split) {
    split = loadDataset(ref).then((d) => d.test);
    loaded.set(key, split);
    split.catch(() => loaded.delete(key));
  }
  return split;
}
