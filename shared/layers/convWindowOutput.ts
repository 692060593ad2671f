import type { IssueDraft } from '../graph/issues';
import type { ArithmeticStep } from '../explain/arithmetic';
import { windowAxesSteps } from '../explain/windowSteps';
import type { Shape } from '../graph/types';
import { only, type LayerContext } from './defineLayer';
import { imageInput, isIssue } from './imageInput';
import { stridesWithDilation } from './stridesWithDilation';
import { windowOutput } from './windowOutput';

/** The parameters a convolution's output height and width depend on. */
export interface ConvWindowParams {
  readonly kernel_size: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: string;
  readonly dilation_rate: readonly [number, number];
}

/** How {@link convWindowOutput} computes a height or width, as the explanations write it. */
export const CONV_WINDOW_FORMULA =
  "out = floor((in − dilation·(kernel − 1) − 1) / stride) + 1 with 'valid'; out = ceil(in / stride) with 'same'";

/**
 * Output height and width of a convolution's kernel sliding over its one image input, with the
 * input's channels; or the first reason it cannot: the input is not an image, strides and
 * dilation_rate are both above 1, or the window does not fit. Conv2D, DepthwiseConv2D and
 * SeparableConv2D differ only in the channels they make of it.
 */
export function convWindowOutput(
  inputs: readonly Shape[],
  p: ConvWindowParams,
  ctx: LayerContext,
): { readonly h: number; readonly w: number; readonly c: number } | IssueDraft {
  const img = imageInput(only(inputs), ctx);
  if (isIssue(img)) return img;
  const both = stridesWithDilation(p.strides, p.dilation_rate, ctx);
  if (both) return both;
  const hw = windowOutput(
    img.h,
    img.w,
    {
      size: p.kernel_size,
      strides: p.strides,
      padding: p.padding,
      dilation: p.dilation_rate,
      sizeParam: 'kernel_size',
    },
    ctx,
  );
  if (isIssue(hw)) return hw;
  return { h: hw[0], w: hw[1], c: img.c };
}

/** The height and width steps of {@link convWindowOutput}, worked with the block's numbers. */
export const convWindowSteps = (
  input: Shape | undefined,
  output: Shape,
  p: ConvWindowParams,
): ArithmeticStep[] =>
  windowAxesSteps(input, output, {
    kernel: p.kernel_size,
    strides: p.strides,
    dilation: p.dilation_rate,
    padding: p.padding,
  });
