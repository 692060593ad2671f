import { dim, step, times, type ArithmeticStep } from '../explain/arithmetic';
import { dilatedKernel } from '../explain/windowSteps';
import { defineLayer, fail, ok, only } from './defineLayer';
import { FILTER_PARAM_FORMULA, filterParamCount, filterParamSteps } from './filterWeights';
import { imageInput, isIssue } from './imageInput';
import { kerasInitializers } from './kerasDefaults';
import { activation, bool, int, optionalPairFromZero } from './params';
import { deconvOutputLength } from './shapeUtils';
import { stridesWithDilation } from './stridesWithDilation';
import { dilationRate, windowParams } from './windowParams';

/** One axis of Keras's `deconv_output_length`, worked with the block's numbers. */
function axisSteps(
  axis: 'height' | 'width',
  input: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: string,
  outputPadding: number | null,
  result: number,
): ArithmeticStep[] {
  const dilated = dilatedKernel(axis, kernel, dilation);
  const out = dilated.steps;
  const k = dilated.size;
  if (outputPadding !== null) {
    const pad = padding === 'same' ? Math.floor(k / 2) : 0;
    out.push(
      step(
        axis,
        `(${input} − 1) × ${stride} + ${k} − 2 × ${pad} + ${outputPadding}`,
        result,
        `output_padding is set: ${padding === 'same' ? `'same' trims floor(${k} / 2) = ${pad} from each side` : "'valid' trims nothing"}, output_padding adds rows back`,
      ),
    );
  } else if (padding === 'same')
    out.push(
      step(
        axis,
        times(input, stride),
        result,
        "'same': each input pixel spreads over stride output pixels",
      ),
    );
  else if (k >= stride)
    out.push(
      step(
        axis,
        `${input} × ${stride} + (${k} − ${stride})`,
        result,
        "'valid': each pixel spreads over stride pixels, and the last window sticks out by kernel − stride",
      ),
    );
  else
    out.push(
      step(
        axis,
        `${input} × ${stride} + 0`,
        result,
        "'valid': each pixel spreads over stride pixels; a kernel smaller than the stride adds nothing",
      ),
    );
  return out;
}

/**
 * Keras's Conv2DTranspose ("deconvolution"): the reverse of a Conv2D's shape change, so a small
 * feature map grows back into an image (decoders, autoencoders). Shapes follow Keras's
 * `deconv_output_length`.
 */
export const conv2dTranspose = defineLayer({
  kerasClass: 'Conv2DTranspose',
  family: 'Convolution',
  namePrefix: 'conv2d_transpose',
  inputs: { min: 1, max: 1 },
  params: {
    filters: int({
      default: 32,
      help: 'How many filters to learn: the output has this many channels.',
    }),
    ...windowParams({
      strides: 'How much the image grows; 2 doubles its height and width.',
      padding:
        "'same' grows the image exactly by the stride; 'valid' also adds kernel − stride rows and columns.",
    }),
    output_padding: optionalPairFromZero({
      help: 'Extra rows and columns added to the output, each below its stride; empty lets Keras work the size out.',
      unset: 'worked out from padding',
    }),
    dilation_rate: dilationRate(),
    activation: activation(),
    use_bias: bool({ default: true, help: 'Add a learned bias to each filter.' }),
  },
  explain: {
    summary:
      'Runs a convolution backwards: every input pixel stamps a learned filter onto a larger output, so the image grows (used in decoders and autoencoders).',
    shapeFormula:
      "out = in × stride with 'same'; out = in × stride + max(kernel − stride, 0) with 'valid'; with output_padding: (in − 1) × stride + kernel − 2 × pad + output_padding; channels = filters",
    paramFormula: FILTER_PARAM_FORMULA,
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => {
      const x = inputs[0];
      const axis = (a: 'height' | 'width', i: 0 | 1) =>
        axisSteps(
          a,
          dim(x, i + 1),
          p.kernel_size[i],
          p.strides[i],
          p.dilation_rate[i],
          p.padding,
          p.output_padding ? p.output_padding[i] : null,
          dim(output, i + 1),
        );
      return [
        ...axis('height', 0),
        ...axis('width', 1),
        step('channels', String(dim(output, 3)), dim(output, 3), 'one channel per filter'),
      ];
    },
    params: filterParamSteps,
  },
  outputShape: (inputs, p, ctx) => {
    const img = imageInput(only(inputs), ctx);
    if (isIssue(img)) return fail(img);
    const both = stridesWithDilation(p.strides, p.dilation_rate, ctx);
    if (both) return fail(both);
    const op = p.output_padding;
    if (op && (op[0] >= p.strides[0] || op[1] >= p.strides[1]))
      return fail({
        code: 'badParam',
        message: `${ctx.type} '${ctx.name}': output_padding (${op.join(', ')}) must be smaller than strides (${p.strides.join(', ')}) on each axis, as Keras requires.`,
        hint: 'Leave output_padding empty, or make each value smaller than its stride.',
        fix: {
          kind: 'setParam',
          label: 'Clear output_padding',
          nodeId: ctx.id,
          param: 'output_padding',
          value: null,
        },
      });
    const length = (i: 0 | 1, input: number) =>
      deconvOutputLength(
        input,
        p.kernel_size[i],
        p.padding,
        p.strides[i],
        p.dilation_rate[i],
        op ? op[i] : null,
      );
    const h = length(0, img.h);
    const w = length(1, img.w);
    if (h < 1 || w < 1)
      return fail({
        code: 'nonPositiveOutput',
        message: `${ctx.type} '${ctx.name}' would give a ${h}×${w} output from its ${img.h}×${img.w} input: 'same' trims half the kernel from each side, and nothing is left.`,
        hint: 'Use a larger output_padding, a kernel of odd size, or padding "valid".',
      });
    return ok([null, h, w, p.filters]);
  },
  paramCount: filterParamCount,
  toKeras: (p) => ({ ...p, data_format: 'channels_last', ...kerasInitializers }),
});
