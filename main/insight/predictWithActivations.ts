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
 * Class probabilities for one sample plus the output of every layer Insight draws (feature maps
 * or a vector: `drawnLayers`), from a single forward pass. `pixels` is height × width × channels, 0–255, row after row.
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
  const { model: multi, layers, leftOut } = activationModel(model);
  // One read for every output: each `data()` is a round trip to the backend, and a network with
  // a dozen drawn layers would pay it a dozen times per stroke of the pen.
  const { all, shapes } = tf.tidy(() => {
    const x = tf
      .tensor(Float32Array.from(pixels), [1, ...inputShape], 'float32')
      .mul(scaling.multiply)
      .add(scaling.add);
    const out = multi.predict(x);
    const outputs = Array.isArray(out) ? out : [out];
    return {
      all: tf.concat(outputs.map((t) => t.reshape([-1]))),
      shapes: outputs.map((t) => t.shape.slice(1)),
    };
  });
  try {
    const flat = await all.data();
    const starts: number[] = [];
    let at = 0;
    for (const shape of shapes) {
      starts.push(at);
      at += shape.reduce((a, b) => a * b, 1);
    }
    const slice = (i: number): number[] => {
      const shape = shapes[i] ?? [];
      const from = starts[i] ?? 0;
      return Array.from(flat.subarray(from, from + shape.reduce((a, b) => a * b, 1)));
    };
    if (shapes.length === 0) throw new Error('The model returned no output.');
    const activations: Record<string, { shape: number[]; values: number[]; kerasClass: string }> =
      {};
    for (const { name, kerasClass, output } of layers) {
      const shape = shapes[output];
      if (shape) activations[name] = { shape, values: slice(output), kerasClass };
    }
    return { probabilities: slice(0), activations, leftOut };
  } finally {
    all.dispose();
  }
}
