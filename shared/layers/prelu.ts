import { step, times, unchangedShape } from '../explain/arithmetic';
import type { Shape } from '../graph/types';
import { defineLayer, fail, ok, only } from './defineLayer';
import { optionalDims } from './params';
import { formatShape } from './shapeUtils';

/** The shape of alpha, as Keras builds it: the input without the batch, each shared axis 1. */
function alphaShape(x: Shape, sharedAxes: readonly number[] | null): number[] {
  return x.slice(1).map((d, i) => (sharedAxes?.includes(i + 1) ? 1 : (d ?? 0)));
}

export const prelu = defineLayer({
  kerasClass: 'PReLU',
  family: 'Activation',
  namePrefix: 'p_re_lu',
  inputs: { min: 1, max: 1 },
  params: {
    shared_axes: optionalDims({
      help: 'Axes that share one slope, like 1, 2 for one slope per channel of an image; empty for a slope per number.',
    }),
  },
  explain: {
    summary:
      'Parametric ReLU: like LeakyReLU, but the slope for negative numbers is learned, by default one slope for every number of the input.',
    shapeFormula: 'out = in (unchanged)',
    paramFormula:
      'one learned slope (alpha) per input number, except that the shared axes count once: the product of the input sizes, each shared axis counted as 1',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'works number by number: the shape stays')],
    params: ({ inputs, p, count }) => {
      const shape = alphaShape(inputs[0] ?? [], p.shared_axes);
      const note = p.shared_axes?.length
        ? `one slope (alpha) per number; axis ${p.shared_axes.join(', ')} shared${p.shared_axes.length > 1 ? ' (each counts as 1)' : ' (counts as 1)'}`
        : 'one slope (alpha) for every number of the input';
      return [step('parameters', times(...shape), count.trainable, note)];
    },
  },
  outputShape: (inputs, p, ctx) => {
    const x = only(inputs);
    const bad = p.shared_axes?.find((a) => a < 1 || a >= x.length);
    if (bad !== undefined)
      return fail({
        code: 'badParam',
        message: `${ctx.type} '${ctx.name}': shared axis ${bad} does not exist for an input of shape ${formatShape(x)}; shared axes count from 1 (the axis after the batch) to ${x.length - 1}.`,
        hint:
          x.length === 4
            ? 'For one slope per channel of an image, share axes 1, 2.'
            : 'Remove that axis, or leave shared_axes empty.',
        fix: {
          kind: 'setParam',
          label: 'Share no axes',
          nodeId: ctx.id,
          param: 'shared_axes',
          value: null,
        },
      });
    if (x.slice(1).some((d, i) => d === null && !p.shared_axes?.includes(i + 1)))
      return fail({
        code: 'needsKnownSize',
        message: `${ctx.type} '${ctx.name}' needs a known size on every axis it does not share, but its input is ${formatShape(x)}.`,
        hint: 'Set a fixed size on the Input block.',
      });
    return ok(x);
  },
  paramCount: (inputs, p) => ({
    trainable: alphaShape(only(inputs), p.shared_axes).reduce((a, b) => a * b, 1),
    nonTrainable: 0,
  }),
  toKeras: (p) => ({
    alpha_initializer: { class_name: 'Zeros', config: {} },
    alpha_regularizer: null,
    alpha_constraint: null,
    shared_axes: p.shared_axes,
  }),
});
