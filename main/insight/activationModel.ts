import * as tf from '@tensorflow/tfjs';
import type { LeftOutLayer } from '../../shared/api/backendApi';
import { drawnLayers } from './drawnLayers';

/** A model answering the class probabilities and every drawn layer's output in one pass. */
export interface ActivationModel {
  readonly model: tf.LayersModel;
  /** Each drawn layer's name, Keras class and the index of its output among the model's outputs, in model order. */
  readonly layers: readonly {
    readonly name: string;
    readonly kerasClass: string;
    readonly output: number;
  }[];
  /** The layers not drawn, and why. */
  readonly leftOut: readonly LeftOutLayer[];
}

// Keyed by the trained model: the multi-output model shares its layers (and so its weights, even
// while they keep training), so it is built once per model, not once per stroke of the pen.
const cache = new WeakMap<tf.LayersModel, ActivationModel>();

/** The multi-output view of `model`, built on first use and cached. */
export function activationModel(model: tf.LayersModel): ActivationModel {
  const cached = cache.get(model);
  if (cached) return cached;
  const { drawn, leftOut } = drawnLayers(model);
  // Index 0 is the probabilities. A layer that is already an output (the last Dense) is not
  // listed twice: tfjs's predict cannot gather two copies of one output.
  const outputs: tf.SymbolicTensor[] = [...model.outputs];
  const layers = drawn.map(({ layer, name, kerasClass }) => {
    const out = layer.output as tf.SymbolicTensor;
    let at = outputs.indexOf(out);
    if (at < 0) at = outputs.push(out) - 1;
    return { name, kerasClass, output: at };
  });
  const built = { model: tf.model({ inputs: model.inputs, outputs }), layers, leftOut };
  cache.set(model, built);
  return built;
}
