/**
 * What the Insight view shows about a trained network besides one prediction: its Conv2D
 * kernels as small images and a histogram of each layer's weights. Produced by the training
 * process from the tfjs model, drawn by the renderer; plain data so it crosses any boundary.
 */

/** Layers whose outputs the Insight view draws: feature maps and Dense activations. */
export const INSIGHT_LAYER_CLASSES: ReadonlySet<string> = new Set([
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'Dense',
]);

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
