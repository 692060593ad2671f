import { memo, useMemo } from 'react';
import type { CSSProperties } from 'react';
import { formatShape } from '../../shared/layers/shapeUtils';
import { summaryRows } from '../../shared/summary/summaryRows';
import { withCommas } from '../../shared/summary/readableSize';
import { useGraphReport } from '../state/useGraphReport';
import { familyLook } from '../theme/layerFamilies';
import './summary.css';

interface RowProps {
  readonly name: string;
  readonly type: string;
  /** `(None, 26, 26, 32)`, or `?` when the shape is unknown. */
  readonly shape: string;
  /** `320`, or `?` when the count is unknown. */
  readonly params: string;
}

/** The family icon, drawn once per row: lucide builds its SVG anew on every render otherwise. */
const FamilyIcon = memo(function FamilyIcon({ type }: { type: string }) {
  const Icon = familyLook(type).icon;
  return <Icon className="nc-summary-icon" size={13} aria-hidden="true" />;
});

/**
 * One layer's line. Its props are strings, so after an edit only the rows whose text changed
 * render again: a digit typed into one of 300 blocks redraws the few rows it changes, not the table.
 */
const SummaryRowView = memo(function SummaryRowView({ name, type, shape, params }: RowProps) {
  const look = familyLook(type);
  return (
    <tr style={{ '--fam': look.color } as CSSProperties}>
      <td title={`${look.label} layer`}>
        <span className="nc-summary-name">
          <FamilyIcon type={type} />
          {name}
        </span>{' '}
        <span className="nc-summary-type">({type})</span>
      </td>
      <td>{shape}</td>
      <td>{params}</td>
    </tr>
  );
});

/** Keras's model.summary(), live: layer, output shape, params, and the totals. */
export function SummaryPanel() {
  const { graph, report } = useGraphReport();
  const rows = useMemo(() => summaryRows(graph, report).rows, [graph, report]);
  // A block not wired yet is waiting for its wire, not broken: listed apart, without alarm.
  const waiting = report.issues.filter((i) => i.code === 'missingInput');
  const errors = report.issues.filter((i) => i.severity === 'error' && i.code !== 'missingInput');
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  return (
    <section className="nc-summary" role="region" aria-label="Model summary">
      <h2>Model summary</h2>
      {/* Fixed column widths (summary.css): the table fits the side panel at every width, long
          shapes and names wrap inside their cells, and Param # always shows. */}
      <table>
        <colgroup>
          <col />
          <col className="nc-summary-shape-col" />
          <col className="nc-summary-params-col" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Layer (type)</th>
            <th scope="col">Output Shape</th>
            <th scope="col">Param #</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <SummaryRowView
              key={r.id}
              name={r.name}
              type={r.type}
              shape={r.outputShape ? formatShape(r.outputShape) : '?'}
              params={r.params === undefined ? '?' : withCommas(r.params)}
            />
          ))}
        </tbody>
      </table>
      <p>Total params: {withCommas(report.totals.total)}</p>
      <p>Trainable params: {withCommas(report.totals.trainable)}</p>
      <p>Non-trainable params: {withCommas(report.totals.nonTrainable)}</p>
      {waiting.length > 0 && (
        <ul className="nc-summary-waiting" aria-label="Not connected yet">
          {waiting.map((i, k) => (
            <li key={k}>
              <strong>Not connected yet:</strong> {i.message} <em>{i.hint}</em>
            </li>
          ))}
        </ul>
      )}
      {errors.length + warnings.length > 0 && (
        <ul className="nc-summary-issues" aria-label="Problems">
          {[...errors, ...warnings].map((i, k) => (
            <li key={k} className={`nc-issue-${i.severity}`}>
              <strong>{i.severity === 'error' ? 'Error' : 'Warning'}:</strong> {i.message}{' '}
              <em>{i.hint}</em>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
