import type { ParamValue } from '../graph/types';
import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { float } from './params';

export const leakyRelu = defineLayer({
  kerasClass: 'LeakyReLU',
  family: 'Activation',
  namePrefix: 'leaky_re_lu',
  ...numberByNumber,
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
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
  fromKeras: (c): Record<string, ParamValue> => {
    const alpha = c.alpha ?? c.negative_slope;
    return alpha === undefined ? {} : { alpha: alpha as ParamValue };
  },
});
