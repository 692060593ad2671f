import { dim, step, times } from '../explain/arithmetic';
import { windowSteps } from '../explain/windowSteps';
import { defineLayer, fail, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { activation, bool, choice, int, pair } from './params';
import { kerasInitializers } from './kerasDefaults';
import { stridesWithDilation } from './stridesWithDilation';
import { shrinksToOne, windowOutput } from './windowOutput';

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
    kernel_size: pair({ default: [3, 3], help: 'Height and width of each filter window.' }),
    strides: pair({
      default: [1, 1],
      help: 'How far the window moves each step; 2 halves the image.',
    }),
    padding: choice(['valid', 'same'], {
      default: 'valid',
      help: "'valid' uses no padding (the image shrinks); 'same' pads so that with stride 1 the size stays.",
    }),
    dilation_rate: pair({
      default: [1, 1],
      help: 'Spacing between kernel taps; 2 spreads a 3×3 kernel over 5×5.',
    }),
    activation: activation(),
    use_bias: bool({ default: true, help: 'Add a learned bias to each filter.' }),
  },
  explain: {
    summary:
      'Slides small learned filters over the image; each filter detects one pattern (an edge, a curve) everywhere in the image.',
    shapeFormula:
      "out = floor((in − dilation·(kernel − 1) − 1) / stride) + 1 with 'valid'; out = ceil(in / stride) with 'same'; channels = filters",
    paramFormula:
      '(kernel_h × kernel_w × input_channels + 1) × filters (without the +1 when use_bias is off)',
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
        step('channels', String(dim(output, 3)), dim(output, 3), 'one channel per filter'),
      ];
    },
    params: ({ inputs, p, count }) => {
      const [kh, kw] = p.kernel_size;
      const c = dim(inputs[0], 3);
      return [
        p.use_bias
          ? step(
              'parameters',
              `(${times(kh, kw, c)} + 1) × ${p.filters}`,
              count.trainable,
              'each filter has kernel height × width × input channels weights and one bias',
            )
          : step(
              'parameters',
              times(kh, kw, c, p.filters),
              count.trainable,
              'each filter has kernel height × width × input channels weights; no bias',
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
    return ok([null, hw[0], hw[1], p.filters]);
  },
  paramCount: (inputs, p) => {
    const c = only(inputs)[3] ?? 0;
    return {
      trainable: p.kernel_size[0] * p.kernel_size[1] * c * p.filters + (p.use_bias ? p.filters : 0),
      nonTrainable: 0,
    };
  },
  warnings: (inputs, _p, ctx, out) => shrinksToOne(only(inputs), out, ctx),
  toKeras: (p) => ({ ...p, data_format: 'channels_last', ...kerasInitializers }),
});
