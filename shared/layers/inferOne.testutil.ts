import { explainGraph } from '../explain/explainGraph';
import { inferGraph } from '../graph/inferGraph';
import type { ParamValue } from '../graph/types';
import { stackGraph } from '../templates/stackGraph';

/**
 * One layer of `type` after an Input of `input`, as the graph core sees it: its automatic
 * name, output shape, parameter count, the issues it raised and the arithmetic a learner reads.
 */
export function inferOne(
  input: readonly number[],
  type: string,
  params: Record<string, ParamValue> = {},
) {
  const graph = stackGraph([
    ['InputLayer', { shape: [...input] }],
    [type, params],
  ]);
  const report = inferGraph(graph);
  const node = graph.nodes[1];
  if (!node) throw new Error('no layer');
  const r = report.nodes.get(node.id);
  return {
    name: node.name,
    shape: r?.outputShape,
    params: r?.params,
    issues: report.issues.filter((i) => i.nodeId === node.id),
    arithmetic: explainGraph(graph, report).get(node.id)?.text ?? '',
  };
}
