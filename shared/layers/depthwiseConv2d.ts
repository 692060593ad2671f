import { dim, step, times } from '../explain/arithmetic';
import { windowSteps } from '../explain/windowSteps';
import { defineLayer, fail, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { activation, bool, choice, int, pair } from './params';
import { stridesWithDilation } from './stridesWithDilation';
import { shrinksToOne, windowOutput } from './windowOutput';

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
    kernel_size: pair({
      default: [3, 3],
      help: 'Height and width of each channel’s filter window.',
    }),
    strides: pair({
      default: [1, 1],
      help: 'How far the window moves each step; 2 halves the image.',
    }),
    padding: choice(['valid', 'same'], {
      default: 'valid',
      help: "'valid' uses no padding (the image shrinks); 'same' pads so that with stride 1 the size stays.",
    }),
    depth_multiplier: int({
      default: 1,
      help: 'Filters per input channel: the output has input channels × depth_multiplier channels.',
    }),
    dilation_rate: pair({
      default: [1, 1],
      help: 'Spacing between kernel taps; 2 spreads a 3×3 kernel over 5×5.',
    }),
    activation: activation(),
    use_bias: bool({ default: true, help: 'Add a learned bias to each output channel.' }),
  },
  explain: {
    summary:
      'Filters each channel on its own with its own small window (no mixing between channels), so it needs far fewer weights than Conv2D; a 1×1 Conv2D after it mixes the channels (MobileNet).',
    shapeFormula:
      "out = floor((in − dilation·(kernel − 1) − 1) / stride) + 1 with 'valid'; out = ceil(in / stride) with 'same'; channels = input channels × depth_multiplier",
    paramFormula:
      '(kernel_h × kernel_w + 1) × input_channels × depth_multiplier (without the +1 when use_bias is off)',
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => {
      const x = inputs[0];
      const axis = (a: 'height' | 'width', i: 0 | 1) =>
        windowSteps({
          axis: a,
          input: dim(x, i + 1),
          kernel: p.kernel_size[i],
          stride: p.strides[i],
          dilation: p.dilation_rate[i],
          padding: p.padding,
          result: dim(output, i + 1),
        });
      return [
        ...axis('height', 0),
        ...axis('width', 1),
        step(
          'channels',
          times(dim(x, 3), p.depth_multiplier),
          dim(output, 3),
          'depth_multiplier filters for each input channel',
        ),
      ];
    },
    params: ({ inputs, p, count }) => {
      const [kh, kw] = p.kernel_size;
      const c = dim(inputs[0], 3);
      return [
        p.use_bias
          ? step(
              'parameters',
              `(${times(kh, kw)} + 1) × ${times(c, p.depth_multiplier)}`,
              count.trainable,
              'each input channel has depth_multiplier filters of kernel height × width weights and one bias each',
            )
          : step(
              'parameters',
              times(kh, kw, c, p.depth_multiplier),
              count.trainable,
              'each input channel has depth_multiplier filters of kernel height × width weights; no bias',
            ),
      ];
    },
  },
  outputShape: (inputs, p, ctx) => {
    const img = imageInput(only(inputs), ctx);
    if (isIssue(img)) return fail(img);
    const both = stridesWithDilation(p.strides, p.dilation_rate, ctx);
    if (both) return fail(both);
    const hw = windowOutput(
      img.h,
      img.w,
      {
        size: p.kernel_size,
        strides: p.strides,
        padding: p.padding,
        dilation: p.dilation_rate,
        sizeParam: 'kernel_size',
      },
      ctx,
    );
    if (isIssue(hw)) return fail(hw);
    return ok([null, hw[0], hw[1], img.c * p.depth_multiplier]);
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
