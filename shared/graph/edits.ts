// Graph edits as pure functions (xyflow's "changes applied by pure functions"): the canvas store,
// one-click fixes and tests all go through these, so an edit means the same thing everywhere.
import { layerDef } from '../layers/catalogue';
import type { Fix, LayerSpec } from './fixes';
import type { Edge, Graph, LayerNode, ParamValue, Position } from './types';

/** Keras's automatic name for the next layer of `type`: `conv2d`, then `conv2d_1`, `conv2d_2`... */
export function nextLayerName(graph: Graph, type: string): string {
  const base = layerDef(type)?.namePrefix ?? type.toLowerCase();
  const taken = new Set(graph.nodes.map((n) => n.name));
  if (!taken.has(base)) return base;
  for (let k = 1; ; k++) if (!taken.has(`${base}_${k}`)) return `${base}_${k}`;
}

/** A fresh id not used by any node or edge of `graph`. */
export function freshId(graph: Graph, prefix: string): string {
  const taken = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  for (let k = graph.nodes.length + graph.edges.length; ; k++) if (!taken.has(`${prefix}${k}`)) return `${prefix}${k}`;
}

/** Adds a layer with the given params (defaults come from the catalogue when resolved). */
export function addLayer(graph: Graph, spec: LayerSpec, position: Position): { graph: Graph; id: string } {
  const id = freshId(graph, 'n');
  const node: LayerNode = { id, type: spec.type, name: nextLayerName(graph, spec.type), params: { ...spec.params }, position };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/**
 * Adds a layer after `afterId` (the selected block), wired to it and placed below it; with no
 * selection, after the last layer of the graph. Layers that `afterId` fed now take the new layer.
 */
export function appendLayer(graph: Graph, spec: LayerSpec, afterId: string | null): { graph: Graph; id: string } {
  const after = graph.nodes.find((n) => n.id === afterId) ?? graph.nodes.at(-1);
  const position = after ? { x: after.position.x, y: after.position.y + 140 } : { x: 0, y: 0 };
  const added = addLayer(graph, spec, position);
  if (!after) return added;
  const moved = added.graph.edges.map((e) => (e.source === after.id ? { ...e, source: added.id } : e));
  // Everything below the insertion point moves down one row, so the new block does not cover it.
  const below = new Set(moved.filter((e) => e.source === added.id).map((e) => e.target));
  const nodes = added.graph.nodes.map((n) =>
    n.id !== added.id && (below.has(n.id) || n.position.y > after.position.y) && Math.abs(n.position.x - after.position.x) < 200
      ? { ...n, position: { x: n.position.x, y: n.position.y + 140 } }
      : n,
  );
  const wired = connect({ nodes, edges: moved }, after.id, added.id);
  return { graph: wired?.graph ?? { nodes, edges: moved }, id: added.id };
}

/** Wires `source` → `target`; null when that wire exists already or would connect a layer to itself. */
export function connect(graph: Graph, source: string, target: string): { graph: Graph; id: string } | null {
  if (source === target || graph.edges.some((e) => e.source === source && e.target === target)) return null;
  const edge: Edge = { id: freshId(graph, 'e'), source, target };
  return { graph: { ...graph, edges: [...graph.edges, edge] }, id: edge.id };
}

/** Removes nodes (and their wires) and wires by id. */
export function removeItems(graph: Graph, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): Graph {
  return {
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

export function setParam(graph: Graph, nodeId: string, param: string, value: ParamValue): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n)) };
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
  return { ...graph, nodes: graph.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id) ?? n.position } : n)) };
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
      const mid = { x: (source.position.x + target.position.x) / 2, y: (source.position.y + target.position.y) / 2 };
      const added = addLayer(graph, fix.layer, mid);
      const edges = added.graph.edges.map((e) => (e.source === source.id && e.target === target.id ? { ...e, target: added.id } : e));
      return connect({ ...added.graph, edges }, added.id, target.id)?.graph ?? { ...added.graph, edges };
    }
  }
}

/**
 * Copies of `nodeIds` (and the wires among them), renamed and with fresh ids, shifted by
 * `offset`; returns the new graph and the ids of the pasted nodes.
 */
export function pasteNodes(graph: Graph, copied: Graph, offset: Position): { graph: Graph; ids: string[] } {
  let g = graph;
  const idMap = new Map<string, string>();
  for (const n of copied.nodes) {
    const added = addLayer(g, { type: n.type, params: n.params }, { x: n.position.x + offset.x, y: n.position.y + offset.y });
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
  return { nodes: graph.nodes.filter((n) => nodeIds.has(n.id)), edges: graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)) };
}

/** Gives every Input layer the data set's sample shape (height, width, channels), as choosing a data set does. */
export function setInputShape(graph: Graph, shape: readonly number[]): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.type === 'InputLayer' ? { ...n, params: { ...n.params, shape: [...shape] } } : n)) };
}
