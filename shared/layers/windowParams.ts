import { choice, pair } from './params';

/** Help texts for a layer whose window reads differently (Conv2DTranspose grows the image). */
export interface WindowParamHelp {
  readonly kernel_size?: string;
  readonly strides?: string;
  readonly padding?: string;
}

/**
 * The `kernel_size`, `strides` and `padding` parameters every convolution shares, with Keras's
 * defaults (3×3, 1, 'valid'), so Conv2D, DepthwiseConv2D, SeparableConv2D and Conv2DTranspose
 * read, validate and explain them alike. Spread them where the layer lists them: the order of
 * `params` is the inspector's order and the order of the exported Keras config.
 */
export const windowParams = (help: WindowParamHelp = {}) => ({
  kernel_size: pair({
    default: [3, 3],
    help: help.kernel_size ?? 'Height and width of each filter window.',
  }),
  strides: pair({
    default: [1, 1],
    help: help.strides ?? 'How far the window moves each step; 2 halves the image.',
  }),
  padding: choice(['valid', 'same'], {
    default: 'valid',
    help:
      help.padding ??
      "'valid' uses no padding (the image shrinks); 'same' pads so that with stride 1 the size stays.",
  }),
});

/**
 * A convolution's `dilation_rate`, Keras's default 1. Apart from {@link windowParams} because
 * DepthwiseConv2D, SeparableConv2D and Conv2DTranspose list their own parameters before it.
 */
export const dilationRate = () =>
  pair({
    default: [1, 1],
    help: 'Spacing between kernel taps; 2 spreads a 3×3 kernel over 5×5.',
  });
