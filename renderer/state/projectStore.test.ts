import { beforeEach, describe, expect, it } from 'vitest';
import { appendLayer, applyFix, pasteNodes, setParam, subgraph } from '../../shared/graph/edits';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { Graph } from '../../shared/graph/types';
import { defaultParams } from '../../shared/layers/catalogue';
import type { LayerType } from '../../shared/layers/catalogue';
import { newProject } from '../../shared/project/newProject';
import { templateById } from '../../shared/templates/projectTemplates';
import { redo, undo, useProjectStore } from './projectStore';

const input: Graph = {
  nodes: [
    {
      id: 'n0',
      type: 'InputLayer',
      name: 'input_layer',
      params: { shape: [28, 28, 1] },
      position: { x: 0, y: 0 },
    },
  ],
  edges: [],
};

const store = () => useProjectStore.getState();
const graph = () => {
  const p = store().project;
  if (!p) throw new Error('no project open');
  return p.graph;
};
/** Appends a layer after `after` (or the last layer) as the palette does, and returns its id. */
function append(
  type: LayerType,
  params: Record<string, unknown> = {},
  after: string | null = null,
): string {
  let id = '';
  store().editGraph((g) => {
    const added = appendLayer(
      g,
      { type, params: { ...defaultParams(type), ...params } as never },
      after,
    );
    id = added.id;
    return added.graph;
  });
  return id;
}

beforeEach(() => store().open(newProject('Test', input), null));

describe('project store', () => {
  it('opens clean, and an edit marks the project unsaved', () => {
    expect(store().dirty).toBe(false);
    append('Flatten');
    expect(store().dirty).toBe(true);
    expect(graph().nodes.map((n) => n.type)).toEqual(['InputLayer', 'Flatten']);
    expect(graph().edges).toHaveLength(1);
  });

  it('undoes and redoes graph edits one at a time', () => {
    append('Flatten');
    const dense = append('Dense', { units: 10 });
    store().editGraph((g) => setParam(g, dense, 'units', 32));
    expect(inferGraph(graph()).totals.total).toBe(784 * 32 + 32);
    undo();
    expect(inferGraph(graph()).totals.total).toBe(7850);
    undo();
    expect(graph().nodes).toHaveLength(2);
    redo();
    redo();
    expect(inferGraph(graph()).totals.total).toBe(784 * 32 + 32);
  });

  it('never undoes past the project that was opened', () => {
    append('Flatten');
    const cnn = templateById('cnn-valid');
    if (!cnn) throw new Error('template cnn-valid missing');
    store().open(cnn.project, null);
    undo();
    undo();
    expect(inferGraph(graph()).totals.total).toBe(121_930);
  });

  it('keeps selection and saving out of the history', () => {
    const flatten = append('Flatten');
    store().select([flatten]);
    store().markSaved('/tmp/p.json');
    expect(store().dirty).toBe(false);
    undo();
    expect(graph().nodes).toHaveLength(1);
    expect(store().path).toBe('/tmp/p.json');
    expect(store().selection).toEqual([flatten]);
  });

  it('applies the one-click fix for Dense after Conv2D, and undo takes it back', () => {
    append('Conv2D', { filters: 8 });
    append('Dense', { units: 10 });
    const issue = inferGraph(graph()).issues.find((i) => i.fix);
    expect(issue?.fix?.label).toMatch(/Flatten/);
    const fix = issue?.fix;
    if (!fix) throw new Error('no fix offered');
    store().editGraph((g) => applyFix(g, fix));
    const report = inferGraph(graph());
    const typeOf = (id: string) => graph().nodes.find((n) => n.id === id)?.type;
    expect(
      graph()
        .edges.map((e) => `${typeOf(e.source)}→${typeOf(e.target)}`)
        .sort(),
    ).toEqual(['Conv2D→Flatten', 'Flatten→Dense', 'InputLayer→Conv2D']);
    expect(report.totals.total).toBe(80 + 26 * 26 * 8 * 10 + 10);
    undo();
    expect(graph().nodes.map((n) => n.type)).toEqual(['InputLayer', 'Conv2D', 'Dense']);
  });

  it('pastes a copied chain under fresh ids and names, as one undo step', () => {
    const flatten = append('Flatten');
    const dense = append('Dense', { units: 10 });
    const copied = subgraph(graph(), new Set([flatten, dense]));
    store().editGraph((g) => pasteNodes(g, copied, { x: 40, y: 40 }).graph);
    const names = graph().nodes.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(graph().nodes).toHaveLength(5);
    // The copy keeps its inner wire, not the wire from the input it was cut from.
    expect(graph().edges).toHaveLength(3);
    undo();
    expect(graph().nodes).toHaveLength(3);
  });
});
