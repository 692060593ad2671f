import type { IssueDraft } from '../graph/issues';
import type { Shape } from '../graph/types';
import type { ParamCount } from './defineLayer';
import { formatCount, formatShape } from './shapeUtils';

/**
 * The largest number any one size or setting may be (units, filters, a side of the input):
 * TensorFlow and TensorFlow.js hold shapes as 32-bit integers.
 */
export const MAX_SIZE = 2 ** 31 - 1;

/**
 * The most numbers one layer's weights, or one sample's output of a layer, may hold: 2³¹ − 1
 * float32 numbers are 8 GiB, before the optimizer's copies and a batch of samples; no machine
 * NetCanvas trains on holds that, and Keras fails such a layer when it builds it.
 */
export const MAX_LAYER_NUMBERS = 2 ** 31 - 1;

/**
 * Why a layer whose shape and count were inferred cannot exist on any machine, or undefined
 * when it can; the message names the layer and the number.
 * @param label - the layer as messages name it: `Dense 'dense'`
 */
export function sizeIssue(label: string, output: Shape, count: ParamCount): IssueDraft | undefined {
  const weights = count.trainable + count.nonTrainable;
  if (weights > MAX_LAYER_NUMBERS)
    return {
      code: 'tooLarge',
      message: `${label} would have ${formatCount(weights)} weights, more than any machine can hold (at most ${formatCount(MAX_LAYER_NUMBERS)} in one layer, 8 GiB).`,
      hint: 'Use fewer units or filters, or shrink the input first (pooling, strides, a smaller Input shape).',
    };
  const numbers = output.slice(1).reduce<number>((n, d) => n * (d ?? 1), 1);
  if (numbers > MAX_LAYER_NUMBERS)
    return {
      code: 'tooLarge',
      message: `${label} outputs ${formatShape(output)}: ${formatCount(numbers)} numbers for each sample, more than any machine can hold (at most ${formatCount(MAX_LAYER_NUMBERS)}, 8 GiB).`,
      hint: 'Use a smaller Input shape, or fewer units or filters.',
    };
  return undefined;
}
