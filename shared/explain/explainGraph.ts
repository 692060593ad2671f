import type { GraphReport, NodeReport } from '../graph/inferGraph';
import type { Graph, LayerNode } from '../graph/types';
import { layerDef, resolveParams } from '../layers/catalogue';
import { explainLayer, type LayerArithmetic } from './explainLayer';

/** The arithmetic of one block, or nothing when its shape or count could not be inferred. */
export function explainNode(
  node: LayerNode,
  report: NodeReport | undefined,
): LayerArithmetic | undefined {
  const def = layerDef(node.type);
  if (!report?.outputShape || !report.params || !def) return undefined;
  return explainLayer(def, {
    params: resolveParams(def, node.params).values,
    inputShapes: report.inputShapes,
    outputShape: report.outputShape,
    count: report.params,
  });
}

/**
 * The arithmetic of every block whose shape and count the graph core could infer, keyed by
 * node id. Blocks with an error (here or upstream) have no entry: there is nothing to explain.
 */
export function explainGraph(
  graph: Graph,
  report: GraphReport,
): ReadonlyMap<string, LayerArithmetic> {
  const out = new Map<string, LayerArithmetic>();
  for (const node of graph.nodes) {
    const arithmetic = explainNode(node, report.nodes.get(node.id));
    if (arithmetic) out.set(node.id, arithmetic);
  }
  return out;
}
