import type { ParamValue } from '../graph/types';
import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { float, optionalFloat } from './params';

export const relu = defineLayer({
  kerasClass: 'ReLU',
  family: 'Activation',
  namePrefix: 're_lu',
  ...numberByNumber,
  params: {
    max_value: optionalFloat({
      min: 0,
      help: 'Largest output (6 gives ReLU6, as in MobileNet); empty for no cap.',
    }),
    negative_slope: float({
      default: 0,
      min: 0,
      help: 'Slope below the threshold (0: plain relu; 0.1 behaves like LeakyReLU).',
    }),
    threshold: float({ default: 0, min: 0, help: 'Inputs at or below this count as negative.' }),
  },
  explain: {
    summary:
      'The rectifier as a layer of its own: keeps numbers above the threshold, caps them at max_value if set, and multiplies the rest (less the threshold) by negative_slope.',
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
  fromKeras: (c): Record<string, ParamValue> => {
    const out: Record<string, ParamValue> = {};
    for (const k of ['max_value', 'negative_slope', 'threshold'] as const)
      if (k in c) out[k] = c[k] as ParamValue;
    return out;
  },
});
