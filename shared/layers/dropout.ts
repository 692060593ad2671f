import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { float } from './params';

export const dropout = defineLayer({
  kerasClass: 'Dropout',
  family: 'Regularization',
  namePrefix: 'dropout',
  inputs: { min: 1, max: 1 },
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
