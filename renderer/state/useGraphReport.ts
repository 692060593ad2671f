import { useMemo } from 'react';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { GraphReport } from '../../shared/graph/inferGraph';
import type { Graph } from '../../shared/graph/types';
import { useProjectStore } from './projectStore';

const EMPTY: Graph = { nodes: [], edges: [] };

/** Shapes, counts and issues of the open graph, recomputed (under a millisecond) when it changes. */
export function useGraphReport(): { graph: Graph; report: GraphReport } {
  const graph = useProjectStore((s) => s.project?.graph ?? EMPTY);
  const classes = useProjectStore((s) => s.project?.dataset.kind);
  return useMemo(() => ({ graph, report: inferGraph(graph, classes === 'mnist' || classes === 'fashion-mnist' || classes === 'cifar10' ? { classes: 10 } : {}) }), [graph, classes]);
}
