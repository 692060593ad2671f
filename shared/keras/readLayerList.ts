import type { InboundRef } from './inboundSources';
import { inboundSources } from './inboundSources';
import type { JsonObject } from './jsonValue';
import { isObject, show } from './jsonValue';
import { layerNamer } from '../layers/layerNamer';
import { KerasImportError } from './kerasImportError';
import type { RawLayer } from './readKerasLayer';

/** The layers of a model file in file order, each with the layers feeding it. */
export interface LayerList {
  readonly layers: readonly RawLayer[];
  readonly inbound: readonly (readonly InboundRef[])[];
}

/** More layers than any network a learner draws; keeps a hostile file from taking long. */
export const MAX_LAYERS = 5000;

function layerArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value))
    throw new KerasImportError(path, `expected a list of layers, got ${show(value)}`);
  if (value.length === 0) throw new KerasImportError(path, 'the model has no layers');
  if (value.length > MAX_LAYERS)
    throw new KerasImportError(
      path,
      `${value.length} layers is more than the ${MAX_LAYERS} NetCanvas opens`,
    );
  return value;
}

/** Class, config and name of one entry; Keras 2 keeps the name in config, functional entries also beside it. */
function entry(
  e: unknown,
  i: number,
): { className: string; config: JsonObject; name: string | undefined; raw: JsonObject } {
  const path = `layers[${i}]`;
  if (!isObject(e)) throw new KerasImportError(path, `expected a layer object, got ${show(e)}`);
  if (typeof e.class_name !== 'string')
    throw new KerasImportError(
      `${path}.class_name`,
      `expected a layer class name, got ${show(e.class_name)}`,
    );
  if (!isObject(e.config))
    throw new KerasImportError(`${path}.config`, `expected an object, got ${show(e.config)}`);
  const name = e.name ?? e.config.name;
  if (
    name !== undefined &&
    name !== null &&
    (typeof name !== 'string' || name === '' || name.length > 200)
  )
    throw new KerasImportError(`${path}.name`, `expected a layer name, got ${show(name)}`);
  return {
    className: e.class_name,
    config: e.config,
    name: typeof name === 'string' ? name : undefined,
    raw: e,
  };
}

function uniqueNames(layers: readonly RawLayer[]): void {
  const seen = new Set<string>();
  for (const l of layers) {
    if (seen.has(l.name))
      throw new KerasImportError(
        `${l.path}.name`,
        `two layers are named "${l.name}"; Keras layer names are unique`,
      );
    seen.add(l.name);
  }
}

/** A batch shape `[null, ...]` from wherever a Sequential model without an InputLayer keeps it. */
function sequentialInput(
  first: ReturnType<typeof entry>,
  config: JsonObject,
): { shape: unknown; path: string } | undefined {
  const c = first.config;
  if (c.batch_input_shape != null)
    return { shape: c.batch_input_shape, path: 'layers[0].config.batch_input_shape' };
  if (Array.isArray(c.input_shape))
    return { shape: [null, ...(c.input_shape as unknown[])], path: 'layers[0].config.input_shape' };
  const build = first.raw.build_config;
  if (isObject(build) && build.input_shape != null)
    return { shape: build.input_shape, path: 'layers[0].build_config.input_shape' };
  if (config.build_input_shape != null)
    return { shape: config.build_input_shape, path: 'build_input_shape' };
  return undefined;
}

/**
 * A `Sequential` model's layers: Keras 2 / tfjs (`batch_input_shape` on the first layer, or an
 * InputLayer entry), Keras ≤ 2.1 (config is the list itself) and Keras 3 (`build_config`). Without an
 * InputLayer one is made, named as Keras names it (`conv2d_input`).
 */
export function readSequentialLayers(config: unknown): LayerList {
  const list = layerArray(
    Array.isArray(config) ? config : isObject(config) ? config.layers : undefined,
    'layers',
  );
  const entries = list.map(entry);
  const autoName = layerNamer();
  const layers: RawLayer[] = entries.map((e, i) => {
    if (e.className === 'InputLayer' && i > 0)
      throw new KerasImportError(
        `layers[${i}]`,
        'an InputLayer can only be the first layer of a Sequential model',
        e.name,
      );
    return {
      path: `layers[${i}]`,
      name: e.name ?? autoName(e.className),
      className: e.className,
      config: e.config,
    };
  });
  const first = entries[0];
  const firstLayer = layers[0];
  if (first && firstLayer && first.className !== 'InputLayer') {
    const input = sequentialInput(first, isObject(config) ? config : {});
    if (!input)
      throw new KerasImportError(
        'layers[0]',
        'the first layer has no batch_input_shape, so the input size is unknown; add an InputLayer (keras.Input) to the model',
        firstLayer.name,
      );
    const taken = new Set(layers.map((l) => l.name));
    let name = `${firstLayer.name}_input`;
    for (let k = 1; taken.has(name); k++) name = `${firstLayer.name}_input_${k}`;
    layers.unshift({
      path: 'layers[0]',
      name,
      className: 'InputLayer',
      config: { batch_input_shape: input.shape },
      fieldPath: () => input.path,
    });
  }
  uniqueNames(layers);
  return {
    layers,
    inbound: layers.map((_l, i) =>
      i === 0 ? [] : [{ name: layers[i - 1]?.name ?? '', path: layers[i]?.path ?? '' }],
    ),
  };
}

/** `["input_1", 0, 0]`, or a list / dict of them (Keras 3 writes a single input unwrapped). */
function tensorRefs(value: unknown, path: string): { name: string; path: string }[] {
  const isLeaf = (v: unknown): v is [string, ...unknown[]] =>
    Array.isArray(v) && v.length >= 3 && typeof v[0] === 'string';
  if (isLeaf(value)) return [{ name: value[0], path }];
  const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : undefined;
  if (!items || items.length === 0)
    throw new KerasImportError(
      path,
      `expected a list like [["input_1", 0, 0]], got ${show(value)}`,
    );
  return items.map((v, i) => {
    if (!isLeaf(v))
      throw new KerasImportError(`${path}[${i}]`, `expected ["layer_name", 0, 0], got ${show(v)}`);
    return { name: v[0], path: `${path}[${i}]` };
  });
}

/**
 * A functional model's layers (`Model`/`Functional`, Keras 2, Keras 3 or tfjs) with their
 * inbound nodes, after checking that every reference (inbound nodes, input_layers, output_layers)
 * names a layer of the file.
 */
export function readFunctionalLayers(config: unknown): LayerList {
  if (!isObject(config))
    throw new KerasImportError('config', `expected an object, got ${show(config)}`);
  const entries = layerArray(config.layers, 'layers').map(entry);
  const layers: RawLayer[] = entries.map((e, i) => {
    if (e.name === undefined)
      throw new KerasImportError(`layers[${i}].name`, 'a functional model layer needs a name');
    return { path: `layers[${i}]`, name: e.name, className: e.className, config: e.config };
  });
  uniqueNames(layers);
  const byName = new Map(layers.map((l) => [l.name, l]));
  const inbound = entries.map((e, i) => {
    const layer = layers[i] as RawLayer;
    const refs = inboundSources(e.raw.inbound_nodes, `${layer.path}.inbound_nodes`, layer.name);
    for (const r of refs)
      if (!byName.has(r.name))
        throw new KerasImportError(r.path, `refers to missing layer "${r.name}"`, layer.name);
    return refs;
  });
  for (const r of tensorRefs(config.input_layers, 'input_layers')) {
    const l = byName.get(r.name);
    if (!l) throw new KerasImportError(r.path, `refers to missing layer "${r.name}"`);
    if (l.className !== 'InputLayer')
      throw new KerasImportError(
        r.path,
        `model inputs must be InputLayers, but "${r.name}" is a ${l.className}`,
      );
  }
  for (const r of tensorRefs(config.output_layers, 'output_layers'))
    if (!byName.has(r.name))
      throw new KerasImportError(r.path, `refers to missing layer "${r.name}"`);
  return { layers, inbound };
}
