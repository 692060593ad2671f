// The final report on the whole test split: loss, accuracy, confusion matrix, per-class accuracy
// and a sample of the images the network got wrong, for the "looking at predictions" lesson.
import type * as tf from '@tensorflow/tfjs';
import { range } from '../../datasets/batches';
import type { Split } from '../../datasets/loadedDataset';
import { sampleSize } from '../../datasets/loadedDataset';
import type { ConfusionResult } from '../../shared/training/runEvents';
import type { TrainingTask } from '../../shared/training/task';
import { argMax, evaluateSplit } from './evaluateSplit';
import { previewIndices, reconstructions } from './reconstructions';

export interface TestOptions {
  readonly batchSize: number;
  readonly classes: number;
  readonly inputShape: readonly number[];
  /** How many misclassified images to return (default 24), spread evenly over all mistakes. */
  readonly misclassifiedSamples?: number;
  /** 'reconstruct': the reconstruction loss and a few images beside their reconstruction, no confusion matrix. */
  readonly task?: TrainingTask;
}

/** Every `n`-th of `items`, so the sample covers the whole test set rather than its start. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  const out: T[] = [];
  for (let k = 0; k < n; k++) {
    const item = items[Math.floor((k * items.length) / n)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** Scores `model` on every sample of `test` and builds the confusion report. */
export async function evaluateTest(
  model: tf.LayersModel,
  test: Split,
  opts: TestOptions,
): Promise<ConfusionResult> {
  const { classes } = opts;
  if (opts.task === 'reconstruct') {
    const score = await evaluateSplit(
      model,
      { split: test, indices: range(test.count) },
      { ...opts, task: 'reconstruct' },
    );
    const shown = await reconstructions(model, test, previewIndices(test.count), opts.inputShape);
    return {
      testLoss: score.loss,
      testAccuracy: 0,
      confusion: [],
      perClassAccuracy: [],
      misclassified: [],
      reconstructions: shown,
    };
  }
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const wrong: { index: number; trueLabel: number; predicted: number; probabilities: number[] }[] =
    [];
  const score = await evaluateSplit(
    model,
    { split: test, indices: range(test.count) },
    {
      batchSize: opts.batchSize,
      classes,
      inputShape: opts.inputShape,
      visit: (probabilities, trueLabel, index) => {
        const predicted = argMax(probabilities, 0, classes);
        const row = confusion[trueLabel];
        if (row) row[predicted] = (row[predicted] ?? 0) + 1;
        if (predicted !== trueLabel)
          wrong.push({ index, trueLabel, predicted, probabilities: Array.from(probabilities) });
      },
    },
  );
  const size = sampleSize(test);
  const misclassified = spread(wrong, opts.misclassifiedSamples ?? 24).map((w) => ({
    ...w,
    pixels: Array.from(test.images.subarray(w.index * size, (w.index + 1) * size)),
  }));
  const perClassAccuracy = confusion.map((row, k) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? 0 : (row[k] ?? 0) / total;
  });
  return {
    testLoss: score.loss,
    testAccuracy: score.accuracy,
    confusion,
    perClassAccuracy,
    misclassified,
  };
}
