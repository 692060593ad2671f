import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { featureCount, formatShape } from './shapeUtils';

export const flatten = defineLayer({
  kerasClass: 'Flatten',
  family: 'Reshaping',
  namePrefix: 'flatten',
  inputs: { min: 1, max: 1 },
  params: {},
  explain: {
    summary: 'Unrolls an image (or any tensor) into one long vector, so Dense layers can look at all of it at once.',
    shapeFormula: 'out = height × width × channels',
    paramFormula: '0: no weights',
  },
  outputShape: (inputs, _p, ctx) => {
    const x = only(inputs);
    const n = featureCount(x);
    if (n === null)
      return fail({
        code: 'needsKnownSize',
        message: `${ctx.type} '${ctx.name}' cannot flatten ${formatShape(x)}: some sizes are unknown.`,
        hint: 'Set a fixed size on the Input block.',
      });
    return ok([null, n]);
  },
  paramCount: () => NO_PARAMS,
  toKeras: () => ({ data_format: 'channels_last' }),
});
