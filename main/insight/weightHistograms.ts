import type * as tf from '@tensorflow/tfjs';
import type { WeightHistogram } from '../../shared/explain/insightData';

/** The short name of a weight variable: `conv2d/kernel` → `kernel`. */
const shortName = (name: string): string =>
  name.slice(name.lastIndexOf('/') + 1).replace(/_\d+$/, '');

/**
 * A histogram of every weight tensor of every layer, `bins` equal-width bins from its minimum
 * to its maximum. Call it before training and after, to show how the weights moved.
 */
export function weightHistograms(model: tf.LayersModel, bins = 30): WeightHistogram[] {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`A histogram needs a whole number of bins, at least 1; got ${bins}.`);
  return model.layers.flatMap((layer) =>
    layer.weights.map((w) => {
      const values = w.read().dataSync();
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (values.length === 0) min = max = 0;
      const counts = new Array<number>(bins).fill(0);
      const width = (max - min) / bins;
      for (const v of values) {
        const i = width > 0 ? Math.min(bins - 1, Math.floor((v - min) / width)) : 0;
        counts[i] = (counts[i] ?? 0) + 1;
      }
      return {
        layer: layer.name,
        weight: shortName(w.originalName),
        count: values.length,
        min,
        max,
        bins: counts,
      };
    }),
  );
}
