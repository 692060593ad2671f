import type { IssueDraft } from '../graph/issues';
import type { Shape } from '../graph/types';
import type { LayerContext } from './defineLayer';
import { convOutputLength } from './shapeUtils';

/** Settings of a sliding window (convolution kernel or pooling window). */
export interface Window {
  readonly size: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: string;
  readonly dilation: readonly [number, number];
  /** `kernel_size` or `pool_size`, for messages. */
  readonly sizeParam: string;
}

/** Output height and width of a window sliding over an h × w image, or why it cannot slide. */
export function windowOutput(
  h: number,
  w: number,
  win: Window,
  ctx: LayerContext,
): readonly [number, number] | IssueDraft {
  const oh = convOutputLength(h, win.size[0], win.padding, win.strides[0], win.dilation[0]);
  const ow = convOutputLength(w, win.size[1], win.padding, win.strides[1], win.dilation[1]);
  if (oh >= 1 && ow >= 1) return [oh, ow];
  const eh = win.size[0] + (win.size[0] - 1) * (win.dilation[0] - 1);
  const ew = win.size[1] + (win.size[1] - 1) * (win.dilation[1] - 1);
  const dilated = win.dilation[0] > 1 || win.dilation[1] > 1 ? ` (${eh}×${ew} once dilated)` : '';
  return {
    code: 'kernelTooLarge',
    // Say what the window needs rather than the negative output size the formula gives.
    message: `${ctx.type} '${ctx.name}': its ${win.size[0]}×${win.size[1]} window${dilated} does not fit in its ${h}×${w} input with padding 'valid': the input must be at least ${eh}×${ew}.`,
    hint: `Use a smaller ${win.sizeParam}, set padding to 'same', or shrink the image less before this layer (fewer pooling layers or strides).`,
    fix: {
      kind: 'setParam',
      label: "Set padding to 'same'",
      nodeId: ctx.id,
      param: 'padding',
      value: 'same',
    },
  };
}

/** Warns when a window layer squeezes a larger image down to a single pixel. */
export function shrinksToOne(input: Shape, output: Shape, ctx: LayerContext): IssueDraft[] {
  const [, ih, iw] = input;
  const [, oh, ow] = output;
  if (oh === 1 && ow === 1 && ih != null && iw != null && ih * iw > 1)
    return [
      {
        code: 'outputShrinksToOne',
        message: `${ctx.type} '${ctx.name}' shrinks its ${ih}×${iw} input to 1×1: nothing spatial is left for later layers.`,
        hint: 'Probably too many pooling layers or too large strides for this image size; remove one or use padding "same".',
      },
    ];
  return [];
}
