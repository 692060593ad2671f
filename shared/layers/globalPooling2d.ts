import { dim, noWeights, step } from '../explain/arithmetic';
import { defineLayer, fail, NO_PARAMS, ok, only } from './defineLayer';
import { imageInput, isIssue } from './imageInput';

const globalPooling = (
  kerasClass: 'GlobalAveragePooling2D' | 'GlobalMaxPooling2D',
  namePrefix: string,
  what: string,
) =>
  defineLayer({
    kerasClass,
    family: 'Pooling',
    namePrefix,
    inputs: { min: 1, max: 1 },
    params: {},
    explain: {
      summary: `Takes the ${what} of each whole feature map, leaving one number per channel: a light replacement for Flatten.`,
      shapeFormula: '(height, width, channels) → (channels)',
      paramFormula: '0: no weights',
    },
    arithmetic: {
      shape: ({ output }) => {
        const last = dim(output, -1);
        return [
          step(
            'channels',
            String(last),
            last,
            'one number per channel: each whole feature map is pooled',
          ),
        ];
      },
      params: noWeights,
    },
    outputShape: (inputs, _p, ctx) => {
      const img = imageInput(only(inputs), ctx);
      return isIssue(img) ? fail(img) : ok([null, img.c]);
    },
    paramCount: () => NO_PARAMS,
    toKeras: () => ({ data_format: 'channels_last', keepdims: false }),
  });

export const globalAveragePooling2d = globalPooling(
  'GlobalAveragePooling2D',
  'global_average_pooling2d',
  'average',
);
export const globalMaxPooling2d = globalPooling(
  'GlobalMaxPooling2D',
  'global_max_pooling2d',
  'maximum',
);
