import { noWeights } from '../explain/arithmetic';
import type { ParamValue } from '../graph/types';
import { defineLayer, NO_PARAMS, ok } from './defineLayer';
import { dims } from './params';

const isDims = (v: unknown): v is (number | null)[] =>
  Array.isArray(v) && v.every((d) => d === null || typeof d === 'number');

export const inputLayer = defineLayer({
  kerasClass: 'InputLayer',
  family: 'Input',
  namePrefix: 'input_layer',
  inputs: { min: 0, max: 0 },
  params: {
    shape: dims({
      default: [28, 28, 1],
      help: 'Size of one sample: (height, width, channels) for images, (features) for vectors.',
    }),
  },
  explain: {
    summary:
      'Where data enters the network. Its shape is one sample; Keras adds the batch dimension (None) in front.',
    shapeFormula: 'out = (None, *shape)',
    paramFormula: '0: no weights',
  },
  arithmetic: { shape: () => [], params: noWeights },
  outputShape: (_inputs, p) => ok([null, ...p.shape]),
  paramCount: () => NO_PARAMS,
  toKeras: (p) => ({ batch_input_shape: [null, ...p.shape], dtype: 'float32', sparse: false }),
  fromKeras: (c): Record<string, ParamValue> => {
    // Keras 2 / tfjs write batch_input_shape, Keras 3 batch_shape; some files only input_shape.
    const full = c.batch_input_shape ?? c.batch_shape;
    if (isDims(full)) return { shape: full.slice(1) as number[] };
    if (isDims(c.input_shape)) return { shape: c.input_shape as number[] };
    return { shape: (c.shape as ParamValue) ?? null };
  },
});
