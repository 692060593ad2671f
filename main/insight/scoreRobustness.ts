import type * as tf from '@tensorflow/tfjs';
import { range } from '../../datasets/batches';
import type { Split } from '../../datasets/loadedDataset';
import type { RobustnessCondition, RobustnessScores } from '../../shared/insight/robustness';
import { ROBUSTNESS_CONDITIONS, transformImages } from '../../shared/insight/robustness';
import { evaluateSplit } from '../training/evaluateSplit';

/**
 * `model`'s accuracy on the first `samples` test images, untouched and in each transformed copy
 * (shared/insight/robustness.ts). The same images and the same seeded noise for every run.
 */
export async function scoreRobustness(
  model: tf.LayersModel,
  split: Split,
  inputShape: readonly number[],
  classes: number,
  samples: number,
): Promise<RobustnessScores> {
  const count = Math.min(samples, split.count);
  const accuracy = {} as Record<RobustnessCondition, number>;
  for (const { id } of ROBUSTNESS_CONDITIONS) {
    const copy: Split = {
      images: transformImages(split.images, count, split.shape, id),
      labels: split.labels.subarray(0, count),
      count,
      shape: split.shape,
    };
    const score = await evaluateSplit(
      model,
      { split: copy, indices: range(count) },
      { batchSize: 256, classes, inputShape },
    );
    accuracy[id] = score.accuracy;
  }
  return { samples: count, accuracy };
}
