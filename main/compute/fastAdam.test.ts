// Dense layers' matmuls (every transpose combination, fused bias + activation) and the in-place
// Adam update on wasm, checked against tfjs's cpu backend with stock Adam.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastAdam } from './fastAdam';
import { selectBackend } from './selectBackend';
import { maxDiff } from './maxDiff.testutil';

type Values = number[][];

function matMuls(): Values {
  return tf.tidy(() => {
    const a = tf.randomNormal([33, 70], 0, 1, 'float32', 21);
    const b = tf.randomNormal([70, 17], 0, 1, 'float32', 22);
    const bias = tf.randomNormal([17], 0, 1, 'float32', 23);
    const outs = [
      tf.matMul(a, b),
      tf.matMul(a.transpose(), b.transpose(), true, true),
      tf.matMul(a.transpose(), b, true, false),
      tf.matMul(a, b.transpose(), false, true),
      tf.fused.matMul({ a, b, bias, activation: 'relu' }),
      tf.fused.matMul({ a: a.transpose(), b, transposeA: true, bias, activation: 'linear' }),
    ];
    return outs.map((t) => Array.from(t.dataSync()));
  });
}

/** Weights after 5 Adam steps of an MLP on fixed data. */
function adamSteps(optimizer: tf.Optimizer): Values {
  const [w1, w2] = tf.tidy(() => [
    tf.variable(tf.randomNormal([20, 16], 0, 0.3, 'float32', 31)),
    tf.variable(tf.randomNormal([16, 3], 0, 0.3, 'float32', 32)),
  ]);
  const x = tf.randomNormal([8, 20], 0, 1, 'float32', 33);
  for (let i = 0; i < 5; i++) {
    optimizer.minimize(() =>
      tf
        .matMul(tf.relu(tf.matMul(x, w1)), w2)
        .square()
        .mean(),
    );
  }
  const out = [w1, w2].map((v) => Array.from(v.dataSync()));
  tf.dispose([w1, w2, x]);
  optimizer.dispose();
  return out;
}

let refMatMuls: Values = [];
let refAdam: Values = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  refMatMuls = matMuls();
  refAdam = adamSteps(tf.train.adam(0.01, 0.9, 0.999, 1e-7));
  await selectBackend('wasm');
});

describe('dense-layer kernels on wasm', () => {
  it('agree with cpu for all transposes and fused bias + relu', () => {
    // Sums of 70 products of N(0,1) values: float32 reordering stays well under 1e-4.
    expect(maxDiff(matMuls().flat(), refMatMuls.flat())).toBeLessThan(1e-4);
  });

  it('leave no tensors behind over repeated calls', () => {
    matMuls();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) matMuls();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('fastAdam', () => {
  it('updates the moments in place on wasm and ends where stock Adam on cpu ends', () => {
    expect(tf.getBackend()).toBe('wasm');
    const before = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    const got = adamSteps(fastAdam(0.01, 0.9, 0.999, 1e-7));
    // The same algebra in float32; 5 steps of lr 0.01 differ by rounding only.
    expect(maxDiff(got.flat(), refAdam.flat())).toBeLessThan(1e-5);
    // The weights moved (a no-op update would be far from the reference too, but say it plainly).
    expect(maxDiff(got.flat(), adamSteps(fastAdam(0, 0.9, 0.999, 1e-7)).flat())).toBeGreaterThan(
      1e-3,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numBytes).toBe(bytes);
  });

  it('leaves a clone of the weights (a keep-best snapshot) as it was', () => {
    const w = tf.variable(tf.tensor2d([[0.5, -0.5]]));
    const snapshot = w.clone();
    const optimizer = fastAdam(0.1);
    optimizer.minimize(() => w.square().sum());
    expect(Array.from(snapshot.dataSync())).toEqual([0.5, -0.5]);
    expect(Array.from(w.dataSync()).map((x) => Math.round(x * 10) / 10)).toEqual([0.4, -0.4]);
    tf.dispose([w, snapshot]);
    optimizer.dispose();
  });
});
