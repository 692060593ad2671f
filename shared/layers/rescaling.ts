import { defineLayer } from './defineLayer';
import { NUMBER_BY_NUMBER_FORMULAS, numberByNumber } from './numberByNumber';
import { float } from './params';

export const rescaling = defineLayer({
  kerasClass: 'Rescaling',
  family: 'Normalization',
  namePrefix: 'rescaling',
  ...numberByNumber,
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
    shapeFormula: NUMBER_BY_NUMBER_FORMULAS.shapeFormula,
    paramFormula: '0: no weights (scale and offset are fixed, not learned)',
  },
});
