import { dim, noWeights, step } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { nestedSides, sides } from './params';

/** Keras's ZeroPadding2D: a border of zeros around the image; no weights. */
export const zeroPadding2d = defineLayer({
  kerasClass: 'ZeroPadding2D',
  family: 'Reshaping',
  namePrefix: 'zero_padding2d',
  inputs: { min: 1, max: 1 },
  params: {
    padding: sides({
      default: [1, 1, 1, 1],
      help: 'Rows and columns of zeros to add: 1 (every side), (1, 2) (top and bottom, left and right) or ((top, bottom), (left, right)).',
    }),
  },
  explain: {
    summary:
      'Adds a border of zeros around each image, so a following convolution can reach the edges; no weights to learn.',
    shapeFormula: 'height = in + top + bottom; width = in + left + right; channels unchanged',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => {
      const x = inputs[0];
      const [top, bottom, left, right] = p.padding;
      return [
        step(
          'height',
          `${dim(x, 1)} + ${top} + ${bottom}`,
          dim(output, 1),
          'rows of zeros added at the top and the bottom',
        ),
        step(
          'width',
          `${dim(x, 2)} + ${left} + ${right}`,
          dim(output, 2),
          'columns of zeros added at the left and the right',
        ),
        step('channels', String(dim(output, 3)), dim(output, 3), 'padding keeps the channels'),
      ];
    },
    params: noWeights,
  },
  outputShape: (inputs, p, ctx) => {
    const img = imageInput(only(inputs), ctx);
    if (isIssue(img)) return fail(img);
    const [top, bottom, left, right] = p.padding;
    return ok([null, img.h + top + bottom, img.w + left + right, img.c]);
  },
  paramCount: () => NO_PARAMS,
  toKeras: (p) => ({ padding: nestedSides(p.padding), data_format: 'channels_last' }),
});
