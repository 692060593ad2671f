import type { LayerNode } from './types';

/**
 * Kahn's algorithm: every node after its inputs. Nodes that cannot be ordered sit in or behind
 * a loop; `cyclic` lists each loop (a strongly connected component) as a walk through it.
 */
export function topologicalOrder(
  nodes: readonly LayerNode[],
  outgoing: ReadonlyMap<string, readonly string[]>,
): { order: string[]; cyclic: string[][] } {
  const indegree = new Map<string, number>();
  for (const n of nodes) indegree.set(n.id, 0);
  for (const targets of outgoing.values())
    for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1);
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    order.push(id);
    for (const t of outgoing.get(id) ?? []) {
      const d = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, d);
      if (d === 0) queue.push(t);
    }
  }
  if (order.length === nodes.length) return { order, cyclic: [] };
  const placed = new Set(order);
  const rest = nodes.map((n) => n.id).filter((id) => !placed.has(id));
  return { order: [...order, ...rest], cyclic: loops(rest, outgoing) };
}

/** Tarjan's strongly connected components among `ids`, keeping only real loops. */
function loops(
  ids: readonly string[],
  outgoing: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const within = new Set(ids);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of outgoing.get(v) ?? []) {
      if (!within.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    const selfLoop = scc.length === 1 && (outgoing.get(v) ?? []).includes(v);
    if (scc.length > 1 || selfLoop) out.push(walk(scc, outgoing));
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return out;
}

/** Orders a loop's members by following wires, so messages read "a → b → c → a". */
function walk(scc: readonly string[], outgoing: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(scc);
  const start = [...scc].sort()[0] as string;
  const path = [start];
  const seen = new Set(path);
  let cur = start;
  for (;;) {
    const nxt = (outgoing.get(cur) ?? []).find((w) => members.has(w) && !seen.has(w));
    if (nxt === undefined) break;
    path.push(nxt);
    seen.add(nxt);
    cur = nxt;
  }
  for (const id of scc) if (!seen.has(id)) path.push(id);
  return path;
}
