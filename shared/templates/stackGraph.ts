import type { Graph, LayerNode, ParamValue } from '../graph/types';
import { LAYOUT_SPACING } from '../keras/layeredLayout';
import { layerNamer } from '../layers/layerNamer';

/** One layer of a network: a local key, Keras class, params, and the keys feeding it (in order). */
export type NetLayer = readonly [
  key: string,
  type: string,
  params?: Readonly<Record<string, ParamValue>>,
  inputs?: readonly string[],
];

/** One layer of a stack: Keras class and params. */
export type StackLayer = readonly [type: string, params?: Readonly<Record<string, ParamValue>>];

/**
 * Builds a graph from a short list: the one graph builder of templates, tests and benchmarks.
 * A layer without `inputs` is fed by the one listed before it (an InputLayer by nothing).
 * Layers are named as Keras names them automatically (`conv2d`, `conv2d_1`, ...), ids equal
 * names, laid out top to bottom in list order.
 */
export function netGraph(layers: readonly NetLayer[]): Graph {
  const nameOf = new Map<string, string>();
  const name = layerNamer();
  const nodes: LayerNode[] = layers.map(([key, type, params = {}], i) => {
    const id = name(type);
    nameOf.set(key, id);
    return {
      id,
      type,
      name: id,
      params: { ...params },
      position: { x: 0, y: i * LAYOUT_SPACING.y },
    };
  });
  const edges = layers.flatMap(([, type, , inputs], i) => {
    const from = inputs ?? (type === 'InputLayer' || i === 0 ? [] : [layers[i - 1]?.[0] ?? '']);
    return from.map((k) => ({ source: nameOf.get(k) ?? k, target: nodes[i]?.id ?? '' }));
  });
  return { nodes, edges: edges.map((e, i) => ({ id: `e${i}`, ...e })) };
}

/** A plain stack of layers (the first an InputLayer), each fed by the one before: {@link netGraph} without keys. */
export function stackGraph(layers: readonly StackLayer[]): Graph {
  return netGraph(layers.map(([type, params], i) => [String(i), type, params]));
}
