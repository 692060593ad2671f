import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok } from './defineLayer';
import { broadcastShapes, formatShape } from './shapeUtils';

export const add = defineLayer({
  kerasClass: 'Add',
  family: 'Merging',
  namePrefix: 'add',
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  params: {},
  explain: {
    summary: 'Adds its inputs number by number, as in a ResNet skip connection. The inputs must have the same shape, except that a size of 1 is stretched to match (as in NumPy).',
    shapeFormula: 'out = the common input shape (a size of 1 stretches to the other size)',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'element-wise sum: the inputs line up number for number, so the shape stays')],
    params: noWeights,
  },
  outputShape: (inputs, _p, ctx) => {
    const [first, ...rest] = inputs;
    if (!first) return fail({ code: 'tooFewInputs', message: `${ctx.type} '${ctx.name}' has no inputs.`, hint: 'Connect two or more layers.' });
    let out = first;
    for (const [k, shape] of rest.entries()) {
      const merged = broadcastShapes(out, shape);
      if (!merged)
        return fail({
          code: 'shapesDoNotMatch',
          message: `${ctx.type} '${ctx.name}' cannot add ${formatShape(first)} from '${ctx.inputNames[0] ?? '?'}' and ${formatShape(shape)} from '${ctx.inputNames[k + 1] ?? '?'}': the shapes differ.`,
          hint: "Make the branches produce the same shape: match filters/units, and use padding 'same' or the same pooling on both.",
        });
      out = merged;
    }
    return ok(out);
  },
  paramCount: () => NO_PARAMS,
});
