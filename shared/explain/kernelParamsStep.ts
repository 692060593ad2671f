import { step, times, type ArithmeticStep } from './arithmetic';

/** How a layer's weights are laid out, for the `parameters` step of its arithmetic. */
export interface KernelWeights {
  /** Weights of one unit (one filter), as factors: `[kernel_h, kernel_w, input_channels]`. */
  readonly perUnit: readonly number[];
  /** How many units, as factors: `[filters]`, or `[input_channels, depth_multiplier]`. */
  readonly units: readonly number[];
  /** Whether each unit also has one bias (`use_bias`). */
  readonly useBias: boolean;
  /** The count the graph core inferred, which the step arrives at. */
  readonly total: number;
  /** Who has which weights, without the bias: 'each filter has … weights'. */
  readonly weightsNote: string;
  /** The note's bias part with use_bias on: 'one bias' unless told otherwise ('one bias each'). */
  readonly biasNote?: string;
}

/**
 * The `parameters` step of a layer whose units each have the same weights plus an optional
 * bias: `(3 × 3 × 1 + 1) × 32` with a bias, `3 × 3 × 1 × 32` without. Conv2D,
 * Conv2DTranspose and DepthwiseConv2D count their weights this way.
 */
export function kernelParamsStep(k: KernelWeights): ArithmeticStep {
  return k.useBias
    ? step(
        'parameters',
        `(${times(...k.perUnit)} + 1) × ${times(...k.units)}`,
        k.total,
        `${k.weightsNote} and ${k.biasNote ?? 'one bias'}`,
      )
    : step('parameters', times(...k.perUnit, ...k.units), k.total, `${k.weightsNote}; no bias`);
}
