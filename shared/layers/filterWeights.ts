import { dim, type ArithmeticStep } from '../explain/arithmetic';
import { kernelParamsStep } from '../explain/kernelParamsStep';
import type { Shape } from '../graph/types';
import { only, type ParamCount } from './defineLayer';

/** The parameters the weights of a layer of full filters depend on. */
export interface FilterParams {
  readonly kernel_size: readonly [number, number];
  readonly filters: number;
  readonly use_bias: boolean;
}

/** How {@link filterParamCount} counts, as the explanations write it. */
export const FILTER_PARAM_FORMULA =
  '(kernel_h × kernel_w × input_channels + 1) × filters (without the +1 when use_bias is off)';

/**
 * Keras's weight count of a layer of `filters` filters that each see every input channel
 * (Conv2D, Conv2DTranspose): kernel_h × kernel_w × input channels weights per filter, plus one
 * bias per filter with use_bias.
 */
export function filterParamCount(inputs: readonly Shape[], p: FilterParams): ParamCount {
  const c = only(inputs)[3] ?? 0;
  return {
    trainable: p.kernel_size[0] * p.kernel_size[1] * c * p.filters + (p.use_bias ? p.filters : 0),
    nonTrainable: 0,
  };
}

/** The arithmetic of {@link filterParamCount}, with the block's numbers: `(3 × 3 × 1 + 1) × 32`. */
export function filterParamSteps(f: {
  readonly inputs: readonly Shape[];
  readonly p: FilterParams;
  readonly count: ParamCount;
}): ArithmeticStep[] {
  const [kh, kw] = f.p.kernel_size;
  return [
    kernelParamsStep({
      perUnit: [kh, kw, dim(f.inputs[0], 3)],
      units: [f.p.filters],
      useBias: f.p.use_bias,
      total: f.count.trainable,
      weightsNote: 'each filter has kernel height × width × input channels weights',
    }),
  ];
}
