import type { Position } from '../graph/types';

/** Distance between blocks of the automatic layout, in canvas units. */
export const LAYOUT_SPACING = { x: 260, y: 140 } as const;

/**
 * Positions for a graph without any: top to bottom by depth (the longest path from an input),
 * side by side within a depth in the order the ids are given, each row centred on x = 0.
 * Blocks in a loop, which have no depth, go in one row below the rest. The canvas may re-layout.
 */
export function layeredLayout(
  ids: readonly string[],
  edges: readonly { readonly source: string; readonly target: string }[],
): Map<string, Position> {
  const known = new Set(ids);
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    outgoing.get(e.source)?.push(e.target);
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  }
  const depth = new Map<string, number>();
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const d = depth.get(id) ?? 0;
    for (const t of outgoing.get(id) ?? []) {
      depth.set(t, Math.max(depth.get(t) ?? 0, d + 1));
      const left = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, left);
      if (left === 0) queue.push(t);
    }
  }
  const placed = new Set(queue);
  const loopRow = queue.reduce((m, id) => Math.max(m, (depth.get(id) ?? 0) + 1), 0);
  const rows = new Map<number, string[]>();
  for (const id of ids) {
    const d = placed.has(id) ? (depth.get(id) ?? 0) : loopRow;
    const row = rows.get(d) ?? [];
    row.push(id);
    rows.set(d, row);
  }
  const out = new Map<string, Position>();
  for (const [d, row] of rows)
    row.forEach((id, i) =>
      out.set(id, { x: (i - (row.length - 1) / 2) * LAYOUT_SPACING.x, y: d * LAYOUT_SPACING.y }),
    );
  return out;
}
