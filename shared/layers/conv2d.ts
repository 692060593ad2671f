import { dim, step } from '../explain/arithmetic';
import { CONV_WINDOW_FORMULA, convWindowOutput, convWindowSteps } from './convWindowOutput';
import { defineLayer, fail, ok, only } from './defineLayer';
import { FILTER_PARAM_FORMULA, filterParamCount, filterParamSteps } from './filterWeights';
import { isIssue } from './imageInput';
import { kerasInitializers } from './kerasDefaults';
import { activation, bool, int } from './params';
import { shrinksToOne } from './windowOutput';
import { dilationRate, windowParams } from './windowParams';

export const conv2d = defineLayer({
  kerasClass: 'Conv2D',
  family: 'Convolution',
  namePrefix: 'conv2d',
  inputs: { min: 1, max: 1 },
  params: {
    filters: int({
      default: 32,
      help: 'How many filters (feature maps) to learn: the output has this many channels.',
    }),
    ...windowParams(),
    dilation_rate: dilationRate(),
    activation: activation(),
    use_bias: bool({ default: true, help: 'Add a learned bias to each filter.' }),
  },
  explain: {
    summary:
      'Slides small learned filters over the image; each filter detects one pattern (an edge, a curve) everywhere in the image.',
    shapeFormula: `${CONV_WINDOW_FORMULA}; channels = filters`,
    paramFormula: FILTER_PARAM_FORMULA,
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => [
      ...convWindowSteps(inputs[0], output, p),
      step('channels', String(dim(output, 3)), dim(output, 3), 'one channel per filter'),
    ],
    params: filterParamSteps,
  },
  outputShape: (inputs, p, ctx) => {
    const out = convWindowOutput(inputs, p, ctx);
    return isIssue(out) ? fail(out) : ok([null, out.h, out.w, p.filters]);
  },
  paramCount: filterParamCount,
  warnings: (inputs, _p, ctx, out) => shrinksToOne(only(inputs), out, ctx),
  toKeras: (p) => ({ ...p, data_format: 'channels_last', ...kerasInitializers }),
});
