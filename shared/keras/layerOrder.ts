import { topologicalOrder } from '../graph/topology';
import type { Graph, LayerNode } from '../graph/types';

/**
 * The order Keras lists a model's layers in: the graph's own node order when every layer already
 * comes after its inputs (so an imported file keeps its order), otherwise a topological order.
 * Layers in a loop come last.
 */
export function layerOrder(graph: Graph): LayerNode[] {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const ordered = graph.edges.every((e) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    return s === undefined || t === undefined || s < t;
  });
  if (ordered) return [...graph.nodes];
  const outgoing = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) if (index.has(e.target)) outgoing.get(e.source)?.push(e.target);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return topologicalOrder(graph.nodes, outgoing)
    .order.map((id) => byId.get(id))
    .filter((n): n is LayerNode => n !== undefined);
}

/**
 * The layers of a plain stack, Input first, when the graph is one: a single InputLayer, every
 * other layer fed by exactly the layer before it, no branches. Otherwise null. Keras builds such a
 * network as a `Sequential` model and prints its summary without the Input row.
 */
export function sequentialChain(graph: Graph): LayerNode[] | null {
  const inputs = graph.nodes.filter((n) => n.type === 'InputLayer');
  const first = inputs[0];
  if (inputs.length !== 1 || !first || graph.edges.length !== graph.nodes.length - 1) return null;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const next = new Map<string, string>();
  const fed = new Set<string>();
  for (const e of graph.edges) {
    if (!byId.has(e.source) || !byId.has(e.target) || next.has(e.source) || fed.has(e.target))
      return null;
    next.set(e.source, e.target);
    fed.add(e.target);
  }
  const chain: LayerNode[] = [first];
  for (let id = next.get(first.id); id !== undefined; id = next.get(id)) {
    const n = byId.get(id);
    if (!n || chain.length > graph.nodes.length) return null;
    chain.push(n);
  }
  return chain.length === graph.nodes.length ? chain : null;
}
