import { describe, expect, it } from 'vitest';
import { stackGraph } from '../templates/stackGraph';
import { keepLocked, moveNodes, removeItems, renameLayer, setParam } from './edits';

const graph = stackGraph([
  ['InputLayer', { shape: [28, 28, 1] }],
  ['Flatten'],
  ['Dense', { units: 10, activation: 'softmax' }],
]);
const locked = new Set(['input_layer', 'dense']);

describe('keepLocked: a challenge’s locked blocks survive every edit', () => {
  it('brings back a deleted locked block with its wires, and keeps the rest of the deletion', () => {
    const after = removeItems(graph, new Set(['flatten', 'dense']));
    const { graph: kept, refused } = keepLocked(graph, after, locked);
    expect(refused).toEqual(['dense']);
    expect(kept.nodes.map((n) => n.id).sort()).toEqual(['dense', 'input_layer']);
    // Its wire from flatten is gone with flatten; nothing dangles.
    expect(kept.edges).toEqual([]);
    // Refused outright: the very graph it started from, so the project is not marked changed.
    expect(keepLocked(graph, removeItems(graph, new Set(['dense'])), locked).graph).toBe(graph);
  });

  it('refuses a change of a locked block’s settings or name, but lets it move', () => {
    expect(keepLocked(graph, setParam(graph, 'dense', 'units', 5), locked)).toEqual({
      graph,
      refused: ['dense'],
    });
    expect(keepLocked(graph, setParam(graph, 'dense', 'units', 5), locked).graph).toBe(graph);
    expect(keepLocked(graph, renameLayer(graph, 'input_layer', 'x'), locked).refused).toEqual([
      'input_layer',
    ]);
    const moved = moveNodes(graph, new Map([['dense', { x: 50, y: 50 }]]));
    expect(keepLocked(graph, moved, locked)).toEqual({ graph: moved, refused: [] });
  });

  it('lets every other block change', () => {
    const after = setParam(graph, 'flatten', 'data_format', 'channels_last');
    expect(keepLocked(graph, after, locked)).toEqual({ graph: after, refused: [] });
    expect(keepLocked(graph, after, new Set()).graph).toBe(after);
  });
});
