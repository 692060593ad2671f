import type { GraphReport } from '../graph/inferGraph';
import type { Issue } from '../graph/issues';
import type { Graph, Shape } from '../graph/types';
import { summaryRows } from './summaryRows';

/** One problem in `netcanvas summary --json`. */
export interface SummaryJsonIssue {
  readonly code: Issue['code'];
  /** The Keras name of the layer concerned; null for the whole model. */
  readonly layer: string | null;
  readonly message: string;
  readonly hint: string;
}

/** What `netcanvas summary --json` prints (design.md's command-line contract). */
export interface SummaryJson {
  readonly layers: readonly {
    readonly name: string;
    /** The Keras class name. */
    readonly type: string;
    /** `[null, 26, 26, 32]`; null when an error left it unknown. */
    readonly outputShape: Shape | null;
    /** null when an error left it unknown. */
    readonly params: number | null;
  }[];
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  readonly errors: readonly SummaryJsonIssue[];
  readonly warnings: readonly SummaryJsonIssue[];
}

/**
 * The summary as data, with the same layers as the table (no Input row for a plain stack, as Keras
 * lists a Sequential model's layers), the totals, and every error and warning.
 */
export function summaryJson(graph: Graph, report: GraphReport): SummaryJson {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const issue = (i: Issue): SummaryJsonIssue => ({
    code: i.code,
    layer: i.nodeId === undefined ? null : (names.get(i.nodeId) ?? i.nodeId),
    message: i.message,
    hint: i.hint,
  });
  return {
    layers: summaryRows(graph, report).rows.map((r) => ({
      name: r.name,
      type: r.type,
      outputShape: r.outputShape ?? null,
      params: r.params ?? null,
    })),
    totalParams: report.totals.total,
    trainableParams: report.totals.trainable,
    nonTrainableParams: report.totals.nonTrainable,
    errors: report.issues.filter((i) => i.severity === 'error').map(issue),
    warnings: report.issues.filter((i) => i.severity === 'warning').map(issue),
  };
}
