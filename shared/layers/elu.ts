import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { float } from './params';

export const elu = defineLayer({
  kerasClass: 'ELU',
  family: 'Activation',
  namePrefix: 'elu',
  ...numberByNumber,
  params: {
    alpha: float({
      default: 1,
      help: 'How far negative inputs may go: outputs approach −alpha for large negative inputs.',
    }),
  },
  explain: {
    summary:
      'Exponential linear unit: keeps positive numbers, and bends negative ones smoothly towards −alpha (alpha × (eˣ − 1)), so the mean output stays closer to 0 than with relu.',
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
});
