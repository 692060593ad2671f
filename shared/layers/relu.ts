import { noWeights, unchangedShape } from '../explain/arithmetic';
import type { ParamValue } from '../graph/types';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { float, optionalFloat } from './params';

export const relu = defineLayer({
  kerasClass: 'ReLU',
  family: 'Activation',
  namePrefix: 're_lu',
  inputs: { min: 1, max: 1 },
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
    const out: Record<string, ParamValue> = {};
    for (const k of ['max_value', 'negative_slope', 'threshold'] as const)
      if (k in c) out[k] = c[k] as ParamValue;
    return out;
  },
});
