import { dim, noWeights, step } from '../explain/arithmetic';
import { windowAxesSteps } from '../explain/windowSteps';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { choice, optionalPair, pair } from './params';
import { shrinksToOne, windowOutput } from './windowOutput';

const poolingLayer = (
  kerasClass: 'MaxPooling2D' | 'AveragePooling2D',
  namePrefix: string,
  what: string,
) =>
  defineLayer({
    kerasClass,
    family: 'Pooling',
    namePrefix,
    inputs: { min: 1, max: 1 },
    params: {
      pool_size: pair({ default: [2, 2], help: 'Height and width of the pooling window.' }),
      strides: optionalPair({
        help: 'How far the window moves; empty means the same as pool_size (Keras default).',
      }),
      padding: choice(['valid', 'same'], {
        default: 'valid',
        help: "'valid' drops leftover rows/columns; 'same' pads to keep them.",
      }),
    },
    explain: {
      summary: `Shrinks the image by taking the ${what} of each window, keeping the channels; no weights to learn.`,
      shapeFormula:
        "out = floor((in − pool) / stride) + 1 with 'valid'; out = ceil(in / stride) with 'same'; stride defaults to pool_size",
      paramFormula: '0: pooling has no weights',
    },
    arithmetic: {
      shape: ({ inputs, output, p }) => [
        ...windowAxesSteps(inputs[0], output, {
          kernel: p.pool_size,
          strides: p.strides ?? p.pool_size,
          dilation: [1, 1],
          padding: p.padding,
          ...(p.strides === null ? { strideNote: 'strides default to pool_size' } : {}),
        }),
        step('channels', String(dim(output, 3)), dim(output, 3), 'pooling keeps the channels'),
      ],
      params: noWeights,
    },
    outputShape: (inputs, p, ctx) => {
      const img = imageInput(only(inputs), ctx);
      if (isIssue(img)) return fail(img);
      const strides = p.strides ?? p.pool_size;
      const hw = windowOutput(
        img.h,
        img.w,
        {
          size: p.pool_size,
          strides,
          padding: p.padding,
          dilation: [1, 1],
          sizeParam: 'pool_size',
        },
        ctx,
      );
      if (isIssue(hw)) return fail(hw);
      return ok([null, hw[0], hw[1], img.c]);
    },
    paramCount: () => NO_PARAMS,
    warnings: (inputs, _p, ctx, out) => shrinksToOne(only(inputs), out, ctx),
    toKeras: (p) => ({
      pool_size: p.pool_size,
      strides: p.strides ?? p.pool_size,
      padding: p.padding,
      data_format: 'channels_last',
    }),
  });

export const maxPooling2d = poolingLayer('MaxPooling2D', 'max_pooling2d', 'maximum');
export const averagePooling2d = poolingLayer('AveragePooling2D', 'average_pooling2d', 'average');
