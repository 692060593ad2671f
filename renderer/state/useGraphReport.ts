import { inferGraph } from '../../shared/graph/inferGraph';
import type { GraphReport } from '../../shared/graph/inferGraph';
import type { Graph } from '../../shared/graph/types';
import { fixedClassCount } from '../../shared/training/datasetKinds';
import type { DatasetKind } from '../../shared/training/datasetRef';
import { useProjectStore } from './projectStore';
import type { ProjectState } from './projectStore';

const EMPTY: Graph = { nodes: [], edges: [] };

type Classes = DatasetKind | undefined;
/** The last graph's report, shared: the canvas, inspector and summary all ask after each edit. */
let last:
  { graph: Graph; classes: Classes; value: { graph: Graph; report: GraphReport } } | undefined;

function reportOf(graph: Graph, classes: Classes): { graph: Graph; report: GraphReport } {
  if (last?.graph !== graph || last.classes !== classes) {
    const count = fixedClassCount(classes);
    last = {
      graph,
      classes,
      value: { graph, report: inferGraph(graph, count === undefined ? {} : { classes: count }) },
    };
  }
  return last.value;
}

/** The report of the store's graph (the same cached object `useGraphReport` returns). */
export const graphReportOf = (s: ProjectState): { graph: Graph; report: GraphReport } =>
  reportOf(s.project?.graph ?? EMPTY, s.project?.dataset.kind);

/**
 * Shapes, counts and issues of the open graph, recomputed (under a millisecond) when it changes:
 * once per edit, not once per component that shows them.
 */
export function useGraphReport(): { graph: Graph; report: GraphReport } {
  const graph = useProjectStore((s) => s.project?.graph ?? EMPTY);
  const classes = useProjectStore((s) => s.project?.dataset.kind);
  return reportOf(graph, classes);
}
