import { dim, step, unchangedShape } from '../explain/arithmetic';
import type { ParamValue } from '../graph/types';
import { defineLayer, fail, ok, only } from './defineLayer';
import { axisParam, missingAxis, resolveAxis } from './layerAxis';
import { bool, float } from './params';
import { formatShape } from './shapeUtils';

export const layerNormalization = defineLayer({
  kerasClass: 'LayerNormalization',
  family: 'Normalization',
  namePrefix: 'layer_normalization',
  inputs: { min: 1, max: 1 },
  params: {
    axis: axisParam(
      'Which axis is normalised; -1 is the last (the features, or the channels of an image).',
    ),
    epsilon: float({
      default: 0.001,
      min: 0,
      help: 'Small number added to the variance to avoid dividing by zero.',
    }),
    center: bool({ default: true, help: 'Learn an offset (beta) per position on the axis.' }),
    scale: bool({ default: true, help: 'Learn a scale (gamma) per position on the axis.' }),
  },
  explain: {
    summary:
      'Normalises each sample on its own to mean 0 and variance 1 along one axis, then scales and shifts it with learned numbers; unlike BatchNormalization it does not depend on the batch, so training and testing behave alike (used in transformers).',
    shapeFormula: 'out = in (unchanged); works along one axis (by default the last)',
    paramFormula: '2 × size of the axis: gamma and beta, both trainable (no moving averages)',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'works number by number: the shape stays')],
    params: ({ inputs, p, count }) => {
      const x = inputs[0] ?? [];
      const size = dim(x, resolveAxis(x.length, p.axis));
      const learned = (p.center ? 1 : 0) + (p.scale ? 1 : 0);
      return [
        step(
          'parameters',
          `${learned} × ${size}`,
          count.trainable,
          `gamma (scale) and beta (offset) for each of the ${size} positions on axis ${p.axis}, learned; nothing is averaged over batches`,
        ),
      ];
    },
  },
  outputShape: (inputs, p, ctx) => {
    const x = only(inputs);
    const axis = resolveAxis(x.length, p.axis);
    if (axis < 0) return fail(missingAxis(ctx, p.axis, x, 'normalised'));
    if (x[axis] === null || x[axis] === undefined)
      return fail({
        code: 'needsKnownSize',
        message: `${ctx.type} '${ctx.name}' needs a known size on axis ${p.axis}, but its input is ${formatShape(x)}.`,
        hint: 'Set a fixed size on the Input block.',
      });
    return ok(x);
  },
  paramCount: (inputs, p) => {
    const x = only(inputs);
    const size = x[resolveAxis(x.length, p.axis)] ?? 0;
    return { trainable: size * ((p.center ? 1 : 0) + (p.scale ? 1 : 0)), nonTrainable: 0 };
  },
  toKeras: (p) => ({
    ...p,
    beta_initializer: { class_name: 'Zeros', config: {} },
    gamma_initializer: { class_name: 'Ones', config: {} },
  }),
  fromKeras: (c): Record<string, ParamValue> => {
    const out: Record<string, ParamValue> = {};
    for (const k of ['epsilon', 'center', 'scale'] as const)
      if (k in c) out[k] = c[k] as ParamValue;
    // Keras writes the axis as a list once the layer is built (`[2]`); one axis is one number here.
    if ('axis' in c)
      out.axis =
        Array.isArray(c.axis) && c.axis.length === 1
          ? (c.axis[0] as ParamValue)
          : (c.axis as ParamValue);
    return out;
  },
});
