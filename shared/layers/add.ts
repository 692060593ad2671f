import { defineLayer, fail, NO_PARAMS, ok } from './defineLayer';
import { formatShape, sameShape } from './shapeUtils';

export const add = defineLayer({
  kerasClass: 'Add',
  category: 'Merging',
  namePrefix: 'add',
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  params: {},
  explain: {
    summary: 'Adds its inputs number by number, as in a ResNet skip connection. All inputs must have the same shape.',
    shapeFormula: 'out = the common input shape',
    paramFormula: '0: no weights',
  },
  outputShape: (inputs, _p, ctx) => {
    const [first, ...rest] = inputs;
    if (!first) return fail({ code: 'tooFewInputs', message: `${ctx.type} '${ctx.name}' has no inputs.`, hint: 'Connect two or more layers.' });
    const odd = rest.findIndex((s) => !sameShape(s, first));
    if (odd >= 0)
      return fail({
        code: 'shapesDoNotMatch',
        message: `${ctx.type} '${ctx.name}' cannot add ${formatShape(first)} from '${ctx.inputNames[0] ?? '?'}' and ${formatShape(rest[odd] ?? [])} from '${ctx.inputNames[odd + 1] ?? '?'}': the shapes differ.`,
        hint: "Make the branches produce the same shape: match filters/units, and use padding 'same' or the same pooling on both.",
      });
    return ok(first);
  },
  paramCount: () => NO_PARAMS,
});
