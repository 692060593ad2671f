import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { float } from './params';

export const gaussianNoise = defineLayer({
  kerasClass: 'GaussianNoise',
  family: 'Regularization',
  namePrefix: 'gaussian_noise',
  inputs: { min: 1, max: 1 },
  params: {
    stddev: float({
      default: 0.1,
      min: 0,
      help: 'Standard deviation of the noise added to every number during training.',
    }),
  },
  explain: {
    summary:
      'During training, adds random noise (mean 0, standard deviation stddev) to every number, so the network learns to ignore small changes; does nothing at test time.',
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
