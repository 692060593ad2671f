import { noWeights, unchangedShape } from '../explain/arithmetic';
import { defineLayer, NO_PARAMS, ok, only } from './defineLayer';
import { float } from './params';

export const rescaling = defineLayer({
  kerasClass: 'Rescaling',
  family: 'Normalization',
  namePrefix: 'rescaling',
  inputs: { min: 1, max: 1 },
  params: {
    scale: float({
      default: 1 / 255,
      help: 'Every number is multiplied by this (1/255 ≈ 0.00392 turns pixels 0–255 into 0–1).',
    }),
    offset: float({
      default: 0,
      help: 'Added after scaling (scale 1/127.5 with offset −1 gives −1 to 1).',
    }),
  },
  explain: {
    summary:
      'Multiplies every number by scale and adds offset, inside the model: out = in × scale + offset. Used to bring pixel values into a small range.',
    shapeFormula: 'out = in (unchanged)',
    paramFormula: '0: no weights (scale and offset are fixed, not learned)',
  },
  arithmetic: {
    shape: ({ output }) => [unchangedShape(output, 'works number by number: the shape stays')],
    params: noWeights,
  },
  outputShape: (inputs) => ok(only(inputs)),
  paramCount: () => NO_PARAMS,
});
