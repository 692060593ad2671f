// Keras layers that tfjs-layers 4.22 lacks or only half implements, registered under their Keras
// class names so that tfjs's own deserializer builds them from the same topology the exports
// write: Subtract (missing), Maximum and Minimum (untrainable when an input broadcasts), ReLU with negative_slope and threshold (tfjs knows only max_value),
// ELU with any alpha (tfjs refuses all but 1), Softmax over any axis (tfjs computes only the last). Each is written with differentiable tfjs ops, so
// networks using them train; the formulas are Keras's own (keras.backend.relu, keras.backend.elu).
import * as tf from '@tensorflow/tfjs';
import { mergeShape } from '../../shared/layers/elementwiseMerge';

type Shape = (number | null)[];

const one = (inputs: tf.Tensor | tf.Tensor[]): tf.Tensor =>
  Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;

/** Keras's ReLU: `x` above `threshold`, capped at `max_value`; `negative_slope × (x − threshold)` below. */
class KerasReLU extends tf.layers.Layer {
  static readonly className = 'ReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(args: {
    maxValue?: number | null;
    negativeSlope?: number;
    threshold?: number;
    name?: string;
    trainable?: boolean;
  }) {
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
      if (this.negativeSlope !== 0)
        y = tf.sub(y, tf.mul(this.negativeSlope, tf.relu(t !== 0 ? tf.sub(t, x) : tf.neg(x))));
      return y;
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      maxValue: this.maxValue,
      negativeSlope: this.negativeSlope,
      threshold: this.threshold,
      ...super.getConfig(),
    };
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

/**
 * An element-wise merge of Keras's: inputs lined up as Keras and tfjs's merges line them up (a
 * lower-rank input gains axes right after the batch) and stretched to one shape before `op`, so
 * the gradient of a stretched input adds up over the stretched axes. tfjs's own Maximum and
 * Minimum skip that sum and cannot train when one input broadcasts (tfjs-core 4.22's
 * maximum/minimum gradients), and it has no Subtract.
 */
function kerasMerge(
  className: string,
  op: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  exactlyTwo: boolean,
) {
  return class KerasMerge extends tf.layers.Layer {
    static readonly className = className;

    override build(inputShape: Shape | Shape[]): void {
      const count = Array.isArray(inputShape[0]) ? inputShape.length : 1;
      if (count < 2 || (exactlyTwo && count !== 2))
        throw new Error(
          `A ${className} layer should be called on ${exactlyTwo ? 'exactly 2' : 'at least 2'} inputs, got ${count}`,
        );
      this.computeOutputShape(inputShape);
      this.built = true;
    }

    override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
      return tf.tidy(() => {
        const xs = Array.isArray(inputs) ? inputs : [inputs];
        const rank = Math.max(...xs.map((v) => v.rank));
        const lift = (v: tf.Tensor): tf.Tensor =>
          v.rank < rank
            ? tf.reshape(v, [
                v.shape[0] ?? -1,
                ...Array<number>(rank - v.rank).fill(1),
                ...v.shape.slice(1),
              ])
            : v;
        const lifted = xs.map(lift);
        // Sizes agree or are 1 (checked when the layer was built): the larger one is the common size.
        const shape = Array.from({ length: rank }, (_, i) =>
          Math.max(...lifted.map((v) => v.shape[i] ?? 1)),
        );
        const full = lifted.map((v) =>
          v.shape.every((d, i) => d === shape[i]) ? v : tf.broadcastTo(v, shape),
        );
        return full.slice(1).reduce((acc, v) => op(acc, v), full[0] as tf.Tensor);
      });
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      const shapes = inputShape as Shape[];
      let out: readonly (number | null)[] | null = shapes[0] ?? null;
      for (const s of shapes.slice(1)) out = out && mergeShape(out, s);
      if (!out)
        throw new Error(
          `${className}: the shapes ${shapes.map((s) => JSON.stringify(s)).join(' and ')} cannot be merged`,
        );
      return [...out];
    }
  };
}

let registered = false;

/**
 * Registers the Keras layers above with tfjs, replacing its ReLU, ELU and Softmax (which they extend to
 * Keras's full settings; with tfjs's settings they compute the same) and its Maximum and Minimum
 * (the same values, with gradients that also hold when an input broadcasts). Idempotent; call before
 * building or loading a model.
 */
export function registerKerasLayers(): void {
  if (registered) return;
  registered = true;
  const merges = [
    kerasMerge('Subtract', tf.sub, true),
    kerasMerge('Maximum', tf.maximum, false),
    kerasMerge('Minimum', tf.minimum, false),
  ];
  for (const cls of [KerasReLU, KerasELU, KerasSoftmax, ...merges])
    tf.serialization.registerClass(cls);
}
