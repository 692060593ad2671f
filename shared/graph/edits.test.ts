import { describe, expect, it } from 'vitest';
import { stackGraph } from '../templates/stackGraph';
import { appendLayer, applyFix, connect, pasteNodes, removeItems, subgraph } from './edits';
import { inferGraph } from './inferGraph';

describe('graph edits', () => {
  it('appends a layer after the selected one, wired in and named as Keras would', () => {
    const g = stackGraph([['InputLayer', { shape: [28, 28, 1] }], ['Conv2D', { filters: 8 }], ['Flatten']]);
    const { graph, id } = appendLayer(g, { type: 'Conv2D', params: { filters: 4 } }, 'conv2d');
    const added = graph.nodes.find((n) => n.id === id);
    expect(added?.name).toBe('conv2d_1');
    // conv2d → conv2d_1 → flatten: the new layer takes over conv2d's outgoing wire.
    expect(graph.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['input_layer>conv2d', `conv2d>${id}`, `${id}>flatten`].sort());
    expect(inferGraph(graph).nodes.get('flatten')?.outputShape).toEqual([null, 24 * 24 * 4]);
  });

  it('inserts Flatten between Conv2D and Dense when the learner clicks the fix', () => {
    const g = stackGraph([['InputLayer', { shape: [28, 28, 1] }], ['Conv2D', { filters: 8 }], ['Dense', { units: 10 }]]);
    const fix = inferGraph(g).issues.find((i) => i.fix?.kind === 'insertBetween')?.fix;
    expect(fix?.label).toMatch(/Flatten/);
    if (!fix) return;
    const fixed = applyFix(g, fix);
    const report = inferGraph(fixed);
    expect(report.issues.filter((i) => i.fix?.kind === 'insertBetween')).toEqual([]);
    expect(report.nodes.get('dense')?.outputShape).toEqual([null, 10]);
    expect(report.totals.total).toBe(80 + 26 * 26 * 8 * 10 + 10);
  });

  it('refuses a wire to the same layer or a duplicate wire', () => {
    const g = stackGraph([['InputLayer', { shape: [4] }], ['Dense']]);
    expect(connect(g, 'dense', 'dense')).toBeNull();
    expect(connect(g, 'input_layer', 'dense')).toBeNull();
  });

  it('deletes layers with their wires, and pastes copies with fresh ids and names', () => {
    const g = stackGraph([['InputLayer', { shape: [4] }], ['Dense', { units: 3 }], ['Dense', { units: 2 }]]);
    const copied = subgraph(g, new Set(['dense', 'dense_1']));
    const pasted = pasteNodes(g, copied, { x: 300, y: 0 });
    expect(pasted.graph.nodes.map((n) => n.name)).toEqual(['input_layer', 'dense', 'dense_1', 'dense_2', 'dense_3']);
    expect(pasted.graph.edges).toHaveLength(3);
    const removed = removeItems(pasted.graph, new Set(['dense']));
    expect(removed.edges.map((e) => `${e.source}>${e.target}`)).not.toContain('input_layer>dense');
    expect(removed.nodes).toHaveLength(4);
  });
});
