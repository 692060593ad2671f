import * as tf from '@tensorflow/tfjs';
import { normaliseSaliency } from '../../shared/insight/mistakes';

/**
 * A saliency map per image: the gradient of class `classIndex`'s probability with respect to the
 * input pixels (Simonyan et al., 2013), its magnitude per pixel scaled 0..1 per image. `images`
 * holds `count` samples of `inputShape`, 0–255; one backward pass serves them all.
 */
export async function saliencyMaps(
  model: tf.LayersModel,
  images: Uint8Array,
  count: number,
  inputShape: readonly number[],
  classIndex: number,
): Promise<number[][]> {
  if (count === 0) return [];
  const size = inputShape.reduce((a, b) => a * b, 1);
  const channels = inputShape[inputShape.length - 1] ?? 1;
  const gradient = tf.tidy(() => {
    const x = tf
      .tensor(
        Float32Array.from(images.subarray(0, count * size)),
        [count, ...inputShape],
        'float32',
      )
      .div(255);
    // Each image's score depends on that image only, so the gradient of the sum is each one's own.
    const score = (input: tf.Tensor) =>
      (model.apply(input, { training: false }) as tf.Tensor).slice([0, classIndex], [-1, 1]).sum();
    return tf.grad(score)(x);
  });
  try {
    const values = await gradient.data();
    return Array.from({ length: count }, (_, i) =>
      normaliseSaliency(values.subarray(i * size, (i + 1) * size), channels),
    );
  } finally {
    gradient.dispose();
  }
}
