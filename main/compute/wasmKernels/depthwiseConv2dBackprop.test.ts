// The depthwise gradients NetCanvas adds to the wasm backend (MobileNet blocks train on it),
// checked against tfjs's cpu backend.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../selectBackend';
import { maxDiff } from '../maxDiff.testutil';

interface Case {
  readonly title: string;
  readonly input: [number, number, number, number];
  /** [kh, kw, channels, depth_multiplier] */
  readonly kernel: [number, number, number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
}

const CASES: readonly Case[] = [
  {
    title: 'valid 3x3 stride 1',
    input: [2, 9, 9, 3],
    kernel: [3, 3, 3, 1],
    strides: [1, 1],
    padding: 'valid',
  },
  {
    title: 'same 3x3 stride 2 on odd size, multiplier 2',
    input: [2, 9, 7, 2],
    kernel: [3, 3, 2, 2],
    strides: [2, 2],
    padding: 'same',
  },
  {
    title: 'valid non-square 2x4 stride 2x1, multiplier 3',
    input: [1, 10, 9, 2],
    kernel: [2, 4, 2, 3],
    strides: [2, 1],
    padding: 'valid',
  },
];

/** Loss of depthwise → relu → pointwise → mean square, and its gradients for input and both kernels. */
function gradients(c: Case) {
  return tf.tidy(() => {
    const x = tf.randomNormal(c.input, 0, 1, 'float32', 1);
    const k = tf.randomNormal(c.kernel, 0, 0.3, 'float32', 2);
    const p = tf.randomNormal([1, 1, c.kernel[2] * c.kernel[3], 4], 0, 0.3, 'float32', 3);
    const f = (xi: tf.Tensor, ki: tf.Tensor, pi: tf.Tensor) =>
      tf
        .separableConv2d(
          tf.relu(xi) as tf.Tensor4D,
          ki as tf.Tensor4D,
          pi as tf.Tensor4D,
          c.strides,
          c.padding,
        )
        .square()
        .mean();
    const [gx, gk, gp] = tf.grads(f)([x, k, p]);
    return [f(x, k, p), gx, gk, gp].map((t) => t?.dataSync() ?? new Float32Array());
  });
}

describe('depthwise convolution gradients on wasm agree with the cpu backend', () => {
  const reference = new Map<string, ArrayLike<number>[]>();
  beforeAll(async () => {
    await tf.setBackend('cpu');
    for (const c of CASES) reference.set(c.title, gradients(c));
    expect((await selectBackend('wasm')).name).toBe('wasm');
  });

  it.each(CASES)('$title', (c) => {
    const ref = reference.get(c.title) ?? [];
    const got = gradients(c);
    expect(tf.getBackend()).toBe('wasm');
    got.forEach((g, i) => expect(maxDiff(g, ref[i] ?? []), `output ${i}`).toBeLessThan(1e-4));
  });

  it('leaves no tensors behind', () => {
    const c = CASES[1];
    if (!c) return;
    gradients(c);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) gradients(c);
    expect(tf.memory().numTensors).toBe(before);
  });
});
