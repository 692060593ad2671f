import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { float } from './params';

export const gaussianNoise = defineLayer({
  kerasClass: 'GaussianNoise',
  family: 'Regularization',
  namePrefix: 'gaussian_noise',
  ...numberByNumber,
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
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
});
