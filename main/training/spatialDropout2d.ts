// Keras's SpatialDropout2D for TensorFlow.js, which has only SpatialDropout1D (tfjs 4.22): without
// it tfjs cannot build, train or load a network that uses the layer. Importing this module
// registers the class with tfjs's deserializer under Keras's name, so a topology or a saved
// model.json with "SpatialDropout2D" builds like any other.
import * as tf from '@tensorflow/tfjs';

interface SpatialDropout2DArgs {
  readonly rate: number;
  readonly seed?: number;
  readonly name?: string;
  readonly trainable?: boolean;
  readonly dtype?: tf.DataType;
  readonly inputShape?: (number | null)[];
  readonly batchInputShape?: (number | null)[];
}

/**
 * Zeroes whole channels during training: the keep-or-drop choice is made once per sample and
 * channel (noise shape batch × 1 × 1 × channels) and the kept channels are scaled by
 * 1 / (1 − rate), as Keras does; the identity at inference.
 */
export class SpatialDropout2D extends tf.layers.Layer {
  static readonly className = 'SpatialDropout2D';
  readonly rate: number;
  readonly seed: number | undefined;

  constructor(args: SpatialDropout2DArgs) {
    super(args);
    this.rate = Math.max(Math.min(args.rate, 1), 0);
    this.seed = args.seed;
    this.supportsMasking = true;
    this.inputSpec = [{ ndim: 4 }];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!x) throw new Error('SpatialDropout2D called without an input');
      if (kwargs.training !== true || this.rate <= 0 || this.rate >= 1) return x;
      const [batch = 1, , , channels = 1] = x.shape;
      return tf.dropout(x, this.rate, [batch, 1, 1, channels], this.seed);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      rate: this.rate,
      ...(this.seed === undefined ? {} : { seed: this.seed }),
    };
  }
}

tf.serialization.registerClass(SpatialDropout2D);
