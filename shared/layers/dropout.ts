import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { float } from './params';

export const dropout = defineLayer({
  kerasClass: 'Dropout',
  family: 'Regularization',
  namePrefix: 'dropout',
  ...numberByNumber,
  params: {
    rate: float({
      default: 0.5,
      min: 0,
      max: 1,
      maxExclusive: true,
      help: 'Fraction of inputs set to zero at random during training.',
    }),
  },
  explain: {
    summary:
      'During training, zeroes a random fraction of its inputs (and scales up the rest) so the network cannot rely on any one neuron; does nothing at test time.',
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
});
