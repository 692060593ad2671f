import type { ParamValue } from '../graph/types';
import type { LayerType } from '../layers/catalogue';
import { LAYER_TYPES, layerDef, resolveParams } from '../layers/catalogue';
import type { JsonObject } from './jsonValue';
import { show } from './jsonValue';
import { KerasImportError } from './kerasImportError';

/** One layer entry of a model file, before its config is understood. */
export interface RawLayer {
  /** `layers[3]`: where the entry sits, for messages. */
  readonly path: string;
  readonly name: string;
  readonly className: string;
  readonly config: JsonObject;
  /** Where a config field sits in the file; `${path}.config.${field}` unless set. */
  readonly fieldPath?: (field: string) => string;
}

/** A layer as NetCanvas holds it: catalogue type and complete, validated params. */
export interface ReadLayer {
  readonly type: LayerType;
  readonly params: Record<string, ParamValue>;
  /** BatchNormalization's `axis` as written (checked once input ranks are known); undefined elsewhere. */
  readonly axis?: number;
}

/** Other names Keras accepts for the same classes. */
const ALIASES: Readonly<Record<string, LayerType>> = {
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
};

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

const fieldPathOf = (raw: RawLayer) =>
  raw.fieldPath ?? ((field: string) => `${raw.path}.config.${field}`);

/**
 * Turns one Keras layer config (Keras 2, Keras 3 or tfjs) into catalogue params. Fields Keras writes
 * that do not change shapes or counts (initializers, regularizers, constraints, `trainable`,
 * `dtype` in any form, `data_format: "channels_last"`) are accepted and dropped; settings NetCanvas
 * cannot represent (`channels_first`, grouped convolutions, `keepdims`, LoRA, batch renorm) are refused.
 * Throws KerasImportError naming the layer and the exact field.
 */
export function readKerasLayer(raw: RawLayer): ReadLayer {
  const type = ALIASES[raw.className] ?? raw.className;
  const def = layerDef(type);
  const at = fieldPathOf(raw);
  const fail = (field: string, reason: string) => new KerasImportError(at(field), reason, raw.name);
  if (!def) {
    const reason = MODEL_CLASSES.has(raw.className)
      ? `a model inside a model ("${raw.className}") is not supported; rebuild it as one flat model`
      : `unknown layer class "${raw.className}"; NetCanvas knows ${LAYER_TYPES.join(', ')}`;
    throw new KerasImportError(raw.path, reason, raw.name);
  }
  refuseUnsupported(raw.config, fail);
  const c = raw.config;
  const shapeField = def.kerasClass === 'InputLayer' ? inputShapeField(c, fail) : undefined;
  const params = def.fromKeras ? def.fromKeras(c) : pick(c, Object.keys(def.params));
  const { values, errors } = resolveParams(def, params);
  const first = errors[0];
  if (first) {
    const field =
      shapeField ??
      (def.kerasClass === 'LeakyReLU' && !('alpha' in c) ? 'negative_slope' : first.param);
    throw fail(field, reason(first.param, first.message));
  }
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(values))
    out[k] = Array.isArray(v) ? [...(v as number[])] : (v as ParamValue);
  // Keras writes pooling strides out in full; keep them explicit so export → import is stable.
  if ('pool_size' in out && out.strides === null) out.strides = out.pool_size ?? null;
  return {
    type: def.kerasClass as LayerType,
    params: out,
    ...(def.kerasClass === 'BatchNormalization' ? { axis: bnAxis(c, fail) } : {}),
  };
}

function pick(c: JsonObject, keys: readonly string[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const k of keys) if (Object.hasOwn(c, k)) out[k] = c[k] as ParamValue;
  return out;
}

/** `units must be a whole number, got "ten"` → `expected a whole number, got "ten"`. */
function reason(param: string, problem: string): string {
  const rest = problem.startsWith(`${param} `) ? problem.slice(param.length + 1) : problem;
  return rest.replace(/^must be /, 'expected ');
}

type Fail = (field: string, reason: string) => KerasImportError;

function refuseUnsupported(c: JsonObject, fail: Fail): void {
  const df = c.data_format;
  if (df !== undefined && df !== null && df !== 'channels_last')
    throw fail(
      'data_format',
      `${show(df)} is not supported: NetCanvas works channels-last, images as (height, width, channels); save the model with data_format="channels_last"`,
    );
  if (c.groups !== undefined && c.groups !== 1)
    throw fail(
      'groups',
      `grouped convolutions (groups=${show(c.groups)}) are not supported; only groups=1`,
    );
  if (c.keepdims === true)
    throw fail(
      'keepdims',
      'keepdims=true is not supported; NetCanvas global pooling gives one number per channel',
    );
  if (c.lora_rank !== undefined && c.lora_rank !== null)
    throw fail('lora_rank', 'LoRA layers are not supported');
  if (c.renorm === true) throw fail('renorm', 'batch renormalization is not supported');
  if (c.rms_scaling === true)
    throw fail(
      'rms_scaling',
      'RMS scaling (Keras 3 LayerNormalization) is not supported; only rms_scaling=false',
    );
}

/** Which field holds an InputLayer's shape, after checking every size but the batch is fixed. */
function inputShapeField(c: JsonObject, fail: Fail): string {
  const field = ['batch_input_shape', 'batch_shape', 'input_shape', 'shape'].find((f) =>
    Array.isArray(c[f]),
  );
  if (!field)
    throw fail(
      'batch_input_shape',
      'an InputLayer needs its shape, like "batch_input_shape": [null, 28, 28, 1]',
    );
  const dims = c[field] as unknown[];
  const sizes = field.startsWith('batch') ? dims.slice(1) : dims;
  if (sizes.length === 0)
    throw fail(field, `expected at least one size after the batch, got ${show(dims)}`);
  if (sizes.some((d) => d === null))
    throw fail(
      field,
      `NetCanvas needs a fixed size on every axis but the batch, got ${show(dims)}`,
    );
  return field;
}

/** BatchNormalization's axis: Keras 2 writes `[3]` once built, tfjs and Keras 3 `-1`. */
function bnAxis(c: JsonObject, fail: Fail): number {
  const a: unknown = c.axis ?? -1;
  const axis = Array.isArray(a) && a.length === 1 ? (a[0] as unknown) : a;
  if (typeof axis !== 'number' || !Number.isInteger(axis))
    throw fail(
      'axis',
      `expected the channel axis (-1), got ${show(a)}; NetCanvas normalises one axis, the last`,
    );
  return axis;
}
