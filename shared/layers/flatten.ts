import { dim, noWeights, step, times } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { featureCount, formatShape } from './shapeUtils';

export const flatten = defineLayer({
  kerasClass: 'Flatten',
  family: 'Reshaping',
  namePrefix: 'flatten',
  inputs: { min: 1, max: 1 },
  params: {},
  explain: {
    summary:
      'Unrolls an image (or any tensor) into one long vector, so Dense layers can look at all of it at once.',
    shapeFormula: 'out = height × width × channels',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ inputs, output }) => {
      const dims = (inputs[0] ?? []).slice(1).map((v) => v ?? 0);
      const last = dim(output, -1);
      return [
        step(
          'features',
          dims.length > 1 ? times(...dims) : String(dims[0] ?? 0),
          last,
          'every number of the input, in one row',
        ),
      ];
    },
    params: noWeights,
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
