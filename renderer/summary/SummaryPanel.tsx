import { memo, useMemo, useRef } from 'react';
import type { CSSProperties } from 'react';
import { formatShape } from '../../shared/layers/shapeUtils';
import { summaryRows } from '../../shared/summary/summaryRows';
import { withCommas } from '../../shared/summary/readableSize';
import { useGraphReport } from '../state/useGraphReport';
import { familyLook } from '../theme/layerFamilies';
import { useOnScreen } from './useOnScreen';
import { useIdleValue } from '../state/useIdleValue';
import './summary.css';

interface RowProps {
  readonly id: string;
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
    <div role="row" className="nc-summary-row" style={{ '--fam': look.color } as CSSProperties}>
      <span role="cell" title={`${look.label} layer`}>
        <span className="nc-summary-name">
          <FamilyIcon type={type} />
          {name}
        </span>{' '}
        <span className="nc-summary-type">({type})</span>
      </span>
      <span role="cell">{shape}</span>
      <span role="cell">{params}</span>
    </div>
  );
});

/** Rows per chunk: each chunk follows an edit at once while in view, otherwise when the browser is idle. */
const CHUNK = 25;

const sameText = (a: readonly RowProps[], b: readonly RowProps[]): boolean =>
  a.length === b.length &&
  a.every((r, i) => {
    const o = b[i];
    return (
      o !== undefined &&
      r.id === o.id &&
      r.name === o.name &&
      r.type === o.type &&
      r.shape === o.shape &&
      r.params === o.params
    );
  });

/**
 * Up to 25 rows. In view (or near it) they follow each edit in the same render as the rest of the
 * summary; scrolled away, they catch up when the browser is idle, one chunk at a time. A keystroke
 * that changes 300 rows thus redraws the 25 or 50 in view, and the others a moment later in small
 * steps that each fit in a frame, while every row stays in the page (find and screen readers).
 */
const SummaryChunk = memo(
  function SummaryChunk({ rows }: { rows: readonly RowProps[] }) {
    const ref = useRef<HTMLDivElement>(null);
    const onScreen = useOnScreen(ref);
    const idle = useIdleValue(rows);
    return (
      <div ref={ref} className="nc-summary-chunk">
        {(onScreen ? rows : idle).map((r) => (
          <SummaryRowView key={r.id} {...r} />
        ))}
      </div>
    );
  },
  (a, b) => sameText(a.rows, b.rows),
);

/**
 * Keras's model.summary(), live: layer, output shape, params, and the totals. It follows edits a
 * moment behind (`useGraphReport` is deferred): a keystroke that turns 300 rows to `?` first
 * updates the field, then the table, in a render the browser can interrupt to paint.
 */
export function SummaryPanel() {
  const { graph, report } = useGraphReport();
  const chunks = useMemo(() => {
    const rows = summaryRows(graph, report).rows.map((r): RowProps => ({
      id: r.id,
      name: r.name,
      type: r.type,
      shape: r.outputShape ? formatShape(r.outputShape) : '?',
      params: r.params === undefined ? '?' : withCommas(r.params),
    }));
    const out: RowProps[][] = [];
    for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
    return out;
  }, [graph, report]);
  // A block not wired yet is waiting for its wire, not broken: listed apart, without alarm.
  const waiting = report.issues.filter((i) => i.code === 'missingInput');
  const errors = report.issues.filter((i) => i.severity === 'error' && i.code !== 'missingInput');
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  return (
    <section className="nc-summary" role="region" aria-label="Model summary">
      <h2>Model summary</h2>
      {/* A table in ARIA roles on a grid of rows (summary.css): each row lays itself out, with
          fixed column widths so the table fits the side panel and Param # always shows, and rows
          scrolled out of view skip layout and paint (content-visibility) yet stay in the page and
          the accessibility tree. An edit that changes 300 rows lays out only those in view. */}
      <div
        role="table"
        className="nc-summary-table"
        aria-label="Layers, output shapes and parameters"
      >
        <div role="rowgroup">
          <div role="row" className="nc-summary-row nc-summary-head">
            <span role="columnheader">Layer (type)</span>
            <span role="columnheader">Output Shape</span>
            <span role="columnheader">Param #</span>
          </div>
        </div>
        <div role="rowgroup">
          {chunks.map((rows, k) => (
            <SummaryChunk key={k} rows={rows} />
          ))}
        </div>
      </div>
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
