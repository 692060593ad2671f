import type * as tf from '@tensorflow/tfjs';
import { range } from '../../datasets/batches';
import type { Split } from '../../datasets/loadedDataset';
import { argMax, evaluateSplit } from '../training/evaluateSplit';

/** Every test sample's class probabilities and predicted class. */
export interface TestPredictions {
  readonly predicted: Uint8Array;
  /** `classes` numbers per sample. */
  readonly probabilities: Float32Array;
}

// Per trained model and split: a model is fixed once its run is done.
const cache = new WeakMap<tf.LayersModel, WeakMap<Split, Promise<TestPredictions>>>();

/** What `model` predicts for every sample of `split`, computed once. */
export function testPredictions(
  model: tf.LayersModel,
  split: Split,
  inputShape: readonly number[],
  classes: number,
): Promise<TestPredictions> {
  let bySplit = cache.get(model);
  if (!bySplit) cache.set(model, (bySplit = new WeakMap<Split, Promise<TestPredictions>>()));
  let found = bySplit.get(split);
  if (!found) {
    const predicted = new Uint8Array(split.count);
    const probabilities = new Float32Array(split.count * classes);
    found = evaluateSplit(
      model,
      { split, indices: range(split.count) },
      {
        batchSize: 256,
        classes,
        inputShape,
        visit: (p, _label, index) => {
          predicted[index] = argMax(p, 0, classes);
          probabilities.set(p, index * classes);
        },
      },
    ).then(() => ({ predicted, probabilities }));
    bySplit.set(split, found);
  }
  return found;
}
