import { formatCount, formatDuration, formatLoss, formatPercent } from '../training/format';
import type { ComparisonRow } from './runSummary';

/** Side-by-side numbers of the compared runs; the best test accuracy is marked. */
export function CompareTable({
  rows,
  colors,
}: {
  rows: readonly ComparisonRow[];
  colors: readonly string[];
}) {
  const accuracies = rows.map((r) => r.testAccuracy).filter((a): a is number => a !== null);
  const best = accuracies.length > 1 ? Math.max(...accuracies) : null;
  // Autoencoders have no accuracy: the columns go when no compared run classifies.
  const accuracy = rows.some((r) => r.task === 'classify');
  return (
    <table className="nc-compare-table">
      <caption>Comparison</caption>
      <thead>
        <tr>
          <th scope="col">Network</th>
          <th scope="col">Parameters</th>
          {accuracy && <th scope="col">Test accuracy</th>}
          <th scope="col">Test loss</th>
          {accuracy && <th scope="col">Validation accuracy</th>}
          <th scope="col">Training time</th>
          <th scope="col">Samples/s</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id}>
            <th scope="row">
              <span
                className="nc-swatch"
                style={{ background: colors[i % colors.length] }}
                aria-hidden="true"
              />
              {r.title}
            </th>
            <td>{r.params === null ? '–' : formatCount(r.params)}</td>
            {accuracy && (
              <td className={best !== null && r.testAccuracy === best ? 'nc-best' : undefined}>
                {formatPercent(r.testAccuracy)}
                {best !== null && r.testAccuracy === best ? ' (best)' : ''}
              </td>
            )}
            <td>{formatLoss(r.testLoss)}</td>
            {accuracy && <td>{formatPercent(r.valAccuracy)}</td>}
            <td>{formatDuration(r.trainingMs)}</td>
            <td>{r.samplesPerSecond === null ? '–' : formatCount(r.samplesPerSecond)}</td>
            <td>{r.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
