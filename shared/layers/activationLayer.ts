import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { activation } from './params';

export const activationLayer = defineLayer({
  kerasClass: 'Activation',
  family: 'Activation',
  namePrefix: 'activation',
  ...numberByNumber,
  params: {
    activation: { ...activation('The function applied to every number.'), default: 'relu' },
  },
  explain: {
    summary:
      'Applies a function to every number on its own: relu keeps positives, softmax turns scores into probabilities.',
    ...NUMBER_BY_NUMBER_FORMULAS,
  },
});
