import type { WindowConfig } from './layerArithmetic';

/** One tap of a sliding window: the input pixel it reads, or the zero border where it falls outside. */
export interface WindowTap {
  /** Input row and column (negative or past the edge on the padding). */
  readonly row: number;
  readonly col: number;
  /** False where the tap lies on the zero border that 'same' padding adds. */
  readonly inside: boolean;
}

/**
 * The padding before the first row (or column), as TensorFlow computes it for 'same': the total
 * that keeps `ceil(in / stride)` outputs, the odd one going after. 0 for 'valid'.
 */
export function paddingBefore(
  input: number,
  output: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: 'valid' | 'same',
): number {
  if (padding === 'valid') return 0;
  const effective = kernel + (kernel - 1) * (dilation - 1);
  return Math.floor(Math.max((output - 1) * stride + effective - input, 0) / 2);
}

/**
 * The taps of the window behind output cell (`row`, `col`), row after row, for an input of
 * `inputSize` (height, width) and an output of `outputSize`. Stride moves the window; dilation
 * spreads its taps.
 */
export function windowTaps(
  window: WindowConfig,
  inputSize: readonly [number, number],
  outputSize: readonly [number, number],
  row: number,
  col: number,
): WindowTap[] {
  const [kh, kw] = window.kernelSize;
  const [sh, sw] = window.strides;
  const [dh, dw] = window.dilationRate;
  const [ih, iw] = inputSize;
  const top = row * sh - paddingBefore(ih, outputSize[0], kh, sh, dh, window.padding);
  const left = col * sw - paddingBefore(iw, outputSize[1], kw, sw, dw, window.padding);
  const taps: WindowTap[] = [];
  for (let ky = 0; ky < kh; ky++)
    for (let kx = 0; kx < kw; kx++) {
      const r = top + ky * dh;
      const c = left + kx * dw;
      taps.push({ row: r, col: c, inside: r >= 0 && r < ih && c >= 0 && c < iw });
    }
  return taps;
}
