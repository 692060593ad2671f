import type * as tf from '@tensorflow/tfjs';
import type { Split } from '../../datasets/loadedDataset';
import { sampleSize } from '../../datasets/loadedDataset';
import type { CellImages } from '../../shared/insight/mistakes';
import { rankCell } from '../../shared/insight/mistakes';
import { saliencyMaps } from './saliencyMaps';
import { testPredictions } from './testPredictions';

/**
 * The test images of confusion-matrix cell (`trueClass`, `predictedClass`), most confident in the
 * predicted class first, at most `limit` of them, each with its saliency map for that class.
 */
export async function cellImages(
  model: tf.LayersModel,
  split: Split,
  inputShape: readonly number[],
  classes: number,
  trueClass: number,
  predictedClass: number,
  limit: number,
): Promise<CellImages> {
  if (trueClass >= classes || predictedClass >= classes)
    throw new Error(
      `There are ${classes} classes; class ${Math.max(trueClass, predictedClass)} does not exist.`,
    );
  const { predicted, probabilities } = await testPredictions(model, split, inputShape, classes);
  const ranked = rankCell(
    split.labels,
    predicted,
    probabilities,
    classes,
    trueClass,
    predictedClass,
  );
  const chosen = ranked.slice(0, limit);
  const size = sampleSize(split);
  const batch = new Uint8Array(chosen.length * size);
  chosen.forEach((index, k) =>
    batch.set(split.images.subarray(index * size, (index + 1) * size), k * size),
  );
  const maps = await saliencyMaps(model, batch, chosen.length, inputShape, predictedClass);
  return {
    trueClass,
    predictedClass,
    total: ranked.length,
    images: chosen.map((index, k) => ({
      index,
      pixels: Array.from(batch.subarray(k * size, (k + 1) * size)),
      confidence: probabilities[index * classes + predictedClass] ?? 0,
      saliency: maps[k] ?? [],
    })),
  };
}
