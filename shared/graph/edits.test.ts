import { describe, expect, it } from 'vitest';
import { chain } from '../testing/chain';
import { appendLayer, applyFix, connect, pasteNodes, removeItems, setInputShape, subgraph } from './edits';
import { inferGraph } from './inferGraph';

describe('graph edits', () => {
  it('appends a layer after the selected one, wired in and named as Keras would', () => {
    const g = chain([['InputLayer', { shape: [28, 28, 1] }], ['Conv2D', { filters: 8 }], ['Flatten']]);
    const { graph, id } = appendLayer(g, { type: 'Conv2D', params: { filters: 4 } }, 'n1');
    const added = graph.nodes.find((n) => n.id === id);
    expect(added?.name).toBe('conv2d_1');
    // conv2d → conv2d_1 → flatten: the new layer takes over conv2d's outgoing wire.
    expect(graph.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['n0>n1', `n1>${id}`, `${id}>n2`].sort());
    expect(inferGraph(graph).nodes.get('n2')?.outputShape).toEqual([null, 24 * 24 * 4]);
  });

  it('inserts Flatten between Conv2D and Dense when the learner clicks the fix', () => {
    const g = chain([['InputLayer', { shape: [28, 28, 1] }], ['Conv2D', { filters: 8 }], ['Dense', { units: 10 }]]);
    const fix = inferGraph(g).issues.find((i) => i.fix?.kind === 'insertBetween')?.fix;
    expect(fix?.label).toMatch(/Flatten/);
    if (!fix) return;
    const fixed = applyFix(g, fix);
    const report = inferGraph(fixed);
    expect(report.issues.filter((i) => i.fix?.kind === 'insertBetween')).toEqual([]);
    expect(report.nodes.get('n2')?.outputShape).toEqual([null, 10]);
    expect(report.totals.total).toBe(80 + 26 * 26 * 8 * 10 + 10);
  });

  it('refuses a wire to the same layer or a duplicate wire', () => {
    const g = chain([['InputLayer', { shape: [4] }], ['Dense']]);
    expect(connect(g, 'n1', 'n1')).toBeNull();
    expect(connect(g, 'n0', 'n1')).toBeNull();
  });

  it('deletes layers with their wires, and pastes copies with fresh ids and names', () => {
    const g = chain([['InputLayer', { shape: [4] }], ['Dense', { units: 3 }], ['Dense', { units: 2 }]]);
    const copied = subgraph(g, new Set(['n1', 'n2']));
    const pasted = pasteNodes(g, copied, { x: 300, y: 0 });
    expect(pasted.graph.nodes.map((n) => n.name)).toEqual(['input_layer', 'dense', 'dense_1', 'dense_2', 'dense_3']);
    expect(pasted.graph.edges).toHaveLength(3);
    const removed = removeItems(pasted.graph, new Set(['n1']));
    expect(removed.edges.map((e) => `${e.source}>${e.target}`)).not.toContain('n0>n1');
    expect(removed.nodes).toHaveLength(4);
  });

  it('setInputShape gives the Input layer the data set\'s sample shape and leaves the rest', () => {
    const g = chain([['InputLayer', { shape: [28, 28, 1] }], ['Flatten'], ['Dense', { units: 10 }]]);
    const next = setInputShape(g, [32, 32, 3]);
    expect(next.nodes[0]?.params.shape).toEqual([32, 32, 3]);
    expect(next.nodes.slice(1)).toEqual(g.nodes.slice(1));
    expect(inferGraph(next).totals.total).toBe(32 * 32 * 3 * 10 + 10);
  });
});
