// Loss and accuracy of a model on a set of samples, in batches, with the predictions handed to a
// caller that wants more (the confusion matrix). Inference mode: dropout off, batch norm frozen.
import * as tf from '@tensorflow/tfjs';
import { iterateBatches } from '../../datasets/batches';
import type { SplitSamples } from '../../datasets/batches';
import type { TrainingTask } from '../../shared/training/task';

/** Keras's backend epsilon, which its cross-entropy clips probabilities to. */
const EPSILON = 1e-7;

/** The mean loss and accuracy over the samples. */
export interface SplitScore {
  readonly loss: number;
  readonly accuracy: number;
  readonly count: number;
}

/** Sees every sample's probabilities (a view: copy what you keep), true label and index in the split. */
export type PredictionVisitor = (
  probabilities: Float32Array,
  trueLabel: number,
  index: number,
) => void;

export interface EvaluateOptions {
  readonly batchSize: number;
  readonly classes: number;
  /** The model's input shape without the batch dimension; the pixels are reshaped to it. */
  readonly inputShape: readonly number[];
  readonly visit?: PredictionVisitor;
  /**
   * 'reconstruct': the target is the input itself, and the loss is the mean squared error over
   * every pixel (Keras's 'mse'); there is no accuracy (0) and `visit` is not called.
   */
  readonly task?: TrainingTask;
  /** Lets the event loop run between batches (so a stop request is heard); default true. */
  readonly yieldBetweenBatches?: boolean;
}

/**
 * Categorical cross-entropy of one row exactly as Keras and tfjs compute it on probabilities:
 * normalise the row to sum 1, clip to [ε, 1 − ε], take −log of the true class.
 */
export function crossEntropy(
  probabilities: ArrayLike<number>,
  from: number,
  classes: number,
  label: number,
): number {
  let sum = 0;
  for (let k = 0; k < classes; k++) sum += probabilities[from + k] ?? 0;
  const p = (probabilities[from + label] ?? 0) / sum;
  return -Math.log(Math.min(Math.max(p, EPSILON), 1 - EPSILON));
}

/** Index of the largest value in `row[from … from + n)` (the first on ties, like tf.argMax). */
export function argMax(row: ArrayLike<number>, from: number, n: number): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = row[from + k] ?? -Infinity;
    if (v > bestValue) {
      bestValue = v;
      best = k;
    }
  }
  return best;
}

export const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Scores `model` on `samples` (the same loss for categorical and sparse cross-entropy: they
 * differ only in how labels are written).
 */
export async function evaluateSplit(
  model: tf.LayersModel,
  samples: SplitSamples,
  opts: EvaluateOptions,
): Promise<SplitScore> {
  const { classes } = opts;
  let lossSum = 0;
  let correct = 0;
  let seen = 0;
  for (const batch of iterateBatches(samples.split, samples.indices, {
    batchSize: opts.batchSize,
  })) {
    const probs = tf.tidy(() => {
      const x = tf.tensor(batch.pixels, [batch.size, ...opts.inputShape], 'float32');
      return model.predict(x) as tf.Tensor;
    });
    const values = (await probs.data()) as Float32Array;
    probs.dispose();
    if (opts.task === 'reconstruct') {
      // Each sample's mean squared difference from its own pixels, as Keras's 'mse' averages it.
      const size = values.length / Math.max(batch.size, 1);
      for (let i = 0; i < batch.size; i++) {
        let sum = 0;
        for (let k = i * size; k < (i + 1) * size; k++)
          sum += ((values[k] ?? 0) - (batch.pixels[k] ?? 0)) ** 2;
        lossSum += sum / size;
      }
      seen += batch.size;
      if (opts.yieldBetweenBatches !== false) await nextTick();
      continue;
    }
    for (let i = 0; i < batch.size; i++) {
      const label = batch.labels[i] ?? 0;
      const from = i * classes;
      lossSum += crossEntropy(values, from, classes, label);
      if (argMax(values, from, classes) === label) correct++;
      opts.visit?.(
        values.subarray(from, from + classes),
        label,
        samples.indices[seen + i] ?? seen + i,
      );
    }
    seen += batch.size;
    if (opts.yieldBetweenBatches !== false) await nextTick();
  }
  const accuracy = opts.task === 'reconstruct' ? 0 : correct / seen;
  return {
    loss: seen === 0 ? NaN : lossSum / seen,
    accuracy: seen === 0 ? NaN : accuracy,
    count: seen,
  };
}
