import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { float } from './params';

export const elu = defineLayer({
  kerasClass: 'ELU',
  family: 'Activation',
  namePrefix: 'elu',
  inputs: { min: 1, max: 1 },
  params: {
    alpha: float({
      default: 1,
      help: 'How far negative inputs may go: outputs approach −alpha for large negative inputs.',
    }),
  },
  explain: {
    summary:
      'Exponential linear unit: keeps positive numbers, and bends negative ones smoothly towards −alpha (alpha × (eˣ − 1)), so the mean output stays closer to 0 than with relu.',
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
