/**
 * What the "Convolution step by step" view needs from a trained model to redo one layer's
 * arithmetic: the layer's settings as the model holds them, its input and output for the current
 * input image, and its weights. Produced by the training process, computed on by the pure step
 * functions beside this file; plain data so it crosses any boundary.
 */

/** A tensor without its batch dimension: shape and values in row-major (channels-last) order. */
export interface PlainTensor {
  readonly shape: readonly number[];
  readonly values: readonly number[];
}

/** The layer kinds whose arithmetic Insight redoes. */
export const STEP_LAYER_CLASSES = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'Dense'] as const;
export type StepLayerClass = (typeof STEP_LAYER_CLASSES)[number];

/** A window's settings, as tfjs's layer config gives them (pooling: kernel = pool size, dilation 1). */
export interface WindowConfig {
  readonly kernelSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: 'valid' | 'same';
  readonly dilationRate: readonly [number, number];
}

/** One layer's inputs, outputs and weights for one input image. */
export interface LayerArithmetic {
  readonly layer: string;
  readonly kerasClass: StepLayerClass;
  /** Conv2D and pooling only. */
  readonly window: WindowConfig | null;
  /** Keras activation name (`relu`, `softmax`, ... ; `linear` for pooling). */
  readonly activation: string;
  /** What the layer received (an H×W×C image for Conv2D and pooling, a vector for Dense). */
  readonly input: PlainTensor;
  /** What the model itself computed: the numbers the step view must reproduce. */
  readonly output: PlainTensor;
  /** Conv2D: [kh, kw, in, out]; Dense: [in, units]. Absent for pooling. */
  readonly kernel: PlainTensor | null;
  /** One per filter or unit; absent without a bias. */
  readonly bias: readonly number[] | null;
}
