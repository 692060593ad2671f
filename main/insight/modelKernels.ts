import type * as tf from '@tensorflow/tfjs';
import type { LayerKernels } from '../../shared/explain/insightData';

/**
 * Every Conv2D layer's kernels as small images (values 0..1), the mean over input channels
 * per tap: for the first layer of an MNIST CNN these are the edge detectors of the tutorials.
 */
export function modelKernels(model: tf.LayersModel): LayerKernels[] {
  return model.layers
    .filter((l) => l.getClassName() === 'Conv2D')
    .flatMap((layer) => {
      const kernel = layer.getWeights()[0];
      if (!kernel || kernel.shape.length !== 4) return [];
      const [kh = 0, kw = 0, cin = 0, filters = 0] = kernel.shape;
      const raw = kernel.dataSync();
      // Kernel layout is [height, width, in, out]; images are [out][height][width].
      const mean = new Float32Array(filters * kh * kw);
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          for (let c = 0; c < cin; c++)
            for (let f = 0; f < filters; f++) {
              const at = f * kh * kw + y * kw + x;
              mean[at] = (mean[at] ?? 0) + (raw[((y * kw + x) * cin + c) * filters + f] ?? 0) / cin;
            }
      let min = Infinity;
      let max = -Infinity;
      for (const v of mean) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const range = max - min;
      const values = Array.from(mean, (v) => (range > 0 ? (v - min) / range : 0.5));
      return [
        { layer: layer.name, size: [kh, kw] as const, inChannels: cin, filters, values, min, max },
      ];
    });
}
