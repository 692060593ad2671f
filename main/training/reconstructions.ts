// What an autoencoder makes of a few test images: each image beside the network's output, both as
// 0–255 pixels, for the dashboard's side-by-side strip (refreshed at each epoch end) and the
// final result. Inference mode: dropout off, batch norm frozen.
import * as tf from '@tensorflow/tfjs';
import { iterateBatches } from '../../datasets/batches';
import type { Split } from '../../datasets/loadedDataset';
import { sampleSize } from '../../datasets/loadedDataset';
import type { Reconstruction } from '../../shared/training/task';
import { RECONSTRUCTION_SAMPLES } from '../../shared/training/task';

/** Indices of `n` test images spread over the whole split, always the same ones for a split size. */
export function previewIndices(count: number, n = RECONSTRUCTION_SAMPLES): Uint32Array {
  const k = Math.min(n, count);
  return Uint32Array.from({ length: k }, (_, i) => Math.floor((i * count) / k));
}

const toByte = (v: number): number => Math.round(Math.min(Math.max(v, 0), 1) * 255);

/** The reconstructions of `split`'s images at `indices` by `model`. */
export async function reconstructions(
  model: tf.LayersModel,
  split: Split,
  indices: Uint32Array,
  inputShape: readonly number[],
): Promise<Reconstruction[]> {
  const out: Reconstruction[] = [];
  const size = sampleSize(split);
  for (const batch of iterateBatches(split, indices, { batchSize: Math.max(indices.length, 1) })) {
    const y = tf.tidy(
      () =>
        model.predict(tf.tensor(batch.pixels, [batch.size, ...inputShape], 'float32')) as tf.Tensor,
    );
    const values = (await y.data()) as Float32Array;
    y.dispose();
    for (let i = 0; i < batch.size; i++) {
      const index = indices[out.length] ?? 0;
      out.push({
        index,
        input: Array.from(split.images.subarray(index * size, (index + 1) * size)),
        output: Array.from(values.subarray(i * size, (i + 1) * size), toByte),
      });
    }
  }
  return out;
}
