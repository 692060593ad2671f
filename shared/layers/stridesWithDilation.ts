import type { IssueDraft } from '../graph/issues';
import type { LayerContext } from './defineLayer';

/**
 * Keras refuses a convolution whose strides and dilation_rate are both above 1 (Conv2D,
 * DepthwiseConv2D, SeparableConv2D, Conv2DTranspose); the learner's reason and one-click fix,
 * or undefined when the settings are allowed.
 */
export function stridesWithDilation(
  strides: readonly [number, number],
  dilation: readonly [number, number],
  ctx: LayerContext,
): IssueDraft | undefined {
  if ((strides[0] > 1 || strides[1] > 1) && (dilation[0] > 1 || dilation[1] > 1))
    return {
      code: 'stridesWithDilation',
      message: `${ctx.type} '${ctx.name}' sets both strides (${strides.join(', ')}) and dilation_rate (${dilation.join(', ')}) above 1, which Keras does not allow.`,
      hint: 'Set strides to 1 or dilation_rate to 1.',
      fix: {
        kind: 'setParam',
        label: 'Set dilation_rate to 1',
        nodeId: ctx.id,
        param: 'dilation_rate',
        value: [1, 1],
      },
    };
  return undefined;
}
