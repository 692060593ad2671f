import { noWeights, step, times } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { dims } from './params';
import { featureCount, formatCount, formatShape } from './shapeUtils';

export const reshape = defineLayer({
  kerasClass: 'Reshape',
  family: 'Reshaping',
  namePrefix: 'reshape',
  inputs: { min: 1, max: 1 },
  params: {
    target_shape: dims({
      default: [28, 28, 1],
      allowInfer: true,
      help: 'New shape of one sample; one -1 means "whatever is left".',
    }),
  },
  explain: {
    summary:
      'Rearranges the same numbers into a new shape, e.g. a vector of 784 into a 28×28×1 image.',
    shapeFormula: 'out = target_shape; the product of sizes must stay the same',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ output }) => {
      const dims = output.slice(1).map((v) => v ?? 0);
      const n = dims.reduce((a, b) => a * b, 1);
      return [
        step('features', times(...dims), n, `the same ${formatCount(n)} numbers, rearranged`),
      ];
    },
    params: noWeights,
  },
  outputShape: (inputs, p, ctx) => {
    const x = only(inputs);
    const n = featureCount(x);
    const known = p.target_shape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    const target = `(${p.target_shape.join(', ')})`;
    if (n === null)
      return fail({
        code: 'needsKnownSize',
        message: `${ctx.type} '${ctx.name}' cannot reshape ${formatShape(x)}: some sizes are unknown.`,
        hint: 'Set a fixed size on the Input block.',
      });
    const hasInfer = p.target_shape.includes(-1);
    if (hasInfer ? n % known !== 0 : n !== known)
      return fail({
        code: 'reshapeMismatch',
        message: `${ctx.type} '${ctx.name}' cannot turn ${formatShape(x)} (${n} numbers) into ${target} (${hasInfer ? `a multiple of ${known}` : `${known} numbers`}).`,
        hint: `Choose a target_shape whose sizes multiply to ${n}.`,
      });
    return ok([null, ...p.target_shape.map((d) => (d === -1 ? n / known : d))]);
  },
  paramCount: () => NO_PARAMS,
});
