import { noWeights, unchangedShape } from '../explain/arithmetic';
import type { ParamValue } from '../graph/types';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { float } from './params';

export const leakyRelu = defineLayer({
  kerasClass: 'LeakyReLU',
  family: 'Activation',
  namePrefix: 'leaky_re_lu',
  inputs: { min: 1, max: 1 },
  params: {
    alpha: float({
      default: 0.3,
      min: 0,
      help: 'Slope for negative inputs (Keras 3 calls it negative_slope).',
    }),
  },
  explain: {
    summary:
      'Like relu, but lets a small slope through for negative numbers, so neurons never go completely silent.',
    shapeFormula: 'out = in (unchanged)',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'works number by number: the shape stays')],
    params: noWeights,
  },
  outputShape: (inputs) => ok(only(inputs)),
  paramCount: () => NO_PARAMS,
  fromKeras: (c): Record<string, ParamValue> => {
    const alpha = c.alpha ?? c.negative_slope;
    return alpha === undefined ? {} : { alpha: alpha as ParamValue };
  },
});
