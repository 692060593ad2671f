import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { divergingRgba } from '../../shared/insight/divergingScale';

export interface ValueCanvasProps {
  /** Rows and columns of the grid. */
  readonly rows: number;
  readonly cols: number;
  /**
   * The values, row after row: cell (row, col) is `values[(row · cols + col) · step + offset]`,
   * so one channel of a channels-last tensor is drawn without copying it.
   */
  readonly values: readonly number[];
  readonly step?: number;
  readonly offset?: number;
  /** The scale runs from −limit (blue) through 0 (neutral) to +limit (red). */
  readonly limit: number;
  readonly label: string;
  /** On-screen width in CSS pixels (the grid is scaled without smoothing). */
  readonly size: number;
  /** Cells to outline, such as a convolution's window or the chosen output cell. */
  readonly marks?: readonly { readonly row: number; readonly col: number }[];
  /** Called with the cell under the pointer when the grid is clicked. */
  readonly onCell?: (row: number, col: number) => void;
  readonly className?: string;
}

const NO_MARKS: readonly { readonly row: number; readonly col: number }[] = [];

/** A grid of values on Insight's diverging colour scale, optionally clickable cell by cell. */
export function ValueCanvas({
  rows,
  cols,
  values,
  step = 1,
  offset = 0,
  limit,
  label,
  size,
  marks = NO_MARKS,
  onCell,
  className,
}: ValueCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Drawn at a whole number of device pixels per cell, so outlines fall on cell edges.
  const scale = Math.max(1, Math.ceil(size / Math.max(1, cols)));
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return; // no 2-D canvas (tests without one): the label still names the grid
    const image = new ImageData(
      divergingRgba(rows * cols, (i) => values[i * step + offset] ?? 0, limit),
      cols,
      rows,
    );
    ctx.imageSmoothingEnabled = false;
    if (scale === 1) ctx.putImageData(image, 0, 0);
    else {
      const small = document.createElement('canvas');
      small.width = cols;
      small.height = rows;
      small.getContext('2d')?.putImageData(image, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(small, 0, 0, cols * scale, rows * scale);
    }
    ctx.strokeStyle = '#111';
    ctx.lineWidth = Math.max(1, scale / 6);
    for (const m of marks)
      ctx.strokeRect(
        m.col * scale + ctx.lineWidth / 2,
        m.row * scale + ctx.lineWidth / 2,
        scale - ctx.lineWidth,
        scale - ctx.lineWidth,
      );
  }, [rows, cols, values, step, offset, limit, scale, marks]);
  const onClick = onCell
    ? (e: MouseEvent<HTMLCanvasElement>) => {
        const box = e.currentTarget.getBoundingClientRect();
        const row = Math.floor(((e.clientY - box.top) / Math.max(1, box.height)) * rows);
        const col = Math.floor(((e.clientX - box.left) / Math.max(1, box.width)) * cols);
        onCell(Math.max(0, Math.min(rows - 1, row)), Math.max(0, Math.min(cols - 1, col)));
      }
    : undefined;
  return (
    <canvas
      ref={ref}
      className={['nc-values', onCell ? 'nc-clickable' : '', className ?? ''].join(' ').trim()}
      width={cols * scale}
      height={rows * scale}
      role="img"
      aria-label={label}
      onClick={onClick}
      style={{ width: size, height: (size * rows) / Math.max(1, cols) }}
    />
  );
}
