/**
 * What the Insight view shows about a trained network besides one prediction: its Conv2D
 * kernels as small images and a histogram of each layer's weights. Produced by the training
 * process from the tfjs model, drawn by the renderer; plain data so it crosses any boundary.
 */

/**
 * Layers whose output, when the network predicts, is its input unchanged or the same numbers laid
 * out again: Insight does not draw them (it would repeat the map above). Keras class → why.
 */
export const INSIGHT_NOT_DRAWN: ReadonlyMap<string, string> = new Map([
  ['InputLayer', 'the input itself'],
  ['Dropout', 'passes its input on unchanged when predicting'],
  ['SpatialDropout1D', 'passes its input on unchanged when predicting'],
  ['SpatialDropout2D', 'passes its input on unchanged when predicting'],
  ['GaussianDropout', 'passes its input on unchanged when predicting'],
  ['GaussianNoise', 'passes its input on unchanged when predicting'],
  ['AlphaDropout', 'passes its input on unchanged when predicting'],
  ['Flatten', 'the same numbers in one row'],
  ['Reshape', 'the same numbers in another shape'],
]);

/**
 * Whether Insight draws a layer of this Keras class with this output shape (batch axis included):
 * feature maps (rank 4) or a vector (rank 2), unless its output repeats its input.
 */
export function insightDraws(kerasClass: string, outputShape: readonly unknown[]): boolean {
  return (
    !INSIGHT_NOT_DRAWN.has(kerasClass) && (outputShape.length === 2 || outputShape.length === 4)
  );
}

/** One Conv2D layer's kernels, one small grayscale image per filter. */
export interface LayerKernels {
  /** Keras layer name (`conv2d`). */
  readonly layer: string;
  /** Kernel height and width: the size of each image. */
  readonly size: readonly [number, number];
  readonly inChannels: number;
  readonly filters: number;
  /**
   * `filters × height × width` values in 0..1, filter after filter, row after row. Each tap is
   * the mean over input channels, scaled with the layer's own min and max so filters compare.
   */
  readonly values: readonly number[];
  /** The raw minimum and maximum the values were scaled from. */
  readonly min: number;
  readonly max: number;
}

/** A histogram of one weight tensor (a layer's kernel, bias, gamma...). */
export interface WeightHistogram {
  readonly layer: string;
  /** `kernel`, `bias`, `gamma`, `beta`, `moving_mean`, `moving_variance`. */
  readonly weight: string;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  /** Counts per bin; bin i covers [min + i·w, min + (i+1)·w), the last one closed. */
  readonly bins: readonly number[];
}
