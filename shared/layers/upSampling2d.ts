import { dim, noWeights, step } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { choice, pair } from './params';
import { MAX_SIZE } from './sizeLimits';
import { formatCount } from './shapeUtils';

/**
 * Keras's `UpSampling2D`: repeats every row `size[0]` times and every column `size[1]` times
 * ('nearest'), or blends neighbouring pixels ('bilinear'); the decoder half of an autoencoder.
 */
export const upSampling2d = defineLayer({
  kerasClass: 'UpSampling2D',
  family: 'Reshaping',
  namePrefix: 'up_sampling2d',
  inputs: { min: 1, max: 1 },
  params: {
    size: pair({
      default: [2, 2],
      min: 1,
      help: 'How many times to repeat each row and each column: 2 doubles height and width.',
    }),
    interpolation: choice(['nearest', 'bilinear'], {
      default: 'nearest',
      help: "'nearest' copies each pixel into a size×size block; 'bilinear' blends neighbouring pixels for smoother results.",
    }),
  },
  explain: {
    summary:
      'Makes the image larger by repeating (or blending) its pixels, keeping the channels; no weights to learn. The opposite of pooling.',
    shapeFormula:
      'out height = in height × size[0]; out width = in width × size[1]; channels unchanged',
    paramFormula: '0: upsampling has no weights',
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => {
      const x = inputs[0];
      const how = p.interpolation === 'nearest' ? 'each pixel repeated' : 'pixels blended';
      return [
        step(
          'height',
          `${dim(x, 1)} × ${p.size[0]}`,
          dim(output, 1),
          `${how} ${p.size[0]} times down`,
        ),
        step(
          'width',
          `${dim(x, 2)} × ${p.size[1]}`,
          dim(output, 2),
          `${how} ${p.size[1]} times across`,
        ),
        step('channels', String(dim(output, 3)), dim(output, 3), 'upsampling keeps the channels'),
      ];
    },
    params: noWeights,
  },
  outputShape: (inputs, p, ctx) => {
    const img = imageInput(only(inputs), ctx);
    if (isIssue(img)) return fail(img);
    const h = img.h * p.size[0];
    const w = img.w * p.size[1];
    if (h > MAX_SIZE || w > MAX_SIZE)
      return fail({
        code: 'tooLarge',
        message: `${ctx.type} '${ctx.name}' would make the image ${formatCount(h)} × ${formatCount(w)}, larger than TensorFlow can hold (at most ${formatCount(MAX_SIZE)} per side).`,
        hint: 'Choose a smaller size.',
      });
    return ok([null, h, w, img.c]);
  },
  paramCount: () => NO_PARAMS,
  toKeras: (p) => ({ size: p.size, data_format: 'channels_last', interpolation: p.interpolation }),
});
