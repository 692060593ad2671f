import type { Shape } from '../graph/types';
import { dim, step, type ArithmeticStep } from './arithmetic';

/** One axis of a sliding window, with the numbers of one block. */
export interface WindowAxis {
  readonly axis: 'height' | 'width';
  readonly input: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padding: string;
  /** The size the graph core inferred, which the steps arrive at. */
  readonly result: number;
  /** Why the stride is what it is, when it was not set (pooling). */
  readonly strideNote?: string;
}

/**
 * The kernel size a dilated kernel covers, `(kernel − 1) × dilation + 1`, with the step that
 * shows it; no step when the dilation is 1 and the kernel covers just itself.
 */
export function dilatedKernel(
  axis: 'height' | 'width',
  kernel: number,
  dilation: number,
): { readonly size: number; readonly steps: ArithmeticStep[] } {
  if (dilation <= 1) return { size: kernel, steps: [] };
  const size = (kernel - 1) * dilation + 1;
  return {
    size,
    steps: [
      step(
        `effective ${axis} kernel`,
        `(${kernel} − 1) × ${dilation} + 1`,
        size,
        'dilation spreads the kernel taps apart',
      ),
    ],
  };
}

/**
 * Height or width of a sliding window's output, as Keras's `conv_output_length` computes it:
 * `ceil(in / stride)` with 'same', `floor((in − effective kernel) / stride) + 1` with 'valid'.
 */
export function windowSteps(a: WindowAxis): ArithmeticStep[] {
  const { axis, input, kernel, stride, dilation, padding, result, strideNote } = a;
  if (padding === 'same')
    return [
      step(
        axis,
        `ceil(${input} / ${stride})`,
        result,
        `'same' pads so the window fits; only the stride shrinks${strideNote ? `; ${strideNote}` : ''}`,
      ),
    ];
  const k = dilatedKernel(axis, kernel, dilation);
  return [
    ...k.steps,
    step(
      axis,
      `floor((${input} − ${k.size} + 0) / ${stride}) + 1`,
      result,
      `'valid' adds no padding (the + 0)${strideNote ? `; ${strideNote}` : ''}`,
    ),
  ];
}

/** A block's window settings for both axes, `[height, width]`, as its parameters hold them. */
export interface Window2d {
  readonly kernel: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly padding: string;
  /** Why the strides are what they are, when they were not set (pooling). */
  readonly strideNote?: string;
}

/**
 * The height steps then the width steps of a window sliding over an image (batch, height,
 * width, channels) to the output the graph core inferred: the shared part of the shape
 * arithmetic of Conv2D, DepthwiseConv2D, SeparableConv2D and the pooling layers.
 */
export function windowAxesSteps(
  input: Shape | undefined,
  output: Shape,
  w: Window2d,
): ArithmeticStep[] {
  const axis = (a: 'height' | 'width', i: 0 | 1) =>
    windowSteps({
      axis: a,
      input: dim(input, i + 1),
      kernel: w.kernel[i],
      stride: w.strides[i],
      dilation: w.dilation[i],
      padding: w.padding,
      result: dim(output, i + 1),
      ...(w.strideNote ? { strideNote: w.strideNote } : {}),
    });
  return [...axis('height', 0), ...axis('width', 1)];
}
