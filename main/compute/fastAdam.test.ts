// Dense layers' matmuls (every transpose combination, fused bias + activation) and the fused
// Adam update on wasm, checked against tfjs's cpu backend with stock Adam.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastAdam } from './fastAdam';
import { selectBackend } from './selectBackend';
import { AdamUpdate } from './wasmKernels/adamUpdate';

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
    optimizer.minimize(() => tf.matMul(tf.relu(tf.matMul(x, w1)), w2).square().mean());
  }
  const out = [w1, w2].map((v) => Array.from(v.dataSync()));
  tf.dispose([w1, w2, x]);
  optimizer.dispose();
  return out;
}

function maxDiff(a: Values, b: Values): number {
  let m = 0;
  a.forEach((row, i) => {
    const other = b[i] ?? [];
    if (row.length !== other.length) m = Infinity;
    row.forEach((v, j) => (m = Math.max(m, Math.abs(v - (other[j] ?? NaN)))));
  });
  return m;
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
    expect(maxDiff(matMuls(), refMatMuls)).toBeLessThan(1e-4);
  });

  it('leave no tensors behind over repeated calls', () => {
    matMuls();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) matMuls();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('fastAdam', () => {
  it('uses the fused kernel on wasm and ends where stock Adam on cpu ends', () => {
    expect(tf.getKernel(AdamUpdate, 'wasm')).toBeDefined();
    const before = tf.memory().numTensors;
    const got = adamSteps(fastAdam(0.01, 0.9, 0.999, 1e-7));
    // Same formula in float32; 5 steps of lr 0.01 differ by rounding only.
    expect(maxDiff(got, refAdam)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
