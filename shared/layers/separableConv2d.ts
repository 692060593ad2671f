import { dim, step, times } from '../explain/arithmetic';
import { CONV_WINDOW_FORMULA, convWindowOutput, convWindowSteps } from './convWindowOutput';
import { defineLayer, fail, ok, only } from './defineLayer';
import { depthwiseKerasDefaults } from './depthwiseConv2d';
import { isIssue } from './imageInput';
import { activation, bool, int } from './params';
import { formatCount } from './shapeUtils';
import { shrinksToOne } from './windowOutput';
import { dilationRate, windowParams } from './windowParams';

/**
 * Keras's SeparableConv2D: a DepthwiseConv2D (one window per channel) followed by a 1×1
 * pointwise convolution that mixes the channels into `filters` outputs, in one layer.
 */
export const separableConv2d = defineLayer({
  kerasClass: 'SeparableConv2D',
  family: 'Convolution',
  namePrefix: 'separable_conv2d',
  inputs: { min: 1, max: 1 },
  params: {
    filters: int({
      default: 32,
      help: 'How many output channels the 1×1 pointwise step mixes the channels into.',
    }),
    ...windowParams({ kernel_size: 'Height and width of each channel’s filter window.' }),
    depth_multiplier: int({
      default: 1,
      help: 'Depthwise filters per input channel before the pointwise step.',
    }),
    dilation_rate: dilationRate(),
    activation: activation(),
    use_bias: bool({ default: true, help: 'Add a learned bias to each output channel.' }),
  },
  explain: {
    summary:
      'A depthwise convolution (one window per channel) followed by a 1×1 convolution that mixes the channels: nearly what Conv2D does, with far fewer weights.',
    shapeFormula: `${CONV_WINDOW_FORMULA}; channels = filters`,
    paramFormula:
      'kernel_h × kernel_w × input_channels × depth_multiplier (depthwise) + input_channels × depth_multiplier × filters (pointwise) + filters (biases, when use_bias is on)',
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => [
      ...convWindowSteps(inputs[0], output, p),
      step(
        'channels',
        String(dim(output, 3)),
        dim(output, 3),
        'the pointwise step gives one channel per filter',
      ),
    ],
    params: ({ inputs, p, count }) => {
      const [kh, kw] = p.kernel_size;
      const c = dim(inputs[0], 3);
      const depthwise = kh * kw * c * p.depth_multiplier;
      const pointwise = c * p.depth_multiplier * p.filters;
      const biases = p.use_bias ? p.filters : 0;
      return [
        step(
          'depthwise weights',
          times(kh, kw, c, p.depth_multiplier),
          depthwise,
          'a kernel height × width window for each input channel, depth_multiplier times',
        ),
        step(
          'pointwise weights',
          times(c, p.depth_multiplier, p.filters),
          pointwise,
          'a 1×1 filter over all depthwise channels for each output filter',
        ),
        p.use_bias
          ? step(
              'parameters',
              `${formatCount(depthwise)} + ${formatCount(pointwise)} + ${biases}`,
              count.trainable,
              'plus one bias per filter',
            )
          : step(
              'parameters',
              `${formatCount(depthwise)} + ${formatCount(pointwise)}`,
              count.trainable,
              'no bias',
            ),
      ];
    },
  },
  outputShape: (inputs, p, ctx) => {
    const out = convWindowOutput(inputs, p, ctx);
    return isIssue(out) ? fail(out) : ok([null, out.h, out.w, p.filters]);
  },
  paramCount: (inputs, p) => {
    const mid = (only(inputs)[3] ?? 0) * p.depth_multiplier;
    return {
      trainable:
        p.kernel_size[0] * p.kernel_size[1] * mid + mid * p.filters + (p.use_bias ? p.filters : 0),
      nonTrainable: 0,
    };
  },
  warnings: (inputs, _p, ctx, out) => shrinksToOne(only(inputs), out, ctx),
  toKeras: (p) => ({
    ...p,
    data_format: 'channels_last',
    ...depthwiseKerasDefaults,
    pointwise_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
    pointwise_regularizer: null,
    pointwise_constraint: null,
    bias_initializer: { class_name: 'Zeros', config: {} },
    bias_regularizer: null,
    activity_regularizer: null,
    bias_constraint: null,
  }),
});
