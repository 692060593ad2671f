import { formatShape } from '../../shared/layers/shapeUtils';
import { summaryRows } from '../../shared/summary/summaryRows';
import { withCommas } from '../../shared/summary/readableSize';
import { useGraphReport } from '../state/useGraphReport';

/** Keras's model.summary(), live: layer, output shape, params, and the totals. */
export function SummaryPanel() {
  const { graph, report } = useGraphReport();
  const { rows } = summaryRows(graph, report);
  const errors = report.issues.filter((i) => i.severity === 'error');
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  return (
    <section className="nc-summary" role="region" aria-label="Model summary">
      <h2>Model summary</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Layer (type)</th>
            <th scope="col">Output Shape</th>
            <th scope="col">Param #</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {r.name} ({r.type})
              </td>
              <td>{r.outputShape ? formatShape(r.outputShape) : '?'}</td>
              <td>{r.params === undefined ? '?' : withCommas(r.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Total params: {withCommas(report.totals.total)}</p>
      <p>Trainable params: {withCommas(report.totals.trainable)}</p>
      <p>Non-trainable params: {withCommas(report.totals.nonTrainable)}</p>
      {errors.length + warnings.length > 0 && (
        <ul className="nc-summary-issues" aria-label="Problems">
          {[...errors, ...warnings].map((i, k) => (
            <li key={k} className={`nc-issue-${i.severity}`}>
              <strong>{i.severity === 'error' ? 'Error' : 'Warning'}:</strong> {i.message} <em>{i.hint}</em>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
