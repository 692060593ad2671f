import type * as tf from '@tensorflow/tfjs';
import type { LeftOutLayer } from '../../shared/api/backendApi';
import { INSIGHT_NOT_DRAWN, insightDraws } from '../../shared/explain/insightData';

/** A layer Insight draws: its name, its Keras class and its output (one sample's shape is H×W×C or N). */
export interface DrawnLayer {
  readonly layer: tf.layers.Layer;
  readonly name: string;
  readonly kerasClass: string;
}

/** The one output of a layer used once, or null (a layer shared between branches has several). */
function singleOutput(layer: tf.layers.Layer): tf.SymbolicTensor | null {
  try {
    const out = layer.output;
    return Array.isArray(out) ? null : out;
  } catch {
    return null;
  }
}

/**
 * Which of `model`'s layers Insight draws, in the network's order: every layer whose output is a
 * stack of feature maps (height × width × channels) or a vector, except those whose output repeats
 * their input when predicting (Dropout, noise, Flatten, Reshape, the input). The rest are listed
 * with the reason, so the view can say why they are missing.
 */
export function drawnLayers(model: tf.LayersModel): {
  readonly drawn: readonly DrawnLayer[];
  readonly leftOut: readonly LeftOutLayer[];
} {
  const drawn: DrawnLayer[] = [];
  const leftOut: LeftOutLayer[] = [];
  for (const layer of model.layers) {
    const kerasClass = layer.getClassName();
    const skip = INSIGHT_NOT_DRAWN.get(kerasClass);
    if (skip) {
      if (kerasClass !== 'InputLayer') leftOut.push({ name: layer.name, kerasClass, reason: skip });
      continue;
    }
    const out = singleOutput(layer);
    if (out && insightDraws(kerasClass, out.shape))
      drawn.push({ layer, name: layer.name, kerasClass });
    else
      leftOut.push({
        name: layer.name,
        kerasClass,
        reason: out
          ? 'its output is neither feature maps nor a vector'
          : 'it is used more than once',
      });
  }
  return { drawn, leftOut };
}
