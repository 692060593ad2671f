import { inferGraph } from '../graph/inferGraph';
import type { Graph, Shape } from '../graph/types';
import { formatCount } from '../layers/shapeUtils';

/** One layer's size, for the side-by-side table. */
export interface LayerSize {
  readonly name: string;
  readonly type: string;
  readonly outputShape: Shape | null;
  readonly params: number;
  /** Share of its network's parameters, 0..1. */
  readonly share: number;
}

/** Two networks' parameters per layer, side by side. */
export interface SizeComparison {
  /** Row i holds each network's i-th layer in data-flow order; `null` where one has fewer. */
  readonly rows: readonly { readonly a: LayerSize | null; readonly b: LayerSize | null }[];
  readonly totalA: number;
  readonly totalB: number;
  /** Each network's layer holding the most parameters. */
  readonly largestA: LayerSize | null;
  readonly largestB: LayerSize | null;
  /** `121,930 vs 669,706 parameters: 5.5× fewer` */
  readonly summary: string;
}

function sizes(graph: Graph): { layers: LayerSize[]; total: number } {
  const report = inferGraph(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const total = report.totals.total;
  const layers = report.order.flatMap((id) => {
    const n = byId.get(id);
    const r = report.nodes.get(id);
    if (!n || !r) return [];
    const params = r.params ? r.params.trainable + r.params.nonTrainable : 0;
    return [
      {
        name: n.name,
        type: n.type,
        outputShape: r.outputShape ?? null,
        params,
        share: total > 0 ? params / total : 0,
      },
    ];
  });
  return { layers, total };
}

const largest = (layers: readonly LayerSize[]): LayerSize | null =>
  layers.reduce<LayerSize | null>(
    (best, l) => (l.params > 0 && (!best || l.params > best.params) ? l : best),
    null,
  );

/**
 * Parameters per layer of two networks side by side, for the feed-forward vs convolutional
 * lesson: the table shows that the MLP spends most of its weights in its first Dense layer,
 * while convolutions share a few small kernels across the whole image.
 */
export function compareSizes(graphA: Graph, graphB: Graph): SizeComparison {
  const a = sizes(graphA);
  const b = sizes(graphB);
  const rows = Array.from({ length: Math.max(a.layers.length, b.layers.length) }, (_, i) => ({
    a: a.layers[i] ?? null,
    b: b.layers[i] ?? null,
  }));
  const [small, big] = a.total <= b.total ? [a.total, b.total] : [b.total, a.total];
  const ratio = small > 0 ? big / small : 0;
  const summary =
    a.total === b.total
      ? `Both have ${formatCount(a.total)} parameters`
      : `${formatCount(a.total)} vs ${formatCount(b.total)} parameters: the ${a.total < b.total ? 'first' : 'second'} has ${ratio.toFixed(1)}× fewer`;
  return {
    rows,
    totalA: a.total,
    totalB: b.total,
    largestA: largest(a.layers),
    largestB: largest(b.layers),
    summary,
  };
}
