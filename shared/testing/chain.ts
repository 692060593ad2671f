import type { Graph, LayerNode, ParamValue } from '../graph/types';
import { layerDef } from '../layers/catalogue';

/** A layer in a test chain: Keras class and params, optionally a fixed name. */
export type ChainLayer = readonly [type: string, params?: Record<string, ParamValue>, name?: string];

/**
 * Builds a straight chain graph (Input first) for tests and benchmarks, naming layers the way
 * Keras does (`dense`, `dense_1`, ...).
 */
export function chain(layers: readonly ChainLayer[]): Graph {
  const counts = new Map<string, number>();
  const nodes: LayerNode[] = layers.map(([type, params = {}, name], i) => {
    const base = layerDef(type)?.namePrefix ?? type.toLowerCase();
    const k = counts.get(base) ?? 0;
    counts.set(base, k + 1);
    return { id: `n${i}`, type, name: name ?? (k === 0 ? base : `${base}_${k}`), params, position: { x: 0, y: i * 100 } };
  });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, target: n.id }));
  return { nodes, edges };
}
