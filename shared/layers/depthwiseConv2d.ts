import { dim, step, times } from '../explain/arithmetic';
import { kernelParamsStep } from '../explain/kernelParamsStep';
import { CONV_WINDOW_FORMULA, convWindowOutput, convWindowSteps } from './convWindowOutput';
import { defineLayer, fail, ok, only } from './defineLayer';
import { isIssue } from './imageInput';
import { activation, bool, int } from './params';
import { shrinksToOne } from './windowOutput';
import { dilationRate, windowParams } from './windowParams';

/** Keras's defaults for a depthwise kernel's initializer, regularizer and constraint, written out. */
export const depthwiseKerasDefaults = {
  depthwise_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
  depthwise_regularizer: null,
  depthwise_constraint: null,
} as const;

/**
 * Keras's DepthwiseConv2D: one small filter (or `depth_multiplier` of them) per input channel,
 * each sliding over its own channel only. The first half of a MobileNet block.
 */
export const depthwiseConv2d = defineLayer({
  kerasClass: 'DepthwiseConv2D',
  family: 'Convolution',
  namePrefix: 'depthwise_conv2d',
  inputs: { min: 1, max: 1 },
  params: {
    ...windowParams({ kernel_size: 'Height and width of each channel’s filter window.' }),
    depth_multiplier: int({
      default: 1,
      help: 'Filters per input channel: the output has input channels × depth_multiplier channels.',
    }),
    dilation_rate: dilationRate(),
    activation: activation(),
    use_bias: bool({ default: true, help: 'Add a learned bias to each output channel.' }),
  },
  explain: {
    summary:
      'Filters each channel on its own with its own small window (no mixing between channels), so it needs far fewer weights than Conv2D; a 1×1 Conv2D after it mixes the channels (MobileNet).',
    shapeFormula: `${CONV_WINDOW_FORMULA}; channels = input channels × depth_multiplier`,
    paramFormula:
      '(kernel_h × kernel_w + 1) × input_channels × depth_multiplier (without the +1 when use_bias is off)',
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => [
      ...convWindowSteps(inputs[0], output, p),
      step(
        'channels',
        times(dim(inputs[0], 3), p.depth_multiplier),
        dim(output, 3),
        'depth_multiplier filters for each input channel',
      ),
    ],
    params: ({ inputs, p, count }) => {
      const [kh, kw] = p.kernel_size;
      return [
        kernelParamsStep({
          perUnit: [kh, kw],
          units: [dim(inputs[0], 3), p.depth_multiplier],
          useBias: p.use_bias,
          total: count.trainable,
          weightsNote:
            'each input channel has depth_multiplier filters of kernel height × width weights',
          biasNote: 'one bias each',
        }),
      ];
    },
  },
  outputShape: (inputs, p, ctx) => {
    const out = convWindowOutput(inputs, p, ctx);
    return isIssue(out) ? fail(out) : ok([null, out.h, out.w, out.c * p.depth_multiplier]);
  },
  paramCount: (inputs, p) => {
    const out = (only(inputs)[3] ?? 0) * p.depth_multiplier;
    return {
      trainable: p.kernel_size[0] * p.kernel_size[1] * out + (p.use_bias ? out : 0),
      nonTrainable: 0,
    };
  },
  warnings: (inputs, _p, ctx, out) => shrinksToOne(only(inputs), out, ctx),
  toKeras: (p) => ({
    ...p,
    data_format: 'channels_last',
    ...depthwiseKerasDefaults,
    bias_initializer: { class_name: 'Zeros', config: {} },
    bias_regularizer: null,
    activity_regularizer: null,
    bias_constraint: null,
  }),
});
