import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { activation } from './params';

export const activationLayer = defineLayer({
  kerasClass: 'Activation',
  family: 'Activation',
  namePrefix: 'activation',
  inputs: { min: 1, max: 1 },
  params: {
    activation: { ...activation('The function applied to every number.'), default: 'relu' },
  },
  explain: {
    summary:
      'Applies a function to every number on its own: relu keeps positives, softmax turns scores into probabilities.',
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
