import { cssRgb, divergingRgb } from '../../shared/insight/divergingScale';
import { formatValue } from './ScaleLegend';

/** Dark text on a light cell, light text on a dark one, so every number stays readable. */
export function cellStyle(value: number, limit: number): { background: string; color: string } {
  const rgb = divergingRgb(value, limit);
  const dark = rgb[0] * 0.299 + rgb[1] * 0.587 + rgb[2] * 0.114 < 140;
  return { background: cssRgb(rgb), color: dark ? '#fff' : '#111' };
}

export interface NumberGridProps {
  readonly label: string;
  readonly rows: number;
  readonly cols: number;
  /** Row after row; null where there is no value (the border pooling ignores). */
  readonly values: readonly (number | null)[];
  readonly limit: number;
  /** Cells on the zero border 'same' padding adds: drawn hatched. */
  readonly border?: readonly boolean[];
  /** A cell to mark (the max of a pooling window). */
  readonly chosen?: number | null;
}

/** A small grid of numbers, each cell coloured on the diverging scale. */
export function NumberGrid({
  label,
  rows,
  cols,
  values,
  limit,
  border = [],
  chosen = null,
}: NumberGridProps) {
  return (
    <table className="nc-number-grid" aria-label={label}>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: cols }, (_, c) => {
              const k = r * cols + c;
              const v = values[k] ?? null;
              const classes =
                [border[k] ? 'nc-pad' : '', chosen === k ? 'nc-chosen' : ''].join(' ').trim() ||
                undefined;
              return (
                <td
                  key={c}
                  className={classes}
                  style={v === null ? undefined : cellStyle(v, limit)}
                  title={border[k] ? 'zero border (padding)' : undefined}
                >
                  {v === null ? '·' : formatValue(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
