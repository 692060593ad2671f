import type { Shape } from '../graph/types';

/**
 * Output length of a convolution or pooling window along one axis, exactly as Keras's
 * `conv_utils.conv_output_length` (and tfjs-layers' `convOutputLength`): `valid` rounds down,
 * `same` rounds up.
 */
export function convOutputLength(
  input: number,
  kernel: number,
  padding: string,
  stride: number,
  dilation = 1,
): number {
  const dilatedKernel = kernel + (kernel - 1) * (dilation - 1);
  const length = padding === 'same' ? input : input - dilatedKernel + 1;
  return Math.floor((length + stride - 1) / stride);
}

/**
 * Output length of a transposed convolution along one axis, exactly as Keras's
 * `conv_utils.deconv_output_length`: without `outputPadding` (null), `valid` gives
 * `in × stride + max(kernel − stride, 0)` and `same` gives `in × stride`; with it,
 * `(in − 1) × stride + kernel − 2 × pad + outputPadding`, pad being `floor(kernel / 2)` for `same`.
 * `kernel` is dilated first.
 */
export function deconvOutputLength(
  input: number,
  kernel: number,
  padding: string,
  stride: number,
  dilation = 1,
  outputPadding: number | null = null,
): number {
  const k = kernel + (kernel - 1) * (dilation - 1);
  if (outputPadding === null)
    return padding === 'same' ? input * stride : input * stride + Math.max(k - stride, 0);
  const pad = padding === 'same' ? Math.floor(k / 2) : 0;
  return (input - 1) * stride + k - 2 * pad + outputPadding;
}

/** `(None, 26, 26, 32)`, as Keras prints shapes. */
export function formatShape(shape: Shape): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
}

/** `26x26x32`: the shape without the batch dimension, for compact labels. */
export function formatDims(shape: Shape): string {
  return shape
    .slice(1)
    .map((d) => (d === null ? '?' : String(d)))
    .join('×');
}

/** Product of the non-batch dimensions, or null when one is unknown. */
export function featureCount(shape: Shape): number | null {
  let n = 1;
  for (const d of shape.slice(1)) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

export const sameShape = (a: Shape, b: Shape): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The shape of an element-wise merge (Add) of `a` and `b`, as Keras's
 * `_compute_elemwise_op_output_shape` computes it: the trailing sizes line up, a size of 1
 * stretches to the other, unknown stays unknown. `null` when two sizes differ and neither is 1.
 */
export function broadcastShapes(a: Shape, b: Shape): Shape | null {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const lead = long.slice(0, long.length - short.length);
  const out: (number | null)[] = [...lead];
  for (let k = 0; k < short.length; k++) {
    const i = long[lead.length + k] ?? null;
    const j = short[k] ?? null;
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1 || i === j) out.push(i);
    else return null;
  }
  return out;
}

/**
 * One formatter for the whole app: `toLocaleString('en-US')` builds a new `Intl.NumberFormat` (and
 * looks up the locale) on every call, which a 300-block canvas pays hundreds of times per keystroke.
 * `format` gives the same strings.
 */
const grouped = new Intl.NumberFormat('en-US');

/** `1,234,567`, as Keras 2.13+ prints counts (and Python's `f"{n:,}"`). */
export const formatCount = (n: number): string => grouped.format(n);
