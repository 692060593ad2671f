import { applyActivation } from './activationFunction';
import type { LayerArithmetic } from './layerArithmetic';
import { windowTaps, type WindowTap } from './windowTaps';

/** One input channel's part of a convolution cell: the window, the weights and their products. */
export interface ChannelStep {
  /** The window's values, row after row (0 on the zero border). */
  readonly input: readonly number[];
  readonly weights: readonly number[];
  readonly products: readonly number[];
  readonly sum: number;
}

/** The arithmetic behind one Conv2D output cell, redone from the layer's input and weights. */
export interface ConvStep {
  readonly kind: 'conv';
  readonly row: number;
  readonly col: number;
  readonly filter: number;
  readonly taps: readonly WindowTap[];
  readonly channels: readonly ChannelStep[];
  /** Σ of every product over every channel. */
  readonly sum: number;
  readonly bias: number;
  /** sum + bias: what the activation receives. */
  readonly z: number;
  readonly activation: string;
  /** activation(z): this step's answer. */
  readonly value: number;
  /** What the model itself computed for this cell. */
  readonly modelValue: number;
}

/** Height, width and channels of an image-shaped tensor. */
export function imageDims(shape: readonly number[]): [number, number, number] {
  const [h, w, c] = shape;
  if (shape.length !== 3 || h === undefined || w === undefined || c === undefined)
    throw new Error(`Expected an image (height, width, channels), got [${shape.join(', ')}].`);
  return [h, w, c];
}

/** z for every filter at (row, col): softmax needs them all. */
function cellPreActivations(
  a: LayerArithmetic,
  taps: readonly WindowTap[],
  filters: readonly number[],
): { channels: ChannelStep[]; z: number }[] {
  const [, iw, cin] = imageDims(a.input.shape);
  const kernel = a.kernel?.values ?? [];
  const cout = a.kernel?.shape[3] ?? 0;
  return filters.map((f) => {
    let total = 0;
    const channels: ChannelStep[] = [];
    for (let c = 0; c < cin; c++) {
      const input = taps.map((t) =>
        t.inside ? (a.input.values[(t.row * iw + t.col) * cin + c] ?? 0) : 0,
      );
      const weights = taps.map((_, k) => kernel[(k * cin + c) * cout + f] ?? 0);
      const products = input.map((x, k) => x * (weights[k] ?? 0));
      const sum = products.reduce((s, p) => s + p, 0);
      total += sum;
      channels.push({ input, weights, products, sum });
    }
    return { channels, z: total + (a.bias?.[f] ?? 0) };
  });
}

/**
 * Output cell (`row`, `col`) of filter `filter` of a Conv2D layer: its window on every input
 * channel, the kernel's weights, their products, the sum plus the bias and the activation.
 */
export function convStep(a: LayerArithmetic, row: number, col: number, filter: number): ConvStep {
  if (a.kerasClass !== 'Conv2D' || !a.window || !a.kernel)
    throw new Error(`'${a.layer}' is not a Conv2D layer with its weights.`);
  const [ih, iw] = imageDims(a.input.shape);
  const [oh, ow, cout] = imageDims(a.output.shape);
  if (row < 0 || row >= oh || col < 0 || col >= ow || filter < 0 || filter >= cout)
    throw new RangeError(
      `Cell (${row}, ${col}) of map ${filter + 1} is outside ${oh}×${ow}×${cout}.`,
    );
  const taps = windowTaps(a.window, [ih, iw], [oh, ow], row, col);
  const softmax = a.activation === 'softmax';
  const cells = cellPreActivations(
    a,
    taps,
    softmax ? Array.from({ length: cout }, (_, f) => f) : [filter],
  );
  const own = cells[softmax ? filter : 0];
  if (!own) throw new Error('No pre-activation computed.');
  const z = own.z;
  const bias = a.bias?.[filter] ?? 0;
  return {
    kind: 'conv',
    row,
    col,
    filter,
    taps,
    channels: own.channels,
    sum: z - bias,
    bias,
    z,
    activation: a.activation,
    value: applyActivation(
      a.activation,
      cells.map((c) => c.z),
      softmax ? filter : 0,
    ),
    modelValue: a.output.values[(row * ow + col) * cout + filter] ?? NaN,
  };
}
