import type { Graph, LayerNode, ParamValue } from '../graph/types';
import { layerDef } from '../layers/catalogue';
import { LAYOUT_SPACING } from '../keras/layeredLayout';

/** One layer of a stack: Keras class and params. */
export type StackLayer = readonly [type: string, params?: Readonly<Record<string, ParamValue>>];

/**
 * A plain stack of layers (the first an InputLayer), named as Keras names them automatically
 * (`conv2d`, `conv2d_1`, `max_pooling2d`, ...), ids equal to names, laid out top to bottom.
 */
export function stackGraph(layers: readonly StackLayer[]): Graph {
  const counts = new Map<string, number>();
  const nodes: LayerNode[] = layers.map(([type, params = {}], i) => {
    const base = layerDef(type)?.namePrefix ?? type.toLowerCase();
    const k = counts.get(base) ?? 0;
    counts.set(base, k + 1);
    const name = k === 0 ? base : `${base}_${k}`;
    return { id: name, type, name, params: { ...params }, position: { x: 0, y: i * LAYOUT_SPACING.y } };
  });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]?.id ?? '', target: n.id }));
  return { nodes, edges };
}
