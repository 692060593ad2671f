import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { int } from './params';
import { formatShape } from './shapeUtils';

export const softmax = defineLayer({
  kerasClass: 'Softmax',
  family: 'Activation',
  namePrefix: 'softmax',
  inputs: { min: 1, max: 1 },
  params: {
    axis: int({
      default: -1,
      min: -8,
      max: 8,
      help: 'Which axis adds up to 1; -1 is the last (the classes, or the channels of an image).',
    }),
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
    const axis = p.axis < 0 ? x.length + p.axis : p.axis;
    if (axis < 1 || axis >= x.length)
      return fail({
        code: 'badParam',
        message: `${ctx.type} '${ctx.name}': axis ${p.axis} does not exist for an input of shape ${formatShape(x)} (the batch axis 0 cannot be normalised).`,
        hint: `Use an axis from 1 to ${x.length - 1}, or -1 for the last.`,
        fix: {
          kind: 'setParam',
          label: 'Set axis to -1',
          nodeId: ctx.id,
          param: 'axis',
          value: -1,
        },
      });
    return ok(x);
  },
  paramCount: () => NO_PARAMS,
});
