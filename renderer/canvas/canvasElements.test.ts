import { describe, expect, it } from 'vitest';
import { explainGraph, explainNode } from '../../shared/explain/explainGraph';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { Graph, LayerNode } from '../../shared/graph/types';
import { stackGraph } from '../../shared/templates/stackGraph';
import type { StackLayer } from '../../shared/templates/stackGraph';
import { canvasElements, NO_ELEMENTS } from './canvasElements';
import { edgeFormula } from './ShapeEdge';

/** input_layer → dense → dense_1 → …, each Dense with `units` (ids are the Keras names). */
const chain = (units: readonly number[]): Graph =>
  stackGraph([
    ['InputLayer', { shape: [8] }],
    ...units.map((u): StackLayer => ['Dense', { units: u }]),
  ]);

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
    const after = elements(withParams(graph, 'dense', { units: 32 }), before);
    // Only dense's settings changed, and dense_1's shapes: a block reads both itself.
    expect(after.nodes.map((n, i) => n === before.nodes[i])).toEqual([true, true, true, true]);
    // A wire is new when its shape changed.
    expect(after.edges.map((e, i) => e === before.edges[i])).toEqual([true, false, true]);
    // A new name is the node's own (the wires are named after it): a new node and new wires.
    const renamed = elements(
      {
        ...graph,
        nodes: graph.nodes.map((n) => (n.id === 'dense' ? { ...n, name: 'hidden' } : n)),
      },
      before,
    );
    expect(renamed.nodes.map((n, i) => n === before.nodes[i])).toEqual([true, false, true, true]);
    expect(renamed.edges.map((e) => e.ariaLabel)).toEqual([
      'input_layer to hidden, (None, 8)',
      'hidden to dense_1, (None, 16)',
      'dense_1 to dense_2, (None, 4)',
    ]);
  });

  it('hands React Flow no new block when an upstream error turns the blocks below to ?, only new wire labels', () => {
    const graph = chain([16, 4, 4]);
    const before = elements(graph);
    const after = elements(withParams(graph, 'dense', { units: '' }), before);
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges.filter((e, i) => e !== before.edges[i]).map((e) => e.ariaLabel)).toEqual([
      'dense to dense_1',
      'dense_1 to dense_2',
    ]);
  });

  it('returns the same arrays when nothing changed, so React Flow does not re-process 300 blocks', () => {
    const graph = chain([16, 4]);
    const before = elements(graph);
    const after = elements({ ...graph }, before);
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges).toBe(before.edges);
  });

  it('makes a new object for a block whose selection changed', () => {
    const graph = chain([16, 4]);
    const before = elements(graph);
    const after = elements(graph, before, new Set(['dense_1', 'e0']));
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
      expect(explainNode(n.data.layer, report.nodes.get(n.id))?.text).toBe(all.get(n.id)?.text);
    const wire = edges[0]?.data;
    const input = graph.nodes.find((n) => n.id === 'input_layer');
    expect(wire && edgeFormula(wire.shape, input, report.nodes.get('input_layer'))).toBe(
      all.get('input_layer')?.text,
    );
  });

  it('gives a new block object its measured size, so React Flow does not hide and measure it again', () => {
    const graph = chain([16, 4]);
    const before = elements(graph);
    const edited = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === 'dense' ? { ...n, name: 'hidden' } : n)),
    };
    const size = { width: 220, height: 64 };
    const after = canvasElements(
      edited,
      inferGraph(edited),
      new Map(),
      new Set(),
      before,
      new Map([['dense', size]]),
    );
    expect(after.nodes[1]?.measured).toEqual(size);
  });

  it('names each wire from its layers and shape, and marks a wire its target rejects with the reason', () => {
    const graph = stackGraph([
      ['InputLayer', { shape: [8] }],
      ['Dense', { units: 4 }],
      ['Conv2D', { filters: 2 }],
    ]);
    const { edges } = elements(graph);
    expect(edges.map((e) => e.ariaLabel)).toEqual([
      'input_layer to dense, (None, 8)',
      'dense to conv2d, (None, 4)',
    ]);
    expect(edges[0]?.data?.problem).toBeUndefined();
    expect(edges[1]?.data?.problem).toMatch(/conv2d/i);
  });

  it('draws the blocks below a block grown by its problem lower, and routes a skip wire beside them', () => {
    const graph = chain([16, 4, 4]);
    const tall = new Map([['dense', { width: 240, height: 200 }]]);
    const { nodes } = canvasElements(
      graph,
      inferGraph(graph),
      new Map(),
      new Set(),
      NO_ELEMENTS,
      tall,
    );
    const y = (id: string) => nodes.find((n) => n.id === id)?.position.y ?? NaN;
    const stored = (id: string) => graph.nodes.find((n) => n.id === id)?.position.y ?? NaN;
    expect(y('dense')).toBe(stored('dense'));
    expect(y('dense_1')).toBeGreaterThanOrEqual(y('dense') + 200);
    expect(y('dense_2')).toBeGreaterThan(y('dense_1'));
    const skip = {
      ...graph,
      edges: [...graph.edges, { id: 'skip', source: 'input_layer', target: 'dense_2' }],
    };
    const wires = elements(skip).edges;
    expect(wires.find((e) => e.id === 'skip')?.data?.lane).toBeGreaterThan(240);
    expect(wires.find((e) => e.id !== 'skip' && e.data?.lane !== undefined)).toBeUndefined();
  });
});
