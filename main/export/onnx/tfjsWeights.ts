// The weights of a tfjs model, keyed the way the ONNX converter looks them up.
import type * as tf from '@tensorflow/tfjs';
import type { WeightTensor } from './onnxGraphBuilder';
import type { ModelWeights } from './toOnnxModel';

/**
 * Every layer's weights by layer name, then by weight name (`conv2d/kernel` → `kernel`). Read with
 * `data()`, not `dataSync()`, so it works on the WebGPU backend too.
 */
export async function tfjsWeights(model: tf.LayersModel): Promise<ModelWeights> {
  const out = new Map<string, Map<string, WeightTensor>>();
  for (const layer of model.layers) {
    const weights = new Map<string, WeightTensor>();
    for (const w of layer.weights) {
      const key = w.originalName.split('/').pop() ?? w.originalName;
      const values = await w.read().data<'float32'>();
      weights.set(key, {
        shape: [...w.shape].map((d) => d ?? 0),
        values: Float32Array.from(values),
      });
    }
    out.set(layer.name, weights);
  }
  return out;
}
