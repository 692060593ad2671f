// The training replay's questions beyond predict and kernels: how the network scored after an
// epoch (a confusion matrix on the first test images), making that epoch's weights the run's
// model without losing the final ones, and going back to the final ones.
import type * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { range } from '../../datasets/batches';
import type { Split } from '../../datasets/loadedDataset';
import type { EpochConfusion } from '../../shared/training/epochSnapshots';
import { loadTrainedModel } from '../export/loadTrainedModel';
import { MODEL_JSON, saveTfjsModel } from '../export/saveTfjsModel';
import { epochDir, originalDir } from '../training/epochSnapshotKeeper';
import { argMax, evaluateSplit } from '../training/evaluateSplit';

/** The confusion matrix of `model` (epoch `epoch`'s weights) on the first `samples` test images. */
export async function epochConfusion(
  model: tf.LayersModel,
  split: Split,
  inputShape: readonly number[],
  classes: number,
  epoch: number,
  samples: number,
): Promise<EpochConfusion> {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const count = Math.min(samples, split.count);
  const score = await evaluateSplit(
    model,
    { split, indices: range(count) },
    {
      batchSize: 256,
      classes,
      inputShape,
      visit: (p, label) => {
        const row = confusion[label];
        const predicted = argMax(p, 0, classes);
        if (row) row[predicted] = (row[predicted] ?? 0) + 1;
      },
    },
  );
  const perClassAccuracy = confusion.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? 0 : (row[i] ?? 0) / total;
  });
  return { epoch, samples: score.count, accuracy: score.accuracy, confusion, perClassAccuracy };
}

/**
 * Writes epoch `epoch`'s weights as the run's model in `modelDir` (model.json + weights.bin, each
 * atomically) and returns that model, loaded. The run's own final weights (`current`) are first
 * kept in `epochs/final/`, once: choosing another epoch later never overwrites them.
 */
export async function useEpochAsModel(
  current: tf.LayersModel,
  modelDir: string,
  epoch: number,
): Promise<tf.LayersModel> {
  const model = await loadTrainedModel(epochDir(modelDir, epoch));
  try {
    if (!existsSync(join(originalDir(modelDir), MODEL_JSON)))
      await saveTfjsModel(current, originalDir(modelDir));
    await saveTfjsModel(model, modelDir);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}

/**
 * Makes the run's own final weights (kept in `epochs/final/` when an epoch became its model) the
 * run's model again in `modelDir`, and returns that model, loaded. The kept copy stays, so the
 * learner can go back and forth. Throws when no final weights were kept.
 */
export async function restoreFinalModel(modelDir: string): Promise<tf.LayersModel> {
  if (!existsSync(join(originalDir(modelDir), MODEL_JSON)))
    throw new Error(
      "This run's final weights were not kept aside, so its model already holds them.",
    );
  const model = await loadTrainedModel(originalDir(modelDir));
  try {
    await saveTfjsModel(model, modelDir);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}
