import type { ParamValue } from '../graph/types';
import { activationLayer } from './activationLayer';
import { add } from './add';
import { batchNormalization } from './batchNormalization';
import { concatenate } from './concatenate';
import { conv2d } from './conv2d';
import type { AnyLayerDef, LayerFamily } from './defineLayer';
import { dense } from './dense';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { globalAveragePooling2d, globalMaxPooling2d } from './globalPooling2d';
import { inputLayer } from './inputLayer';
import { leakyRelu } from './leakyRelu';
import { normaliseParam } from './params';
import { averagePooling2d, maxPooling2d } from './pooling2d';
import { reshape } from './reshape';
import { layerNormalization } from './layerNormalization';
import { rescaling } from './rescaling';
import { relu } from './relu';
import { elu } from './elu';
import { prelu } from './prelu';
import { softmax } from './softmax';
import { gaussianNoise } from './gaussianNoise';
import { gaussianDropout } from './gaussianDropout';
import { average, maximum, minimum, multiply, subtract } from './merges';
import { conv2dTranspose } from './conv2dTranspose';
import { cropping2d } from './cropping2d';
import { depthwiseConv2d } from './depthwiseConv2d';
import { separableConv2d } from './separableConv2d';
import { spatialDropout2d } from './spatialDropout2d';
import { zeroPadding2d } from './zeroPadding2d';
import { upSampling2d } from './upSampling2d';

/** Every layer NetCanvas knows, keyed by Keras class name, in palette order. */
export const LAYERS = {
  InputLayer: inputLayer,
  Conv2D: conv2d,
  MaxPooling2D: maxPooling2d,
  AveragePooling2D: averagePooling2d,
  GlobalAveragePooling2D: globalAveragePooling2d,
  GlobalMaxPooling2D: globalMaxPooling2d,
  Flatten: flatten,
  Reshape: reshape,
  Dense: dense,
  Dropout: dropout,
  BatchNormalization: batchNormalization,
  Activation: activationLayer,
  LeakyReLU: leakyRelu,
  Add: add,
  Concatenate: concatenate,
  LayerNormalization: layerNormalization,
  Rescaling: rescaling,
  ReLU: relu,
  ELU: elu,
  PReLU: prelu,
  Softmax: softmax,
  GaussianNoise: gaussianNoise,
  GaussianDropout: gaussianDropout,
  Multiply: multiply,
  Average: average,
  Maximum: maximum,
  Minimum: minimum,
  Subtract: subtract,
  DepthwiseConv2D: depthwiseConv2d,
  SeparableConv2D: separableConv2d,
  Conv2DTranspose: conv2dTranspose,
  ZeroPadding2D: zeroPadding2d,
  Cropping2D: cropping2d,
  SpatialDropout2D: spatialDropout2d,
  UpSampling2D: upSampling2d,
} as const satisfies Record<string, { kerasClass: string }>;

export type LayerType = keyof typeof LAYERS;

export const LAYER_TYPES = Object.keys(LAYERS) as LayerType[];

/** Every layer family, in palette order. */
export const FAMILIES: readonly LayerFamily[] = [
  'Input',
  'Convolution',
  'Pooling',
  'Dense',
  'Reshaping',
  'Regularization',
  'Normalization',
  'Activation',
  'Merging',
];

/** The definition for a Keras class name, or undefined for a layer NetCanvas does not know. */
export function layerDef(type: string): AnyLayerDef | undefined {
  return Object.hasOwn(LAYERS, type)
    ? (LAYERS[type as LayerType] as unknown as AnyLayerDef)
    : undefined;
}

/** Default parameter values of a layer type, as they appear in a project file. */
export function defaultParams(type: LayerType): Record<string, ParamValue> {
  const def = layerDef(type);
  const out: Record<string, ParamValue> = {};
  if (!def) return out;
  for (const [k, spec] of Object.entries(def.params)) out[k] = spec.default;
  return out;
}

/** One parameter that could not be used, for messages. */
export interface ParamError {
  readonly param: string;
  readonly message: string;
  readonly unknown: boolean;
}

/** Validates raw params against a definition: defaults filled in, errors per parameter. */
export function resolveParams(
  def: AnyLayerDef,
  raw: Readonly<Record<string, ParamValue>>,
): { values: Record<string, unknown>; errors: ParamError[] } {
  const values: Record<string, unknown> = {};
  const errors: ParamError[] = [];
  for (const [name, spec] of Object.entries(def.params)) {
    const r = normaliseParam(name, spec, Object.hasOwn(raw, name) ? raw[name] : undefined);
    if ('problem' in r) {
      errors.push({ param: name, message: r.problem, unknown: false });
      values[name] = spec.default;
    } else values[name] = r.value;
  }
  for (const name of Object.keys(raw))
    if (!Object.hasOwn(def.params, name))
      errors.push({
        param: name,
        unknown: true,
        message: `${def.kerasClass} has no parameter "${name}"${Object.keys(def.params).length ? ` (it has: ${Object.keys(def.params).join(', ')})` : ''}`,
      });
  return { values, errors };
}
