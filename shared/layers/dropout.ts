import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { rate } from './params';

export const dropout = defineLayer({
  kerasClass: 'Dropout',
  family: 'Regularization',
  namePrefix: 'dropout',
  ...numberByNumber,
  params: {
    rate: rate({
      default: 0.5,
      help: 'Fraction of inputs set to zero at random during training.',
    }),
  },
  explain: {
    summary:
      'During training, zeroes a random fraction of its inputs (and scales up the rest) so the network cannot rely on any one neuron; does nothing at test time.',
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
});
