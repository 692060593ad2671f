import type { GraphReport } from '../graph/inferGraph';
import type { Graph } from '../graph/types';
import { formatShape } from '../layers/shapeUtils';
import { BYTES_PER_PARAM, readableSize, withCommas } from './readableSize';
import type { Summary } from './summaryRows';
import { summaryRows } from './summaryRows';

export interface SummaryTextOptions {
  /** The model name in the title line; Keras's default for the form when absent. */
  readonly name?: string;
}

/** Keras 3's layout: line length and where each column ends, per form (summary_utils.print_summary). */
const LAYOUT = {
  sequential: {
    length: 88,
    ends: [0.45, 0.8, 1],
    header: ['Layer (type)', 'Output Shape', 'Param #'],
  },
  functional: {
    length: 108,
    ends: [0.3, 0.56, 0.74, 1],
    header: ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'],
  },
} as const;

/** The `Param #` column is right-aligned, the others left. */
const RIGHT = 2;

/** Cells of every row: what Keras prints, `?` where an error left a shape or count unknown. */
function cells(summary: Summary): string[][] {
  return summary.rows.map((r) => {
    const row = [
      `${r.name} (${r.type})`,
      r.outputShape ? formatShape(r.outputShape) : '?',
      r.params === undefined ? '?' : withCommas(r.params),
    ];
    if (summary.form === 'functional')
      row.push(r.connectedTo.length ? r.connectedTo.map((n) => `${n}[0][0]`).join(', ') : '-');
    return row;
  });
}

/** Content width of each column: Keras's share of the line, widened where a cell needs more. */
function widths(form: Summary['form'], rows: readonly string[][]): number[] {
  const { length, ends, header } = LAYOUT[form];
  const inner = length - (ends.length + 1);
  let previous = 0;
  return ends.map((end, i) => {
    const share = Math.floor(end * inner) - previous;
    previous += share;
    const longest = Math.max(header[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0));
    return Math.max(share - 2, longest);
  });
}

/**
 * The graph as Keras 3's `model.summary()` prints it: the title, a boxed table (`Layer (type)`,
 * `Output Shape`, `Param #`, and `Connected to` for functional models), then the totals with their
 * float32 size: ` Total params: 121,930 (476.29 KB)`. Layers whose shape is unknown because of an
 * error show `?`. Ends with a newline.
 */
export function formatSummary(
  graph: Graph,
  report: GraphReport,
  options: SummaryTextOptions = {},
): string {
  const summary = summaryRows(graph, report);
  const body = cells(summary);
  const w = widths(summary.form, body);
  const line = (left: string, fill: string, mid: string, right: string) =>
    `${left}${w.map((n) => fill.repeat(n + 2)).join(mid)}${right}`;
  const row = (r: readonly string[], bar: string) =>
    `${bar}${w.map((n, i) => ` ${i === RIGHT ? (r[i] ?? '').padStart(n) : (r[i] ?? '').padEnd(n)} `).join(bar)}${bar}`;
  const { trainable, nonTrainable, total } = report.totals;
  const amount = (n: number) => `${withCommas(n)} (${readableSize(n * BYTES_PER_PARAM)})`;
  const lines = [
    `Model: "${options.name ?? (summary.form === 'sequential' ? 'sequential' : 'functional')}"`,
    line('┏', '━', '┳', '┓'),
    row(LAYOUT[summary.form].header, '┃'),
    line('┡', '━', '╇', '┩'),
    ...body.flatMap((r, i) => (i === 0 ? [row(r, '│')] : [line('├', '─', '┼', '┤'), row(r, '│')])),
    line('└', '─', '┴', '┘'),
    ` Total params: ${amount(total)}`,
    ` Trainable params: ${amount(trainable)}`,
    ` Non-trainable params: ${amount(nonTrainable)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Errors then warnings, one per line with its hint, for printing under the summary; '' when none. */
export function formatIssues(graph: Graph, report: GraphReport): string {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const lines = report.issues.map((i) => {
    const where = i.nodeId ? `${names.get(i.nodeId) ?? i.nodeId}: ` : '';
    return `${i.severity === 'error' ? 'Error' : 'Warning'}: ${where}${i.message} ${i.hint}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
