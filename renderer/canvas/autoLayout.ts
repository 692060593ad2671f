import dagre from '@dagrejs/dagre';
import type { Graph, Position } from '../../shared/graph/types';
import { BLOCK_SIZE as BLOCK } from './canvasElements';

/**
 * Top-to-bottom layered positions for every node (dagre), as the Auto-layout button applies them.
 * elkjs's layered layout was tried against it (a two-skip residual stack and the tutorial CNN, as
 * blocks are drawn now): the same rows, the same two wires needing a detour lane, 280 vs 315 px
 * wide; dagre stays, being synchronous for a one-step undoable edit.
 */
export function autoLayout(graph: Graph): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { ...BLOCK });
  for (const e of graph.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of graph.nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    if (p)
      out.set(n.id, {
        x: Math.round(p.x - BLOCK.width / 2),
        y: Math.round(p.y - BLOCK.height / 2),
      });
  }
  return out;
}
