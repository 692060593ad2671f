import { useDeferredValue } from 'react';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { GraphReport } from '../../shared/graph/inferGraph';
import type { Graph } from '../../shared/graph/types';
import { fixedClassCount } from '../../shared/training/datasetKinds';
import type { DatasetKind } from '../../shared/training/datasetRef';
import { useProjectStore } from './projectStore';
import type { ProjectState } from './projectStore';

const EMPTY: Graph = { nodes: [], edges: [] };

type Classes = DatasetKind | undefined;
type Entry = { graph: Graph; classes: Classes; value: { graph: Graph; report: GraphReport } };
/**
 * The reports of the last two graphs, shared: the canvas, inspector and summary all ask after each
 * edit. Two, because for a moment after an edit the deferred views still ask for the graph before
 * it while an event handler may ask for the new one; one entry would infer each again in turn.
 */
let cache: readonly Entry[] = [];

function reportOf(graph: Graph, classes: Classes): { graph: Graph; report: GraphReport } {
  const hit = cache.find((e) => e.graph === graph && e.classes === classes);
  if (hit) return hit.value;
  const count = fixedClassCount(classes);
  const value = { graph, report: inferGraph(graph, count === undefined ? {} : { classes: count }) };
  cache = [{ graph, classes, value }, ...cache.slice(0, 1)];
  return value;
}

/** The report of the store's graph as it is now (for event handlers; views use `useGraphReport`). */
export const graphReportOf = (s: ProjectState): { graph: Graph; report: GraphReport } =>
  reportOf(s.project?.graph ?? EMPTY, s.project?.dataset.kind);

/** The open project's graph as edited, up to the last keystroke: what a view places and names. */
export function useProjectGraph(): Graph {
  return useProjectStore((s) => s.project?.graph ?? EMPTY);
}

/**
 * Shapes, counts and issues of the open graph, recomputed (a few milliseconds for 300 layers) once
 * per edit, not once per component that shows them. A moment behind the edits: the graph is a
 * deferred value, so a keystroke's own render infers nothing and redraws only the field and the
 * edited block; the new report and the views that show it (300 blocks, 300 summary rows) follow in
 * a render the browser can interrupt to paint, and that the next keystroke replaces.
 */
export function useGraphReport(): { graph: Graph; report: GraphReport } {
  const graph = useDeferredValue(useProjectGraph());
  const classes = useProjectStore((s) => s.project?.dataset.kind);
  return reportOf(graph, classes);
}
