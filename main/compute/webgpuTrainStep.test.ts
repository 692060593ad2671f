// NetCanvas's WebGPU training step against tfjs's cpu backend, on a software adapter (SwiftShader's
// Vulkan driver from Chromium): the gradients of a batch, and the weights and per-batch loss and
// accuracy after a few steps of every optimizer a learner can pick, for both losses.
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOptimizer } from '../training/buildModel';
import type { LossName, OptimizerName } from '../../shared/training/settings';
import { startWebgpuBackend } from './webgpuBackend';
import { webgpuInternals } from './webgpuDispatch';
import { applyDropoutMask } from './webgpuDropout';
import { WebgpuTrainStep } from './webgpuTrainStep';
import { errorMessage } from '../../shared/errors/errorMessage';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const STEPS = 3;

function build(optimizer: OptimizerName, loss: LossName): tf.LayersModel {
  let seed = 3;
  const k = () => ({
    kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
    biasInitializer: tf.initializers.randomNormal({ stddev: 0.1, seed: seed++ }),
  });
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [6, 6, 1],
        filters: 4,
        kernelSize: 3,
        activation: 'relu',
        ...k(),
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 8, activation: 'relu', ...k() }),
      tf.layers.dense({ units: 3, activation: 'softmax', ...k() }),
    ],
  });
  model.compile({
    optimizer: makeOptimizer({ optimizer, learningRate: 0.05, momentum: 0.9 }),
    loss:
      loss === 'sparse_categorical_crossentropy'
        ? 'sparseCategoricalCrossentropy'
        : 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

function batch(i: number, loss: LossName): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const x = tf.randomUniform([5, 6, 6, 1], 0, 1, 'float32', 100 + i);
    const labels = tf.tensor1d([0, 1, 2, (i + 1) % 3, i % 3], 'int32');
    return [
      x,
      loss === 'sparse_categorical_crossentropy'
        ? labels.toFloat().reshape([5, 1])
        : tf.oneHot(labels, 3).toFloat(),
    ];
  });
}

const read = (ts: readonly tf.Tensor[]) =>
  Promise.all(ts.map(async (t) => Array.from(await t.data())));

/** ||a - b|| / ||b|| over all arrays together. */
function relative(a: readonly number[][], b: readonly number[][]): number {
  let num = 0;
  let den = 0;
  b.forEach((bi, i) =>
    bi.forEach((v, j) => ((num += ((a[i]?.[j] ?? NaN) - v) ** 2), (den += v * v))),
  );
  return Math.sqrt(num / den);
}

interface Outcome {
  grads: number[][];
  weights: number[][];
  metrics: number[][];
}

/** On the cpu backend: tfjs's gradients of batch 0, then `trainOnBatch` for STEPS batches. */
async function reference(optimizer: OptimizerName, loss: LossName): Promise<Outcome> {
  const model = build(optimizer, loss);
  const [x, y] = batch(0, loss);
  // tfjs-layers' sparse loss is the categorical one of the one-hot labels.
  const target =
    loss === 'sparse_categorical_crossentropy' ? tf.oneHot(y.reshape([-1]).toInt(), 3) : y;
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { grads, value } = tf.variableGrads(
    () =>
      tf.mean<tf.Scalar>(
        tf.metrics.categoricalCrossentropy(target, model.apply(x, { training: true }) as tf.Tensor),
      ),
    vars,
  );
  const g = await read(vars.map((v) => grads[v.name] as tf.Tensor));
  tf.dispose([x, y, target, value, ...Object.values(grads)]);
  const metrics: number[][] = [];
  for (let i = 1; i <= STEPS; i++) {
    const [xi, yi] = batch(i, loss);
    metrics.push((await model.trainOnBatch(xi, yi)) as number[]);
    tf.dispose([xi, yi]);
  }
  const weights = await read(model.getWeights());
  model.dispose();
  return { grads: g, weights, metrics };
}

async function ours(optimizer: OptimizerName, loss: LossName): Promise<Outcome> {
  const model = build(optimizer, loss);
  const step = WebgpuTrainStep.create(model, loss, { readEvery: 2 });
  if (typeof step === 'string') throw new Error(step);
  const [x, y] = batch(0, loss);
  const grads = step.gradients(x, y);
  const g = await read(grads);
  tf.dispose([x, y, ...grads]);
  for (let i = 1; i <= STEPS; i++) {
    const [xi, yi] = batch(i, loss);
    step.run(xi, yi);
    tf.dispose([xi, yi]);
  }
  const metrics = (await step.settle(0)).map((m) => [m.loss, m.accuracy]);
  const weights = await read(model.getWeights());
  step.dispose();
  model.dispose();
  return { grads: g, weights, metrics };
}

const CASES: [OptimizerName, LossName][] = [
  ['adam', 'categorical_crossentropy'],
  ['adam', 'sparse_categorical_crossentropy'],
  ['sgd', 'categorical_crossentropy'],
  ['rmsprop', 'categorical_crossentropy'],
  ['adagrad', 'sparse_categorical_crossentropy'],
];

let adapterProblem = '';
const references = new Map<string, Outcome>();

beforeAll(async () => {
  await tf.setBackend('cpu');
  for (const [o, l] of CASES) references.set(`${o} ${l}`, await reference(o, l));
  if (existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  try {
    await startWebgpuBackend({ allowSoftwareAdapter: true });
  } catch (e) {
    adapterProblem = errorMessage(e);
  }
}, 300_000);

describe("NetCanvas's WebGPU training step", () => {
  for (const [optimizer, loss] of CASES) {
    // 'sgd' here has momentum 0.9: tfjs's MomentumOptimizer.
    it(`matches the cpu backend with ${optimizer} and ${loss}`, async (ctx) => {
      if (adapterProblem)
        return ctx.skip(`no WebGPU adapter could be created here: ${adapterProblem}`);
      const ref = references.get(`${optimizer} ${loss}`);
      const got = await ours(optimizer, loss);
      expect(relative(got.grads, ref?.grads ?? [])).toBeLessThan(1e-5);
      expect(relative(got.weights, ref?.weights ?? [])).toBeLessThan(1e-5);
      expect(got.metrics).toHaveLength(STEPS);
      expect(relative(got.metrics, ref?.metrics ?? [])).toBeLessThan(1e-5);
    }, 240_000);
  }

  it('drops each element with the given rate, scales the rest, and reuses the mask for the gradient', async (ctx) => {
    if (adapterProblem)
      return ctx.skip(`no WebGPU adapter could be created here: ${adapterProblem}`);
    const backend = webgpuInternals();
    if (!backend) throw new Error('WebGPU is not the current backend');
    const x = tf.fill([20_000], 2);
    const a = applyDropoutMask(backend, x, 0.25, 42);
    const again = applyDropoutMask(backend, x, 0.25, 42);
    const other = applyDropoutMask(backend, x, 0.25, 43);
    const [va, vAgain, vOther] = await read([a, again, other]);
    tf.dispose([x, a, again, other]);
    const kept = (va ?? []).filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 2 / 0.75) < 1e-6)).toBe(true);
    expect(kept.length / 20_000).toBeGreaterThan(0.73);
    expect(kept.length / 20_000).toBeLessThan(0.77);
    expect(vAgain).toEqual(va);
    expect(vOther).not.toEqual(va);
  });

  it('says why it cannot train a model whose output is not a softmax', () => {
    if (adapterProblem) return;
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: 'sigmoid' })],
    });
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    expect(WebgpuTrainStep.create(model, 'categorical_crossentropy')).toBe(
      'the output is not a softmax over classes',
    );
    model.dispose();
  });
});
