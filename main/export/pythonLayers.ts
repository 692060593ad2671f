// One canvas block as a line of Keras Python: `layers.Conv2D(32, (3, 3), activation="relu", name="conv2d")`.
// Written from the block's resolved Keras parameters, so the script's architecture and parameter
// count are the canvas's.
import type { LayerNode, ParamValue } from '../../shared/graph/types';
import { layerDef, resolveParams } from '../../shared/layers/catalogue';
import { nestedSides } from '../../shared/layers/params';
import { pyValue } from '../../shared/export/pyValue';

export { pyValue };

/** Arguments Keras takes positionally and that the tutorials always write, per class. */
export const POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  Dense: ['units'],
  Conv2D: ['filters', 'kernel_size'],
  MaxPooling2D: ['pool_size'],
  AveragePooling2D: ['pool_size'],
  Dropout: ['rate'],
  Reshape: ['target_shape'],
  Activation: ['activation'],
  Rescaling: ['scale'],
  GaussianNoise: ['stddev'],
  GaussianDropout: ['rate'],
  DepthwiseConv2D: ['kernel_size'],
  SeparableConv2D: ['filters', 'kernel_size'],
  Conv2DTranspose: ['filters', 'kernel_size'],
  SpatialDropout2D: ['rate'],
};

/** Where Keras 3's Python names differ from the Keras 2 / tfjs config names the project stores. */
export const PYTHON_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  LeakyReLU: { alpha: 'negative_slope' },
};

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The Keras constructor call for one block (not applied to an input), e.g.
 * `layers.Dense(10, activation="softmax", name="dense_1")`. Parameters left at Keras's defaults
 * are omitted, as a person would write it; the name is kept so summaries match the canvas.
 */
export function pythonLayer(node: LayerNode): string {
  const def = layerDef(node.type);
  if (!def) throw new Error(`internal: cannot write unknown layer type "${node.type}" as Python`);
  const { values } = resolveParams(def, node.params);
  const positional = POSITIONAL[def.kerasClass] ?? [];
  const rename = PYTHON_NAMES[def.kerasClass] ?? {};
  const args: string[] = positional.map((p) => pyValue(values[p]));
  for (const [param, spec] of Object.entries(def.params)) {
    if (positional.includes(param)) continue;
    const value = values[param] as ParamValue;
    if (sameValue(value, spec.default)) continue;
    // Four sides as Keras writes them: ((top, bottom), (left, right)).
    const written =
      spec.kind === 'sides' ? nestedSides(value as Parameters<typeof nestedSides>[0]) : value;
    args.push(`${rename[param] ?? param}=${pyValue(written)}`);
  }
  args.push(`name=${pyValue(node.name)}`);
  return `layers.${def.kerasClass}(${args.join(', ')})`;
}

/** `keras.Input(shape=(28, 28, 1), name="input_layer")` for an Input block. */
export function pythonInput(node: LayerNode): string {
  const def = layerDef(node.type);
  const shape = def ? resolveParams(def, node.params).values.shape : node.params.shape;
  return `keras.Input(shape=${pyValue(shape)}, name=${pyValue(node.name)})`;
}
