import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { rate } from './params';

export const gaussianDropout = defineLayer({
  kerasClass: 'GaussianDropout',
  family: 'Regularization',
  namePrefix: 'gaussian_dropout',
  ...numberByNumber,
  params: {
    rate: rate({
      default: 0.2,
      help: 'Like Dropout’s rate: the noise has standard deviation √(rate / (1 − rate)).',
    }),
  },
  explain: {
    summary:
      'During training, multiplies every number by random noise around 1 (standard deviation √(rate / (1 − rate))), a smooth kind of dropout; does nothing at test time.',
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
});
