import type { GraphReport } from '../graph/inferGraph';
import type { Graph } from '../graph/types';
import { layerDef, resolveParams } from '../layers/catalogue';
import { explainLayer, type LayerArithmetic } from './explainLayer';

/**
 * The arithmetic of every block whose shape and count the graph core could infer, keyed by
 * node id. Blocks with an error (here or upstream) have no entry: there is nothing to explain.
 */
export function explainGraph(graph: Graph, report: GraphReport): ReadonlyMap<string, LayerArithmetic> {
  const out = new Map<string, LayerArithmetic>();
  for (const node of graph.nodes) {
    const r = report.nodes.get(node.id);
    const def = layerDef(node.type);
    if (!r?.outputShape || !r.params || !def) continue;
    out.set(node.id, explainLayer({ type: node.type, params: resolveParams(def, node.params).values, inputShapes: r.inputShapes, outputShape: r.outputShape, count: r.params }));
  }
  return out;
}
