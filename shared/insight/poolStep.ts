import { imageDims } from './convStep';
import type { LayerArithmetic } from './layerArithmetic';
import { windowTaps, type WindowTap } from './windowTaps';

/** The arithmetic behind one pooling output cell: its window on one channel and the max or mean. */
export interface PoolStep {
  readonly kind: 'max' | 'average';
  readonly row: number;
  readonly col: number;
  readonly channel: number;
  readonly taps: readonly WindowTap[];
  /** The window's values, row after row; null on the border 'same' adds (pooling ignores it). */
  readonly input: readonly (number | null)[];
  /** The tap the max came from (max pooling), else null. */
  readonly chosen: number | null;
  /** How many taps the mean divides by: the ones inside the image. */
  readonly count: number;
  readonly value: number;
  readonly modelValue: number;
}

/** Output cell (`row`, `col`) of `channel` of a MaxPooling2D or AveragePooling2D layer. */
export function poolStep(a: LayerArithmetic, row: number, col: number, channel: number): PoolStep {
  if ((a.kerasClass !== 'MaxPooling2D' && a.kerasClass !== 'AveragePooling2D') || !a.window)
    throw new Error(`'${a.layer}' is not a pooling layer.`);
  const [ih, iw, c] = imageDims(a.input.shape);
  const [oh, ow] = imageDims(a.output.shape);
  if (row < 0 || row >= oh || col < 0 || col >= ow || channel < 0 || channel >= c)
    throw new RangeError(
      `Cell (${row}, ${col}) of map ${channel + 1} is outside ${oh}×${ow}×${c}.`,
    );
  const taps = windowTaps(a.window, [ih, iw], [oh, ow], row, col);
  const input = taps.map((t) =>
    t.inside ? (a.input.values[(t.row * iw + t.col) * c + channel] ?? 0) : null,
  );
  const present = input.filter((v): v is number => v !== null);
  const max = a.kerasClass === 'MaxPooling2D';
  const value = max ? Math.max(...present) : present.reduce((s, v) => s + v, 0) / present.length;
  return {
    kind: max ? 'max' : 'average',
    row,
    col,
    channel,
    taps,
    input,
    chosen: max ? input.indexOf(value) : null,
    count: present.length,
    value,
    modelValue: a.output.values[(row * ow + col) * c + channel] ?? NaN,
  };
}
