import * as tf from '@tensorflow/tfjs';
import type {
  LayerArithmetic,
  PlainTensor,
  StepLayerClass,
  WindowConfig,
} from '../../shared/insight/layerArithmetic';
import { STEP_LAYER_CLASSES } from '../../shared/insight/layerArithmetic';
import type { PixelScaling } from './predictWithActivations';

const pair = (v: unknown, fallback: number): [number, number] => {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && typeof v[0] === 'number')
    return [v[0], typeof v[1] === 'number' ? v[1] : v[0]];
  return [fallback, fallback];
};

/** The window settings of a Conv2D or pooling layer as tfjs holds them (the truth, not the canvas). */
function windowOf(kind: StepLayerClass, config: tf.serialization.ConfigDict): WindowConfig | null {
  if (kind === 'Dense') return null;
  const kernelSize = pair(kind === 'Conv2D' ? config['kernelSize'] : config['poolSize'], 1);
  return {
    kernelSize,
    // Keras: a pooling layer's strides default to its pool size.
    strides:
      config['strides'] === null || config['strides'] === undefined
        ? kernelSize
        : pair(config['strides'], 1),
    padding: config['padding'] === 'same' ? 'same' : 'valid',
    dilationRate: kind === 'Conv2D' ? pair(config['dilationRate'], 1) : [1, 1],
  };
}

// One two-output model (the layer's input and output) per model and layer, built on first use.
const probes = new WeakMap<tf.LayersModel, Map<string, tf.LayersModel>>();

function probe(model: tf.LayersModel, layer: tf.layers.Layer): tf.LayersModel {
  let byLayer = probes.get(model);
  if (!byLayer) probes.set(model, (byLayer = new Map<string, tf.LayersModel>()));
  let built = byLayer.get(layer.name);
  if (!built) {
    built = tf.model({
      inputs: model.inputs,
      outputs: [layer.input as tf.SymbolicTensor, layer.output as tf.SymbolicTensor],
    });
    byLayer.set(layer.name, built);
  }
  return built;
}

const plain = async (t: tf.Tensor, dropBatch: boolean): Promise<PlainTensor> => ({
  shape: dropBatch ? t.shape.slice(1) : t.shape,
  values: Array.from(await t.data()),
});

/**
 * Layer `name`'s input, output and weights for one input image, for the step-by-step view.
 * `pixels` are 0–255, height × width × channels, scaled as training scaled them.
 */
export async function readLayerArithmetic(
  model: tf.LayersModel,
  name: string,
  pixels: Uint8Array | readonly number[],
  inputShape: readonly number[],
  scaling: PixelScaling,
): Promise<LayerArithmetic> {
  const layer = model.layers.find((l) => l.name === name);
  if (!layer) throw new Error(`The model has no layer named '${name}'.`);
  const kind = layer.getClassName();
  if (!(STEP_LAYER_CLASSES as readonly string[]).includes(kind))
    throw new Error(
      `Insight redoes the arithmetic of Conv2D, pooling and Dense layers; '${name}' is a ${kind}.`,
    );
  const kerasClass = kind as StepLayerClass;
  const size = inputShape.reduce((a, b) => a * b, 1);
  if (pixels.length !== size)
    throw new Error(
      `Expected ${size} pixel values (${inputShape.join(' × ')}), got ${pixels.length}.`,
    );
  const config = layer.getConfig();
  const outputs = tf.tidy(() => {
    const x = tf
      .tensor(Float32Array.from(pixels), [1, ...inputShape], 'float32')
      .mul(scaling.multiply)
      .add(scaling.add);
    // The first layer's input is the scaled image itself: tfjs cannot list an input as an output.
    if (model.inputs.includes(layer.input as tf.SymbolicTensor))
      return [x, layer.apply(x) as tf.Tensor];
    return probe(model, layer).predict(x) as tf.Tensor[];
  });
  try {
    const [input, output] = outputs;
    if (!input || !output) throw new Error('The model returned no output.');
    const [kernel, bias] =
      kerasClass === 'Conv2D' || kerasClass === 'Dense' ? layer.getWeights() : [];
    const activation = config['activation'];
    return {
      layer: name,
      kerasClass,
      window: windowOf(kerasClass, config),
      activation: typeof activation === 'string' ? activation : 'linear',
      input: await plain(input, true),
      output: await plain(output, true),
      kernel: kernel ? await plain(kernel, false) : null,
      bias: bias ? Array.from(await bias.data()) : null,
    };
  } finally {
    tf.dispose(outputs);
  }
}
