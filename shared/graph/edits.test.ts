import { describe, expect, it } from 'vitest';
import { stackGraph } from '../templates/stackGraph';
import {
  addAfter,
  addLayer,
  appendLayer,
  applyFix,
  connect,
  insertOnWire,
  lastBlockAbove,
  pasteNodes,
  removeItems,
  setInputShape,
  subgraph,
  wireTargets,
} from './edits';
import { inferGraph } from './inferGraph';

describe('graph edits', () => {
  it('appends a layer after the selected one, wired in and named as Keras would', () => {
    const g = stackGraph([
      ['InputLayer', { shape: [28, 28, 1] }],
      ['Conv2D', { filters: 8 }],
      ['Flatten'],
    ]);
    const { graph, id } = appendLayer(g, { type: 'Conv2D', params: { filters: 4 } }, 'conv2d');
    const added = graph.nodes.find((n) => n.id === id);
    expect(added?.name).toBe('conv2d_1');
    // conv2d → conv2d_1 → flatten: the new layer takes over conv2d's outgoing wire.
    expect(graph.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(
      ['input_layer>conv2d', `conv2d>${id}`, `${id}>flatten`].sort(),
    );
    expect(inferGraph(graph).nodes.get('flatten')?.outputShape).toEqual([null, 24 * 24 * 4]);
  });

  it('inserts Flatten between Conv2D and Dense when the learner clicks the fix', () => {
    const g = stackGraph([
      ['InputLayer', { shape: [28, 28, 1] }],
      ['Conv2D', { filters: 8 }],
      ['Dense', { units: 10 }],
    ]);
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
    const g = stackGraph([
      ['InputLayer', { shape: [4] }],
      ['Dense', { units: 3 }],
      ['Dense', { units: 2 }],
    ]);
    const copied = subgraph(g, new Set(['dense', 'dense_1']));
    const pasted = pasteNodes(g, copied, { x: 300, y: 0 });
    expect(pasted.graph.nodes.map((n) => n.name)).toEqual([
      'input_layer',
      'dense',
      'dense_1',
      'dense_2',
      'dense_3',
    ]);
    expect(pasted.graph.edges).toHaveLength(3);
    const removed = removeItems(pasted.graph, new Set(['dense']));
    expect(removed.edges.map((e) => `${e.source}>${e.target}`)).not.toContain('input_layer>dense');
    expect(removed.nodes).toHaveLength(4);
  });

  it("setInputShape gives the Input layer the data set's sample shape and leaves the rest", () => {
    const g = stackGraph([
      ['InputLayer', { shape: [28, 28, 1] }],
      ['Flatten'],
      ['Dense', { units: 10 }],
    ]);
    const next = setInputShape(g, [32, 32, 3]);
    expect(next.nodes[0]?.params.shape).toEqual([32, 32, 3]);
    expect(next.nodes.slice(1)).toEqual(g.nodes.slice(1));
    expect(inferGraph(next).totals.total).toBe(32 * 32 * 3 * 10 + 10);
  });
});

describe('drop and wire edits', () => {
  // Rows 100 apart, so the arithmetic of a move reads plainly below.
  const mnist = () => {
    const g = stackGraph([
      ['InputLayer', { shape: [28, 28, 1] }],
      ['Conv2D', { filters: 8 }],
      ['Flatten'],
      ['Dense', { units: 10 }],
    ]);
    return { ...g, nodes: g.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 100 } })) };
  };
  const wires = (g: { edges: readonly { source: string; target: string }[] }) =>
    g.edges.map((e) => `${e.source}>${e.target}`).sort();

  it('inserts a dropped layer into a wire, taking the target’s place and moving the rest down', () => {
    const g = mnist();
    const result = insertOnWire(g, 'e0', { type: 'MaxPooling2D', params: {} });
    if (!result) throw new Error('expected an insertion');
    const { graph, id } = result;
    expect(wires(graph)).toEqual(
      [`input_layer>${id}`, `${id}>conv2d`, 'conv2d>flatten', 'flatten>dense'].sort(),
    );
    const at = (nid: string) => graph.nodes.find((n) => n.id === nid)?.position.y;
    // The new block sits where conv2d was; conv2d and everything below moved down one row.
    expect(at(id)).toBe(100);
    expect([at('input_layer'), at('conv2d'), at('flatten'), at('dense')]).toEqual([
      0, 240, 340, 440,
    ]);
    expect(inferGraph(graph).nodes.get('conv2d')?.outputShape).toEqual([null, 12, 12, 8]);
    expect(insertOnWire(g, 'nope', { type: 'Flatten', params: {} })).toBeNull();
  });

  it('finds the last block a drop below it should follow, and no block for a drop far away', () => {
    const g = mnist();
    // Dense (dense) is the only block that feeds nothing; it sits at y = 300 and is 100 tall.
    expect(lastBlockAbove(g, { x: 40, y: 480 }, 100)?.id).toBe('dense');
    expect(lastBlockAbove(g, { x: 40, y: 1200 }, 100)).toBeUndefined();
    expect(lastBlockAbove(g, { x: 900, y: 480 }, 100)).toBeUndefined();
    expect(lastBlockAbove(g, { x: 40, y: 100 }, 100)).toBeUndefined();
  });

  it('adds a layer after the last one, wired from it one row below', () => {
    const result = addAfter(mnist(), { type: 'Dense', params: { units: 2 } }, 'dense');
    if (!result) throw new Error('expected a layer');
    const added = result.graph.nodes.find((n) => n.id === result.id);
    expect(added?.position).toEqual({ x: 0, y: 440 });
    expect(wires(result.graph)).toContain(`dense>${result.id}`);
    expect(inferGraph(result.graph).nodes.get(result.id)?.outputShape).toEqual([null, 2]);
  });

  it('lists the layers a block can feed: with an input free, and never itself or one above it', () => {
    const g = mnist();
    const loose = addLayer(g, { type: 'Dense', params: {} }, { x: 400, y: 0 });
    const add = addLayer(loose.graph, { type: 'Add', params: {} }, { x: 400, y: 200 });
    const wired = connect(add.graph, 'dense', add.id)?.graph ?? add.graph;
    // Dense dense is wired already; the Input takes no wire; Add takes any number.
    expect(wireTargets(wired, 'conv2d').map((n) => n.id)).toEqual([loose.id, add.id]);
    // dense already feeds the Add, and the Add cannot feed dense (a loop), but it can feed the loose Dense.
    expect(wireTargets(wired, 'dense').map((n) => n.id)).toEqual([loose.id]);
    expect(wireTargets(wired, add.id).map((n) => n.id)).toEqual([loose.id]);
  });
});
