import { noWeights, unchangedShape } from '../explain/arithmetic';
import type { Shape } from '../graph/types';
import { NO_PARAMS, ok, only } from './defineLayer';

/** The two formulas of a layer that keeps its input's shape and learns no weights. */
export const NUMBER_BY_NUMBER_FORMULAS = {
  shapeFormula: 'out = in (unchanged)',
  paramFormula: '0: no weights',
} as const;

/**
 * What every layer shares that works on each number by itself and learns nothing (Activation,
 * ReLU, LeakyReLU, ELU, Dropout, GaussianDropout, GaussianNoise, Rescaling): one input, its
 * shape passed on unchanged, no weights, and the arithmetic that says so. Spread into the
 * layer's `defineLayer`, beside what is its own (parameters, explanation, Keras mapping).
 */
export const numberByNumber = {
  inputs: { min: 1, max: 1 },
  arithmetic: {
    shape: ({ output }: { readonly output: Shape }) => [
      unchangedShape(output, 'works number by number: the shape stays'),
    ],
    params: noWeights,
  },
  outputShape: (inputs: readonly Shape[]) => ok(only(inputs)),
  paramCount: () => NO_PARAMS,
} as const;
