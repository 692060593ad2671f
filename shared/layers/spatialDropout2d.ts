import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { rate } from './params';

/** Keras's SpatialDropout2D: Dropout of whole channels (feature maps) rather than single numbers. */
export const spatialDropout2d = defineLayer({
  kerasClass: 'SpatialDropout2D',
  family: 'Regularization',
  namePrefix: 'spatial_dropout2d',
  inputs: { min: 1, max: 1 },
  params: {
    rate: rate({
      default: 0.5,
      help: 'Fraction of channels (whole feature maps) set to zero at random during training.',
    }),
  },
  explain: {
    summary:
      'During training, zeroes whole channels (feature maps) at random and scales up the rest: neighbouring pixels are alike, so dropping single pixels would hardly matter. Does nothing at test time.',
    shapeFormula: 'out = in (unchanged)',
    paramFormula: '0: no weights',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'drops whole channels: the shape stays')],
    params: noWeights,
  },
  outputShape: (inputs, _p, ctx) => {
    const img = imageInput(only(inputs), ctx);
    if (isIssue(img)) return fail(img);
    return ok(only(inputs));
  },
  paramCount: () => NO_PARAMS,
});
