import { dim, step } from '../explain/arithmetic';
import { defineLayer, fail, ok, only } from './defineLayer';
import { activation, bool, int } from './params';
import { kerasInitializers } from './kerasDefaults';
import { formatShape } from './shapeUtils';

export const dense = defineLayer({
  kerasClass: 'Dense',
  family: 'Dense',
  namePrefix: 'dense',
  inputs: { min: 1, max: 1 },
  params: {
    units: int({ default: 10, help: 'How many neurons: the size of the output vector.' }),
    activation: activation(),
    use_bias: bool({ default: true, help: 'Add a learned bias to each neuron.' }),
  },
  explain: {
    summary:
      'Every input connects to every neuron: a weighted sum plus a bias, then the activation.',
    shapeFormula:
      'out = units (on a tensor of rank > 2 it acts on the last axis only, as in Keras)',
    paramFormula: 'inputs × units + units (without the + units when use_bias is off)',
  },
  arithmetic: {
    shape: ({ inputs, output }) => {
      const x = inputs[0] ?? [];
      const last = dim(output, -1);
      const note =
        x.length > 2
          ? `on a ${x.length - 1}-axis input Dense acts on the last axis only (${dim(x, -1)} → ${last}); the other axes stay`
          : 'one output per unit';
      return [step('units', String(last), last, note)];
    },
    params: ({ inputs, p, count }) => {
      const n = dim(inputs[0], -1);
      return [
        p.use_bias
          ? step(
              'parameters',
              `${n} × ${p.units} weights + ${p.units} biases`,
              count.trainable,
              'every input connects to every unit, plus one bias per unit',
            )
          : step(
              'parameters',
              `${n} × ${p.units} weights`,
              count.trainable,
              'every input connects to every unit; no bias',
            ),
      ];
    },
  },
  outputShape: (inputs, p, ctx) => {
    const x = only(inputs);
    const last = x[x.length - 1];
    if (x.length < 2 || last === null || last === undefined)
      return fail({
        code: 'needsKnownSize',
        message: `${ctx.type} '${ctx.name}' needs a known number of input features, but its input is ${formatShape(x)}.`,
        hint: 'Set a fixed size on the Input block.',
      });
    return ok([...x.slice(0, -1), p.units]);
  },
  paramCount: (inputs, p) => {
    const x = only(inputs);
    const n = x[x.length - 1] ?? 0;
    return { trainable: n * p.units + (p.use_bias ? p.units : 0), nonTrainable: 0 };
  },
  warnings: (inputs, _p, ctx, out) => {
    const x = only(inputs);
    if (x.length <= 2) return [];
    const source = ctx.inputIds[0];
    return [
      {
        code: 'denseOnImage',
        message: `${ctx.type} '${ctx.name}' receives ${formatShape(x)} from '${ctx.inputNames[0] ?? '?'}', so Keras applies it to every pixel separately and the output is ${formatShape(out)}.`,
        hint: 'To classify the whole image, insert Flatten (or GlobalAveragePooling2D) before this Dense.',
        ...(source
          ? {
              fix: {
                kind: 'insertBetween',
                label: 'Insert Flatten',
                sourceId: source,
                targetId: ctx.id,
                layer: { type: 'Flatten', params: {} },
              } as const,
            }
          : {}),
      },
    ];
  },
  toKeras: (p) => ({ ...p, ...kerasInitializers }),
});
