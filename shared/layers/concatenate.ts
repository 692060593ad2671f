import { dim, noWeights, step } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok } from './defineLayer';
import { axisParam, missingAxis, resolveAxis } from './layerAxis';
import { formatShape } from './shapeUtils';

export const concatenate = defineLayer({
  kerasClass: 'Concatenate',
  family: 'Merging',
  namePrefix: 'concatenate',
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  params: {
    axis: axisParam('Which axis to join along; -1 is the last (channels).'),
  },
  explain: {
    summary:
      'Joins its inputs side by side along one axis (by default the channels); all other sizes must match.',
    shapeFormula: 'out[axis] = sum of the inputs’ sizes on that axis; the other sizes stay',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => {
      const axis = p.axis < 0 ? output.length + p.axis : p.axis;
      const sizes = inputs.map((s) => dim(s, axis));
      return [
        step(
          `axis ${p.axis}`,
          sizes.join(' + '),
          dim(output, axis),
          'the inputs’ sizes on the joined axis add up; the other sizes stay',
        ),
      ];
    },
    params: noWeights,
  },
  outputShape: (inputs, p, ctx) => {
    const [first] = inputs;
    if (!first)
      return fail({
        code: 'tooFewInputs',
        message: `${ctx.type} '${ctx.name}' has no inputs.`,
        hint: 'Connect two or more layers.',
      });
    const rank = first.length;
    const axis = resolveAxis(rank, p.axis);
    if (axis < 0) return fail(missingAxis(ctx, p.axis, first, 'joined', 'inputs'));
    let total = 0;
    for (const [i, s] of inputs.entries()) {
      const mismatch = s.length !== rank || s.some((d, j) => j !== axis && d !== first[j]);
      if (mismatch)
        return fail({
          code: 'concatMismatch',
          message: `${ctx.type} '${ctx.name}' cannot join ${formatShape(first)} from '${ctx.inputNames[0] ?? '?'}' with ${formatShape(s)} from '${ctx.inputNames[i] ?? '?'}' along axis ${p.axis}: all other sizes must be equal.`,
          hint: 'Make the branches agree on every size except the joined one (e.g. same image size, padding "same").',
        });
      total += s[axis] ?? 0;
    }
    return ok(first.map((d, j) => (j === axis ? total : d)));
  },
  paramCount: () => NO_PARAMS,
});
