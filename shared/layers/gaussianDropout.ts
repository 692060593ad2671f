import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { float } from './params';

export const gaussianDropout = defineLayer({
  kerasClass: 'GaussianDropout',
  family: 'Regularization',
  namePrefix: 'gaussian_dropout',
  inputs: { min: 1, max: 1 },
  params: {
    rate: float({
      default: 0.2,
      min: 0,
      max: 1,
      maxExclusive: true,
      help: 'Like Dropout’s rate: the noise has standard deviation √(rate / (1 − rate)).',
    }),
  },
  explain: {
    summary:
      'During training, multiplies every number by random noise around 1 (standard deviation √(rate / (1 − rate))), a smooth kind of dropout; does nothing at test time.',
    shapeFormula: 'out = in (unchanged)',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'works number by number: the shape stays')],
    params: noWeights,
  },
  outputShape: (inputs) => ok(only(inputs)),
  paramCount: () => NO_PARAMS,
});
