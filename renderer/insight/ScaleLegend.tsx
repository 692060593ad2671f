import {
  cssRgb,
  NEGATIVE_RGB,
  NEUTRAL_RGB,
  POSITIVE_RGB,
} from '../../shared/insight/divergingScale';

/** A compact number for a legend: 3 significant digits, or exponent form when tiny or huge. */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}

/** The legend of Insight's diverging scale: blue for −limit, neutral for 0, red for +limit. */
export function ScaleLegend({ limit, label }: { limit: number; label: string }) {
  const gradient = `linear-gradient(to right, ${cssRgb(NEGATIVE_RGB)}, ${cssRgb(NEUTRAL_RGB)}, ${cssRgb(POSITIVE_RGB)})`;
  return (
    <figure className="nc-scale" aria-label={label}>
      <div className="nc-scale-bar" style={{ background: gradient }} />
      <figcaption>
        <span>{formatValue(-limit)}</span>
        <span>0</span>
        <span>{formatValue(limit)}</span>
      </figcaption>
    </figure>
  );
}
