import * as tf from '@tensorflow/tfjs';
import type { Prediction } from '../../shared/api/backendApi';
import { activationModel } from './activationModel';

/** How stored pixels (0–255) become the numbers the network was trained on: `x · multiply + add`. */
export interface PixelScaling {
  readonly multiply: number;
  readonly add: number;
}

/** The scaling the training loop uses: pixels divided by 255. */
export const UNIT_SCALING: PixelScaling = { multiply: 1 / 255, add: 0 };

/**
 * Class probabilities for one sample plus the output of every Conv2D, pooling and Dense layer,
 * from a single forward pass. `pixels` is height × width × channels, 0–255, row after row.
 * Reads results with `data()`: tfjs-webgpu's synchronous read needs OffscreenCanvas, absent in Node.
 */
export async function predictWithActivations(
  model: tf.LayersModel,
  pixels: Uint8Array | readonly number[],
  inputShape: readonly number[],
  scaling: PixelScaling = UNIT_SCALING,
): Promise<Prediction> {
  const size = inputShape.reduce((a, b) => a * b, 1);
  if (inputShape.length === 0 || !inputShape.every((d) => Number.isInteger(d) && d > 0))
    throw new Error(
      `The input shape must be positive whole numbers, got [${inputShape.join(', ')}].`,
    );
  if (pixels.length !== size)
    throw new Error(
      `Expected ${size} pixel values (${inputShape.join(' × ')}), got ${pixels.length}.`,
    );
  const { model: multi, layers } = activationModel(model);
  const outputs = tf.tidy(() => {
    const x = tf
      .tensor(Float32Array.from(pixels), [1, ...inputShape], 'float32')
      .mul(scaling.multiply)
      .add(scaling.add);
    const out = multi.predict(x);
    return Array.isArray(out) ? out : [out];
  });
  try {
    const probs = outputs[0];
    if (!probs) throw new Error('The model returned no output.');
    const activations: Record<string, { shape: number[]; values: number[] }> = {};
    for (const { name, output } of layers) {
      const t = outputs[output];
      if (t) activations[name] = { shape: t.shape.slice(1), values: Array.from(await t.data()) };
    }
    return { probabilities: Array.from(await probs.data()), activations };
  } finally {
    tf.dispose(outputs);
  }
}
