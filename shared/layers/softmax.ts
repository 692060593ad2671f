import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { axisParam, missingAxis, resolveAxis } from './layerAxis';

export const softmax = defineLayer({
  kerasClass: 'Softmax',
  family: 'Activation',
  namePrefix: 'softmax',
  inputs: { min: 1, max: 1 },
  params: {
    axis: axisParam(
      'Which axis adds up to 1; -1 is the last (the classes, or the channels of an image).',
    ),
  },
  explain: {
    summary:
      'Turns scores into probabilities along one axis: every number becomes eˣ divided by the sum of eˣ along that axis, so they are positive and add up to 1.',
    shapeFormula: 'out = in (unchanged)',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ output }) => [
      unchangedShape(output, 'each number is divided by a sum along the axis: the shape stays'),
    ],
    params: noWeights,
  },
  outputShape: (inputs, p, ctx) => {
    const x = only(inputs);
    return resolveAxis(x.length, p.axis) < 0
      ? fail(missingAxis(ctx, p.axis, x, 'normalised'))
      : ok(x);
  },
  paramCount: () => NO_PARAMS,
});
