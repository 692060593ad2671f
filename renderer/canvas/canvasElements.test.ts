import { describe, expect, it } from 'vitest';
import { explainGraph, explainNode } from '../../shared/explain/explainGraph';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { Edge, Graph, LayerNode } from '../../shared/graph/types';
import { canvasElements, NO_ELEMENTS } from './canvasElements';
import { edgeFormula } from './ShapeEdge';

/** input → dense_1 → dense_2 → dense_3, each Dense with `units`. */
function chain(units: readonly number[]): Graph {
  const nodes: LayerNode[] = [
    {
      id: 'n0',
      type: 'InputLayer',
      name: 'input_layer',
      params: { shape: [8] },
      position: { x: 0, y: 0 },
    },
  ];
  const edges: Edge[] = [];
  units.forEach((u, i) => {
    nodes.push({
      id: `n${i + 1}`,
      type: 'Dense',
      name: `dense_${i + 1}`,
      params: { units: u },
      position: { x: 0, y: (i + 1) * 100 },
    });
    edges.push({ id: `e${i + 1}`, source: `n${i}`, target: `n${i + 1}` });
  });
  return { nodes, edges };
}

/** The graph with one layer's params replaced, the others' objects kept, as an edit does. */
function withParams(graph: Graph, id: string, params: LayerNode['params']): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, params } : n)) };
}

const elements = (graph: Graph, prev = NO_ELEMENTS, selected: ReadonlySet<string> = new Set()) =>
  canvasElements(graph, inferGraph(graph), new Map(), selected, prev);

describe('canvas elements', () => {
  it('keeps the objects of the blocks and wires an edit does not change', () => {
    const graph = chain([16, 4, 4]);
    const before = elements(graph);
    const after = elements(withParams(graph, 'n1', { units: 32 }), before);
    // dense_1 changed; dense_2's input (and count) changed; input_layer and dense_3 did not.
    expect(after.nodes.map((n, i) => n === before.nodes[i])).toEqual([true, false, false, true]);
    // A wire is new when its shape or its source block (whose arithmetic it explains) changed.
    expect(after.edges.map((e, i) => e === before.edges[i])).toEqual([true, false, false]);
  });

  it('makes new objects for every block an upstream error turns to ?', () => {
    const graph = chain([16, 4, 4]);
    const before = elements(graph);
    const after = elements(withParams(graph, 'n1', { units: '' }), before);
    expect(after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id)).toEqual([
      'n1',
      'n2',
      'n3',
    ]);
  });

  it('makes a new object for a block whose selection changed', () => {
    const graph = chain([16, 4]);
    const before = elements(graph);
    const after = elements(graph, before, new Set(['n2', 'e1']));
    expect(after.nodes.map((n) => n.selected)).toEqual([false, false, true]);
    expect(after.nodes.map((n, i) => n === before.nodes[i])).toEqual([true, true, false]);
    expect(after.edges.map((e) => e.selected)).toEqual([true, false]);
  });

  it('explains a block and its wire on hover as explainGraph does for the whole graph', () => {
    const graph = chain([16, 4]);
    const report = inferGraph(graph);
    const all = explainGraph(graph, report);
    const { nodes, edges } = canvasElements(graph, report, new Map(), new Set(), NO_ELEMENTS);
    for (const n of nodes)
      expect(explainNode(n.data.layer, n.data.report)?.text).toBe(all.get(n.id)?.text);
    const wire = edges[0]?.data;
    expect(wire && edgeFormula(wire)).toBe(all.get('n0')?.text);
  });

  it('gives a new block object its measured size, so React Flow does not hide and measure it again', () => {
    const graph = chain([16, 4]);
    const before = elements(graph);
    const edited = withParams(graph, 'n1', { units: 32 });
    const size = { width: 220, height: 64 };
    const after = canvasElements(
      edited,
      inferGraph(edited),
      new Map(),
      new Set(),
      before,
      new Map([['n1', size]]),
    );
    expect(after.nodes[1]?.measured).toEqual(size);
  });
});
