import type { ChartSeries, SeriesMark } from './UPlotChart';

/** A small drawing of how a series looks on the chart: a line, a filled dot or a ring on a dashed line. */
function MarkSwatch({ mark, color }: { mark: SeriesMark; color: string }) {
  return (
    <svg className="nc-legend-swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
      {mark === 'line' && <line x1="1" y1="6" x2="27" y2="6" stroke={color} strokeWidth="2.5" />}
      {mark === 'faint' && (
        <line x1="1" y1="6" x2="27" y2="6" stroke={color} strokeOpacity="0.35" strokeWidth="2" />
      )}
      {mark === 'dots' && <circle cx="14" cy="6" r="4" fill={color} />}
      {mark === 'rings' && (
        <>
          <line x1="1" y1="6" x2="27" y2="6" stroke={color} strokeWidth="1" strokeDasharray="3 3" />
          <circle cx="14" cy="6" r="3.5" fill="none" stroke={color} strokeWidth="2" />
        </>
      )}
    </svg>
  );
}

/** The chart's legend: each series by name with the mark it is drawn with. */
export function ChartLegend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul className="nc-chart-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.label} data-mark={s.mark}>
          <MarkSwatch mark={s.mark} color={s.stroke} />
          <span>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
