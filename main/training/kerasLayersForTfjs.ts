// Keras layers that tfjs-layers 4.22 lacks or only half implements, registered under their Keras
// class names so that tfjs's own deserializer builds them from the same topology the exports
// write: Subtract (missing), ReLU with negative_slope and threshold (tfjs knows only max_value),
// ELU with any alpha (tfjs refuses all but 1), Softmax over any axis (tfjs computes only the last). Each is written with differentiable tfjs ops, so
// networks using them train; the formulas are Keras's own (keras.backend.relu, keras.backend.elu).
import * as tf from '@tensorflow/tfjs';
import { mergeShape } from '../../shared/layers/elementwiseMerge';

type Shape = (number | null)[];

const one = (inputs: tf.Tensor | tf.Tensor[]): tf.Tensor => (Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs);

/** Keras's ReLU: `x` above `threshold`, capped at `max_value`; `negative_slope × (x − threshold)` below. */
class KerasReLU extends tf.layers.Layer {
  static readonly className = 'ReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(args: { maxValue?: number | null; negativeSlope?: number; threshold?: number; name?: string; trainable?: boolean }) {
    super(args);
    this.supportsMasking = true;
    this.maxValue = args.maxValue ?? null;
    this.negativeSlope = args.negativeSlope ?? 0;
    this.threshold = args.threshold ?? 0;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      const t = this.threshold;
      // step() has a zero gradient, so the mask does not stop training.
      let y = t !== 0 ? tf.mul(x, tf.step(tf.sub(x, t))) : tf.relu(x);
      if (this.maxValue !== null) y = tf.clipByValue(y, 0, this.maxValue);
      if (this.negativeSlope !== 0) y = tf.sub(y, tf.mul(this.negativeSlope, tf.relu(t !== 0 ? tf.sub(t, x) : tf.neg(x))));
      return y;
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { maxValue: this.maxValue, negativeSlope: this.negativeSlope, threshold: this.threshold, ...super.getConfig() };
  }
}

/** Keras's ELU: `x` for positive inputs, `alpha × (eˣ − 1)` for the rest, any alpha. */
class KerasELU extends tf.layers.Layer {
  static readonly className = 'ELU';
  readonly alpha: number;

  constructor(args: { alpha?: number; name?: string; trainable?: boolean }) {
    super(args);
    this.alpha = args.alpha ?? 1;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      if (this.alpha === 1) return tf.elu(x);
      // relu(−elu(x)) is 1 − eˣ for negative x and 0 otherwise.
      return tf.sub(tf.relu(x), tf.mul(this.alpha, tf.relu(tf.neg(tf.elu(x)))));
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { alpha: this.alpha, ...super.getConfig() };
  }
}

/** Keras's Softmax over any one axis: `exp(x − logsumexp(x))` along it. */
class KerasSoftmax extends tf.layers.Layer {
  static readonly className = 'Softmax';
  readonly axis: number;

  constructor(args: { axis?: number | number[]; name?: string; trainable?: boolean }) {
    super(args);
    const axis = Array.isArray(args.axis) ? args.axis[0] : args.axis;
    this.axis = axis ?? -1;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      const axis = this.axis < 0 ? x.rank + this.axis : this.axis;
      return axis === x.rank - 1 ? tf.softmax(x) : tf.exp(tf.sub(x, tf.logSumExp(x, axis, true)));
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { axis: this.axis, ...super.getConfig() };
  }
}

/** Keras's Subtract: the first input minus the second, broadcast like tfjs's other merges. */
class KerasSubtract extends tf.layers.Layer {
  static readonly className = 'Subtract';

  override build(inputShape: Shape | Shape[]): void {
    if (!Array.isArray(inputShape[0]) || inputShape.length !== 2)
      throw new Error(`A Subtract layer should be called on exactly 2 inputs, got ${Array.isArray(inputShape[0]) ? inputShape.length : 1}`);
    this.computeOutputShape(inputShape);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [a, b] = Array.isArray(inputs) ? inputs : [inputs];
      if (!a || !b) throw new Error('A Subtract layer should be called on exactly 2 inputs');
      // As Keras and tfjs's merges: a lower-rank input gains axes right after the batch.
      const rank = Math.max(a.rank, b.rank);
      const lift = (v: tf.Tensor): tf.Tensor => (v.rank < rank ? tf.reshape(v, [v.shape[0] ?? -1, ...Array<number>(rank - v.rank).fill(1), ...v.shape.slice(1)]) : v);
      return tf.sub(lift(a), lift(b));
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [a, b] = inputShape as Shape[];
    const out = a && b ? mergeShape(a, b) : null;
    if (!out) throw new Error(`Subtract: the shapes ${JSON.stringify(a)} and ${JSON.stringify(b)} cannot be subtracted`);
    return [...out];
  }
}

let registered = false;

/**
 * Registers the Keras layers above with tfjs, replacing its ReLU, ELU and Softmax (which they extend to
 * Keras's full settings; with tfjs's settings they compute the same). Idempotent; call before
 * building or loading a model.
 */
export function registerKerasLayers(): void {
  if (registered) return;
  registered = true;
  for (const cls of [KerasReLU, KerasELU, KerasSoftmax, KerasSubtract]) tf.serialization.registerClass(cls);
}
