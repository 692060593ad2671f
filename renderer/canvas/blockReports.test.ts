import { describe, expect, it } from 'vitest';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { Graph, LayerNode } from '../../shared/graph/types';
import { stackGraph } from '../../shared/templates/stackGraph';
import type { StackLayer } from '../../shared/templates/stackGraph';
import { stableReports } from './blockReports';

/** input_layer → dense → dense_1 → …, each Dense with `units` (ids are the Keras names). */
const chain = (units: readonly number[]): Graph =>
  stackGraph([
    ['InputLayer', { shape: [8] }],
    ...units.map((u): StackLayer => ['Dense', { units: u }]),
  ]);

function withParams(graph: Graph, id: string, params: LayerNode['params']): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, params } : n)) };
}

describe('stable block reports', () => {
  it('keeps the report object of every block whose shapes, count and issues an edit did not change', () => {
    const graph = chain([16, 4, 4]);
    const before = stableReports(inferGraph(graph), undefined);
    const edited = inferGraph(withParams(graph, 'dense', { units: 32 }));
    const after = stableReports(edited, before);
    const kept = (id: string) => after.nodes.get(id) === before.nodes.get(id);
    // dense: new shape; dense_1: new input and count; input_layer and dense_2 show the same.
    expect(['input_layer', 'dense', 'dense_1', 'dense_2'].map(kept)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(after.nodes.get('dense')?.outputShape).toEqual([null, 32]);
    expect(after.nodes.get('dense_1')?.params?.trainable).toBe(32 * 4 + 4);
  });

  it('gives new reports to the blocks an upstream error turns to ?, and the same result for the same report', () => {
    const graph = chain([16, 4]);
    const before = stableReports(inferGraph(graph), undefined);
    const report = inferGraph(withParams(graph, 'dense', { units: '' }));
    const after = stableReports(report, before);
    expect(after.nodes.get('dense_1')).not.toBe(before.nodes.get('dense_1'));
    expect(after.nodes.get('dense_1')?.outputShape).toBeUndefined();
    expect(stableReports(report, after)).toBe(after);
  });
});
