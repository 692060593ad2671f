import { dim, noWeights, step } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { nestedSides, sides } from './params';

/** Keras's Cropping2D: cuts rows and columns off the image's edges; no weights. */
export const cropping2d = defineLayer({
  kerasClass: 'Cropping2D',
  family: 'Reshaping',
  namePrefix: 'cropping2d',
  inputs: { min: 1, max: 1 },
  params: {
    cropping: sides({
      default: [0, 0, 0, 0],
      help: 'Rows and columns to cut off: 2 (every side), (2, 1) (top and bottom, left and right) or ((top, bottom), (left, right)).',
    }),
  },
  explain: {
    summary:
      'Cuts rows and columns off the edges of each image (for example to match a skip connection’s size); no weights to learn.',
    shapeFormula: 'height = in − top − bottom; width = in − left − right; channels unchanged',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ inputs, output, p }) => {
      const x = inputs[0];
      const [top, bottom, left, right] = p.cropping;
      return [
        step(
          'height',
          `${dim(x, 1)} − ${top} − ${bottom}`,
          dim(output, 1),
          'rows cut off at the top and the bottom',
        ),
        step(
          'width',
          `${dim(x, 2)} − ${left} − ${right}`,
          dim(output, 2),
          'columns cut off at the left and the right',
        ),
        step('channels', String(dim(output, 3)), dim(output, 3), 'cropping keeps the channels'),
      ];
    },
    params: noWeights,
  },
  outputShape: (inputs, p, ctx) => {
    const img = imageInput(only(inputs), ctx);
    if (isIssue(img)) return fail(img);
    const [top, bottom, left, right] = p.cropping;
    const h = img.h - top - bottom;
    const w = img.w - left - right;
    if (h < 1 || w < 1)
      return fail({
        code: 'nonPositiveOutput',
        message: `${ctx.type} '${ctx.name}' cuts ${top} + ${bottom} rows and ${left} + ${right} columns off its ${img.h}×${img.w} input, which leaves ${h}×${w}: nothing is left.`,
        hint: `Crop less: together, top and bottom must stay below ${img.h}, and left and right below ${img.w}.`,
      });
    return ok([null, h, w, img.c]);
  },
  paramCount: () => NO_PARAMS,
  toKeras: (p) => ({ cropping: nestedSides(p.cropping), data_format: 'channels_last' }),
});
