import { dim, step, unchangedShape } from '../explain/arithmetic';
import type { ParamValue } from '../graph/types';
import { defineLayer, fail, ok, only } from './defineLayer';
import { bool, float } from './params';
import { formatShape } from './shapeUtils';

export const batchNormalization = defineLayer({
  kerasClass: 'BatchNormalization',
  family: 'Normalization',
  namePrefix: 'batch_normalization',
  inputs: { min: 1, max: 1 },
  params: {
    momentum: float({
      default: 0.99,
      min: 0,
      max: 1,
      help: 'How slowly the running mean and variance follow each batch.',
    }),
    epsilon: float({
      default: 0.001,
      min: 0,
      help: 'Small number added to the variance to avoid dividing by zero.',
    }),
    center: bool({ default: true, help: 'Learn an offset (beta) per channel.' }),
    scale: bool({ default: true, help: 'Learn a scale (gamma) per channel.' }),
  },
  explain: {
    summary:
      'Normalises each channel to mean 0 and variance 1 over the batch, then scales and shifts it with learned numbers; makes deep networks train faster.',
    shapeFormula: 'out = in (unchanged); works per channel (last axis)',
    paramFormula:
      '4 × channels: gamma and beta are trainable; moving mean and variance are not (they are averaged, not learned)',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'works number by number: the shape stays')],
    params: ({ inputs, p, count }) => {
      const c = dim(inputs[0], -1);
      const learned = (p.center ? 1 : 0) + (p.scale ? 1 : 0);
      return [
        step(
          'trainable',
          `${learned} × ${c}`,
          count.trainable,
          'gamma (scale) and beta (offset) per channel, learned',
        ),
        step(
          'non-trainable',
          `2 × ${c}`,
          count.nonTrainable,
          'moving mean and variance per channel, updated while training but not learned',
        ),
        step(
          'parameters',
          `${count.trainable} + ${count.nonTrainable}`,
          count.trainable + count.nonTrainable,
        ),
      ];
    },
  },
  outputShape: (inputs, _p, ctx) => {
    const x = only(inputs);
    const c = x[x.length - 1];
    if (x.length < 2 || c === null || c === undefined)
      return fail({
        code: 'needsKnownSize',
        message: `${ctx.type} '${ctx.name}' needs a known number of channels, but its input is ${formatShape(x)}.`,
        hint: 'Set a fixed size on the Input block.',
      });
    return ok(x);
  },
  paramCount: (inputs, p) => {
    const x = only(inputs);
    const c = x[x.length - 1] ?? 0;
    return { trainable: c * ((p.center ? 1 : 0) + (p.scale ? 1 : 0)), nonTrainable: 2 * c };
  },
  toKeras: (p) => ({
    axis: -1,
    ...p,
    beta_initializer: { class_name: 'Zeros', config: {} },
    gamma_initializer: { class_name: 'Ones', config: {} },
    moving_mean_initializer: { class_name: 'Zeros', config: {} },
    moving_variance_initializer: { class_name: 'Ones', config: {} },
  }),
  fromKeras: (c): Record<string, ParamValue> => {
    const out: Record<string, ParamValue> = {};
    for (const k of ['momentum', 'epsilon', 'center', 'scale'] as const)
      if (k in c) out[k] = c[k] as ParamValue;
    return out;
  },
});
