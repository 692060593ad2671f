// Graph edits as pure functions (xyflow's "changes applied by pure functions"): the canvas store,
// one-click fixes and tests all go through these, so an edit means the same thing everywhere.
import { LAYOUT_SPACING } from '../keras/layeredLayout';
import { layerDef } from '../layers/catalogue';
import { layerNamer } from '../layers/layerNamer';
import type { Fix, LayerSpec } from './fixes';
import type { Edge, Graph, LayerNode, ParamValue, Position } from './types';

/** Keras's automatic name for the next layer of `type`: `conv2d`, then `conv2d_1`, `conv2d_2`... */
export function nextLayerName(graph: Graph, type: string): string {
  return layerNamer(graph.nodes.map((n) => n.name))(type);
}

/** A fresh id not used by any node or edge of `graph`. */
export function freshId(graph: Graph, prefix: string): string {
  const taken = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  for (let k = graph.nodes.length + graph.edges.length; ; k++)
    if (!taken.has(`${prefix}${k}`)) return `${prefix}${k}`;
}

/** Adds a layer with the given params (defaults come from the catalogue when resolved). */
export function addLayer(
  graph: Graph,
  spec: LayerSpec,
  position: Position,
): { graph: Graph; id: string } {
  const id = freshId(graph, 'n');
  const node: LayerNode = {
    id,
    type: spec.type,
    name: nextLayerName(graph, spec.type),
    params: { ...spec.params },
    position,
  };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/**
 * Adds a layer after `afterId` (the selected block), wired to it and placed below it; with no
 * selection, after the last layer of the graph. Layers that `afterId` fed now take the new layer.
 */
export function appendLayer(
  graph: Graph,
  spec: LayerSpec,
  afterId: string | null,
): { graph: Graph; id: string } {
  const after = graph.nodes.find((n) => n.id === afterId) ?? graph.nodes.at(-1);
  const position = after ? { x: after.position.x, y: after.position.y + 140 } : { x: 0, y: 0 };
  const added = addLayer(graph, spec, position);
  if (!after) return added;
  const moved = added.graph.edges.map((e) =>
    e.source === after.id ? { ...e, source: added.id } : e,
  );
  // Everything below the insertion point moves down one row, so the new block does not cover it.
  const below = new Set(moved.filter((e) => e.source === added.id).map((e) => e.target));
  const nodes = added.graph.nodes.map((n) =>
    n.id !== added.id &&
    (below.has(n.id) || n.position.y > after.position.y) &&
    Math.abs(n.position.x - after.position.x) < 200
      ? { ...n, position: { x: n.position.x, y: n.position.y + 140 } }
      : n,
  );
  const wired = connect({ nodes, edges: moved }, after.id, added.id);
  return { graph: wired?.graph ?? { nodes, edges: moved }, id: added.id };
}

/** Blocks within this distance of a column's x count as in that column when rows move down. */
const SAME_COLUMN = 200;

/**
 * Moves every block at or below `fromY` in the column around `x` down one row, except `except`:
 * room for a block inserted at `fromY`, so it covers nothing.
 */
function makeRoom(
  nodes: readonly LayerNode[],
  x: number,
  fromY: number,
  except: string,
): LayerNode[] {
  return nodes.map((n) =>
    n.id !== except && n.position.y >= fromY && Math.abs(n.position.x - x) < SAME_COLUMN
      ? { ...n, position: { x: n.position.x, y: n.position.y + LAYOUT_SPACING.y } }
      : n,
  );
}

/**
 * Inserts a layer into the wire `edgeId` (source → new layer → target), as dropping a palette
 * block onto a wire does. The new layer takes the target's place and the target, with everything
 * below it in its column, moves down one row. Null when there is no such wire.
 */
export function insertOnWire(
  graph: Graph,
  edgeId: string,
  spec: LayerSpec,
): { graph: Graph; id: string } | null {
  const wire = graph.edges.find((e) => e.id === edgeId);
  const target = graph.nodes.find((n) => n.id === wire?.target);
  if (!wire || !target) return null;
  const added = addLayer(graph, spec, target.position);
  const nodes = makeRoom(added.graph.nodes, target.position.x, target.position.y, added.id);
  const edges = added.graph.edges.map((e) => (e.id === edgeId ? { ...e, target: added.id } : e));
  const wired = connect({ nodes, edges }, added.id, wire.target);
  return { graph: wired?.graph ?? { nodes, edges }, id: added.id };
}

/**
 * The block a layer dropped at `point` should follow: the nearest last block (one that feeds
 * nothing yet) above the point and within two rows below it, horizontally within a block's reach.
 * `blockHeight` is how tall a block is drawn. Undefined when the drop is nowhere near the end of
 * a network.
 */
export function lastBlockAbove(
  graph: Graph,
  point: Position,
  blockHeight: number,
): LayerNode | undefined {
  const feeds = new Set(graph.edges.map((e) => e.source));
  let best: LayerNode | undefined;
  let bestDistance = Infinity;
  for (const n of graph.nodes) {
    if (feeds.has(n.id)) continue;
    const below = point.y - (n.position.y + blockHeight);
    const across = Math.abs(point.x - n.position.x);
    if (below < -blockHeight / 2 || below > 2 * LAYOUT_SPACING.y || across > SAME_COLUMN) continue;
    const distance = Math.hypot(across, below);
    if (distance < bestDistance) {
      best = n;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Adds a layer after `afterId`, wired from it, one row below it (as dropping a block under the
 * last one does); whatever sat in that spot moves down.
 */
export function addAfter(
  graph: Graph,
  spec: LayerSpec,
  afterId: string,
): { graph: Graph; id: string } | null {
  const after = graph.nodes.find((n) => n.id === afterId);
  if (!after) return null;
  const position = { x: after.position.x, y: after.position.y + LAYOUT_SPACING.y };
  const added = addLayer(graph, spec, position);
  const nodes = makeRoom(added.graph.nodes, position.x, position.y, added.id);
  const wired = connect({ nodes, edges: added.graph.edges }, after.id, added.id);
  return { graph: wired?.graph ?? { ...added.graph, nodes }, id: added.id };
}

/**
 * The layers `sourceId` can feed with a new wire: not itself, not one upstream of it (that wire
 * would make a loop), not one it feeds already, and only layers with an input free (an Input takes none, a Dense one, an Add
 * any number). In graph order.
 */
export function wireTargets(graph: Graph, sourceId: string): LayerNode[] {
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges)
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  const upstream = new Set<string>([sourceId]);
  const stack = [sourceId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const s of incoming.get(id) ?? []) {
      if (upstream.has(s)) continue;
      upstream.add(s);
      stack.push(s);
    }
  }
  const free = (n: LayerNode) =>
    (incoming.get(n.id)?.length ?? 0) < (layerDef(n.type)?.inputs.max ?? 0);
  const fed = new Set(graph.edges.filter((e) => e.source === sourceId).map((e) => e.target));
  return graph.nodes.filter((n) => !upstream.has(n.id) && !fed.has(n.id) && free(n));
}

/** Wires `source` → `target`; null when that wire exists already or would connect a layer to itself. */
export function connect(
  graph: Graph,
  source: string,
  target: string,
): { graph: Graph; id: string } | null {
  if (source === target || graph.edges.some((e) => e.source === source && e.target === target))
    return null;
  const edge: Edge = { id: freshId(graph, 'e'), source, target };
  return { graph: { ...graph, edges: [...graph.edges, edge] }, id: edge.id };
}

/** Removes nodes (and their wires) and wires by id. */
export function removeItems(
  graph: Graph,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string> = new Set(),
): Graph {
  return {
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter(
      (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
    ),
  };
}

export function setParam(graph: Graph, nodeId: string, param: string, value: ParamValue): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n,
    ),
  };
}

export function removeParam(graph: Graph, nodeId: string, param: string): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const params = { ...n.params };
      delete params[param];
      return { ...n, params };
    }),
  };
}

export function renameLayer(graph: Graph, nodeId: string, name: string): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === nodeId ? { ...n, name } : n)) };
}

export function moveNodes(graph: Graph, positions: ReadonlyMap<string, Position>): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      positions.has(n.id) ? { ...n, position: positions.get(n.id) ?? n.position } : n,
    ),
  };
}

/** Applies a one-click fix from an issue. */
export function applyFix(graph: Graph, fix: Fix): Graph {
  switch (fix.kind) {
    case 'setParam':
      return setParam(graph, fix.nodeId, fix.param, fix.value);
    case 'removeParam':
      return removeParam(graph, fix.nodeId, fix.param);
    case 'insertBetween': {
      const source = graph.nodes.find((n) => n.id === fix.sourceId);
      const target = graph.nodes.find((n) => n.id === fix.targetId);
      if (!source || !target) return graph;
      const mid = {
        x: (source.position.x + target.position.x) / 2,
        y: (source.position.y + target.position.y) / 2,
      };
      const added = addLayer(graph, fix.layer, mid);
      const edges = added.graph.edges.map((e) =>
        e.source === source.id && e.target === target.id ? { ...e, target: added.id } : e,
      );
      return (
        connect({ ...added.graph, edges }, added.id, target.id)?.graph ?? { ...added.graph, edges }
      );
    }
  }
}

/**
 * Copies of `nodeIds` (and the wires among them), renamed and with fresh ids, shifted by
 * `offset`; returns the new graph and the ids of the pasted nodes.
 */
export function pasteNodes(
  graph: Graph,
  copied: Graph,
  offset: Position,
): { graph: Graph; ids: string[] } {
  let g = graph;
  const idMap = new Map<string, string>();
  for (const n of copied.nodes) {
    const added = addLayer(
      g,
      { type: n.type, params: n.params },
      { x: n.position.x + offset.x, y: n.position.y + offset.y },
    );
    g = added.graph;
    idMap.set(n.id, added.id);
  }
  for (const e of copied.edges) {
    const s = idMap.get(e.source);
    const t = idMap.get(e.target);
    if (s && t) g = connect(g, s, t)?.graph ?? g;
  }
  return { graph: g, ids: [...idMap.values()] };
}

/** The part of `graph` made of `nodeIds` and the wires between them (what Copy puts aside). */
export function subgraph(graph: Graph, nodeIds: ReadonlySet<string>): Graph {
  return {
    nodes: graph.nodes.filter((n) => nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
  };
}

/** Gives every Input layer the data set's sample shape (height, width, channels), as choosing a data set does. */
export function setInputShape(graph: Graph, shape: readonly number[]): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.type === 'InputLayer' ? { ...n, params: { ...n.params, shape: [...shape] } } : n,
    ),
  };
}

/**
 * `after` with the `locked` blocks as they were in `before` (a challenge's locked blocks): a
 * locked block that an edit deleted comes back with its wires to blocks still there, and one whose
 * class, name or settings changed gets them back; moving it is allowed. `refused` names the
 * locked blocks the edit tried to delete or change (empty when it touched none, and then `graph`
 * is `after` itself).
 */
export function keepLocked(
  before: Graph,
  after: Graph,
  locked: ReadonlySet<string>,
): { graph: Graph; refused: string[] } {
  if (locked.size === 0) return { graph: after, refused: [] };
  const refused: string[] = [];
  const afterById = new Map(after.nodes.map((n) => [n.id, n]));
  const nodes = [...after.nodes];
  const restored = new Set<string>();
  for (const [index, old] of before.nodes.entries()) {
    if (!locked.has(old.id)) continue;
    const now = afterById.get(old.id);
    if (!now) {
      refused.push(old.name);
      restored.add(old.id);
      nodes.splice(Math.min(index, nodes.length), 0, old);
    } else if (
      now.type !== old.type ||
      now.name !== old.name ||
      JSON.stringify(now.params) !== JSON.stringify(old.params)
    ) {
      refused.push(old.name);
      nodes[nodes.indexOf(now)] = { ...old, position: now.position };
    }
  }
  if (refused.length === 0) return { graph: after, refused };
  const present = new Set(nodes.map((n) => n.id));
  const edges = [...after.edges];
  const edgeIds = new Set(after.edges.map((e) => e.id));
  // A restored block's wires go back where they were in the list (a merge layer's inputs keep their order).
  for (const [index, e] of before.edges.entries())
    if (
      (restored.has(e.source) || restored.has(e.target)) &&
      present.has(e.source) &&
      present.has(e.target) &&
      !edgeIds.has(e.id)
    )
      edges.splice(Math.min(index, edges.length), 0, e);
  const graph = { nodes, edges };
  // Refused outright: hand back the very graph it started from, so nothing counts as changed.
  return { graph: JSON.stringify(graph) === JSON.stringify(before) ? before : graph, refused };
}
