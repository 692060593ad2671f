import { paddingBefore } from '../../shared/insight/windowTaps';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';

/** One input channel with the zero border 'same' padding adds drawn around it, for the step view. */
export interface PaddedChannel {
  readonly rows: number;
  readonly cols: number;
  readonly top: number;
  readonly left: number;
  readonly values: number[];
}

/** Channel `channel` of a window layer's input, framed by its padding (zeros). */
export function paddedChannel(a: LayerArithmetic, channel: number): PaddedChannel {
  const [ih = 0, iw = 0, c = 1] = a.input.shape;
  const [oh = 0, ow = 0] = a.output.shape;
  const w = a.window;
  const pad = (input: number, output: number, k: number, s: number, d: number) => {
    if (!w) return [0, 0] as const;
    const before = paddingBefore(input, output, k, s, d, w.padding);
    const effective = k + (k - 1) * (d - 1);
    const total = w.padding === 'same' ? Math.max((output - 1) * s + effective - input, 0) : 0;
    return [before, total - before] as const;
  };
  const [top, bottom] = w ? pad(ih, oh, w.kernelSize[0], w.strides[0], w.dilationRate[0]) : [0, 0];
  const [left, right] = w ? pad(iw, ow, w.kernelSize[1], w.strides[1], w.dilationRate[1]) : [0, 0];
  const rows = ih + top + bottom;
  const cols = iw + left + right;
  const values = new Array<number>(rows * cols).fill(0);
  for (let y = 0; y < ih; y++)
    for (let x = 0; x < iw; x++)
      values[(y + top) * cols + x + left] = a.input.values[(y * iw + x) * c + channel] ?? 0;
  return { rows, cols, top, left, values };
}
