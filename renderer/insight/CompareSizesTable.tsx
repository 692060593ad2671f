import { useMemo } from 'react';
import type { Graph } from '../../shared/graph/types';
import { compareSizes, type LayerSize } from '../../shared/explain/compareSizes';
import { formatCount, formatDims } from '../../shared/layers/shapeUtils';

const cells = (l: LayerSize | null) =>
  l
    ? [
        `${l.name} (${l.type})`,
        l.outputShape ? formatDims(l.outputShape) : '?',
        formatCount(l.params),
      ]
    : ['', '', ''];

/** Two networks' parameters per layer side by side: where the CNN saves its weights. */
export function CompareSizesTable({
  a,
  b,
  titleA,
  titleB,
}: {
  a: Graph;
  b: Graph;
  titleA: string;
  titleB: string;
}) {
  const c = useMemo(() => compareSizes(a, b), [a, b]);
  return (
    <table className="nc-compare-sizes" aria-label="Compare sizes">
      <caption>{c.summary}</caption>
      <thead>
        <tr>
          <th colSpan={3}>{titleA}</th>
          <th colSpan={3}>{titleB}</th>
        </tr>
      </thead>
      <tbody>
        {c.rows.map((r, i) => (
          <tr key={i}>
            {[...cells(r.a), ...cells(r.b)].map((text, j) => (
              <td key={j}>{text}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>Total</td>
          <td>{formatCount(c.totalA)}</td>
          <td colSpan={2}>Total</td>
          <td>{formatCount(c.totalB)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
