import { step, type ArithmeticStep } from './arithmetic';

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
  const out: ArithmeticStep[] = [];
  let k = kernel;
  if (dilation > 1) {
    k = (kernel - 1) * dilation + 1;
    out.push(
      step(
        `effective ${axis} kernel`,
        `(${kernel} − 1) × ${dilation} + 1`,
        k,
        'dilation spreads the kernel taps apart',
      ),
    );
  }
  out.push(
    step(
      axis,
      `floor((${input} − ${k} + 0) / ${stride}) + 1`,
      result,
      `'valid' adds no padding (the + 0)${strideNote ? `; ${strideNote}` : ''}`,
    ),
  );
  return out;
}
