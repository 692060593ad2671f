// The wasm kernels NetCanvas registers, checked against tfjs's cpu backend: the gradients a
// training step needs, for the layer settings learners use, and no tensor left behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './selectBackend';
import { maxDiff } from './maxDiff.testutil';

interface ConvCase {
  readonly title: string;
  readonly input: [number, number, number, number];
  readonly kernel: [number, number, number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dilation: [number, number];
}

// No dilation > 1 here: tfjs 4.22 has no gradient for dilated convolutions on any backend
// ("dilation rates greater than 1 are not yet supported in gradients").
const conv = (
  title: string,
  input: ConvCase['input'],
  kernel: ConvCase['kernel'],
  strides: ConvCase['strides'],
  padding: ConvCase['padding'],
): ConvCase => ({ title, input, kernel, strides, padding, dilation: [1, 1] });

const CASES: readonly ConvCase[] = [
  conv('valid 3x3 stride 1', [2, 9, 9, 3], [3, 3, 3, 4], [1, 1], 'valid'),
  conv('same 3x3 stride 1', [2, 8, 8, 2], [3, 3, 2, 5], [1, 1], 'same'),
  conv('same 3x3 stride 2 on odd size', [1, 9, 7, 2], [3, 3, 2, 3], [2, 2], 'same'),
  conv('valid non-square 2x4 stride 2x1', [2, 10, 9, 1], [2, 4, 1, 3], [2, 1], 'valid'),
  conv('same 5x5 single channel', [3, 12, 12, 1], [5, 5, 1, 8], [1, 1], 'same'),
];

/**
 * Each case's result on tfjs's cpu backend, worked out before the tests and before the wasm
 * backend (with NetCanvas's kernels) is selected for them.
 */
function cpuReference<C, R>(cases: readonly C[], compute: (c: C) => R): ReadonlyMap<C, R> {
  const reference = new Map<C, R>();
  beforeAll(async () => {
    await tf.setBackend('cpu');
    for (const c of cases) reference.set(c, compute(c));
    expect((await selectBackend('wasm')).name).toBe('wasm');
  });
  return reference;
}

/** Loss of conv → relu → max pool → dense, and its gradients for input, kernel, and dense weights. */
function gradients(c: ConvCase, backend: string) {
  return tf.tidy(() => {
    const x = tf.randomNormal(c.input, 0, 1, 'float32', 1);
    const k = tf.randomNormal(c.kernel, 0, 0.3, 'float32', 2);
    const f = (xi: tf.Tensor, ki: tf.Tensor) => {
      const conv = tf.relu(
        tf.conv2d(xi as tf.Tensor4D, ki as tf.Tensor4D, c.strides, c.padding, 'NHWC', c.dilation),
      );
      const pooled = tf.maxPool(conv, 2, 2, 'same');
      const flat = pooled.reshape([c.input[0], -1]);
      const w = tf.randomNormal([flat.shape[1] ?? 1, 4], 0, 0.2, 'float32', 3);
      return tf.matMul(flat, w).square().mean();
    };
    const [gx, gk] = tf.grads(f)([x, k]);
    return {
      backend,
      loss: f(x, k).dataSync(),
      gx: gx?.dataSync() ?? new Float32Array(),
      gk: gk?.dataSync() ?? new Float32Array(),
    };
  });
}

describe('wasm training kernels agree with the cpu backend', () => {
  const reference = cpuReference(CASES, (c) => gradients(c, 'cpu'));

  it.each(CASES)('$title', (c) => {
    const ref = reference.get(c);
    const got = gradients(c, 'wasm');
    expect(tf.getBackend()).toBe('wasm');
    // float32 sums in another order: agree to a few parts in a million of the values' size.
    expect(maxDiff(got.loss, ref?.loss ?? new Float32Array())).toBeLessThan(1e-4);
    expect(maxDiff(got.gx, ref?.gx ?? new Float32Array())).toBeLessThan(1e-4);
    expect(maxDiff(got.gk, ref?.gk ?? new Float32Array())).toBeLessThan(1e-3);
  });

  it('leaves no tensors behind after repeated training steps', () => {
    const c = CASES[1];
    if (!c) return;
    gradients(c, 'wasm');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) gradients(c, 'wasm');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains a small CNN with Adam: the loss falls', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    // Class 1 images are bright in the top half: learnable in a few steps.
    const labels = Array.from({ length: 32 }, (_, i) => i % 2);
    const xs = tf.tidy(() =>
      tf.stack(
        labels.map((l, i) =>
          tf
            .randomUniform([8, 8, 1], 0, 0.2, 'float32', i)
            .add(tf.concat([tf.fill([4, 8, 1], l), tf.zeros([4, 8, 1])])),
        ),
      ),
    );
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 2);
    const first = (await model.trainOnBatch(xs, ys)) as number;
    let last = first;
    for (let i = 0; i < 30; i++) last = (await model.trainOnBatch(xs, ys)) as number;
    expect(last).toBeLessThan(first * 0.5);
    tf.dispose([xs, ys]);
    model.dispose();
  });
});

describe('MaxPoolGrad on wasm', () => {
  const POOLS: readonly {
    title: string;
    pool: [number, number];
    strides: [number, number];
    pad: 'valid' | 'same';
    ties: boolean;
  }[] = [
    { title: '2x2 stride 2 valid', pool: [2, 2], strides: [2, 2], pad: 'valid', ties: false },
    { title: '3x3 stride 2 valid', pool: [3, 3], strides: [2, 2], pad: 'valid', ties: false },
    { title: '2x3 stride 1x2 same', pool: [2, 3], strides: [1, 2], pad: 'same', ties: false },
    // equal values: the first in the window gets the gradient
    { title: '3x3 stride 2 same, ties', pool: [3, 3], strides: [2, 2], pad: 'same', ties: true },
  ];
  const grad = (c: (typeof POOLS)[number]) =>
    tf.tidy(() => {
      const x = c.ties ? tf.ones([2, 7, 9, 3]) : tf.randomNormal([2, 7, 9, 3], 0, 1, 'float32', 9);
      const w = tf.randomNormal(
        tf.maxPool(x as tf.Tensor4D, c.pool, c.strides, c.pad).shape,
        0,
        1,
        'float32',
        10,
      );
      return tf
        .grad((xi: tf.Tensor) =>
          tf
            .maxPool(xi as tf.Tensor4D, c.pool, c.strides, c.pad)
            .mul(w)
            .sum(),
        )(x)
        .dataSync();
    });
  const reference = cpuReference(POOLS, grad);
  it.each(POOLS)(
    'routes each window’s gradient to its maximum as the cpu backend does: $title',
    (c) => expect(maxDiff(grad(c), reference.get(c) ?? new Float32Array())).toBeLessThan(1e-5),
  );
});
