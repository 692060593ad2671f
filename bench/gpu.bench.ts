// The WebGPU path on whatever adapter Dawn finds: checks that a small CNN's loss and gradients
// agree with the cpu backend, then times training steps of the three tutorial models on random
// MNIST-shaped data. Run on a machine with a GPU:
//   node --import tsx bench/gpu.bench.ts
// Without one, NETCANVAS_ALLOW_SOFTWARE_GPU=1 accepts SwiftShader (correctness only; very slow).
import * as tf from '@tensorflow/tfjs';
import { startWebgpuBackend } from '../main/compute/webgpuBackend';

const STEPS = Number(process.env.STEPS ?? 50);

type ModelName = 'A' | 'B' | 'C';

function buildModel(name: ModelName, seed: number): tf.Sequential {
  const init = () => tf.initializers.glorotUniform({ seed: seed++ });
  const m = tf.sequential();
  const input = { inputShape: [28, 28, 1] };
  if (name === 'A') {
    m.add(tf.layers.flatten(input));
    m.add(tf.layers.dense({ units: 512, activation: 'relu', kernelInitializer: init() }));
    m.add(tf.layers.dense({ units: 512, activation: 'relu', kernelInitializer: init() }));
  } else if (name === 'B') {
    m.add(tf.layers.conv2d({ ...input, filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init() }));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init() }));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init() }));
  } else {
    m.add(tf.layers.conv2d({ ...input, filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init() }));
    m.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init() }));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: init() }));
  }
  m.add(tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init() }));
  return m;
}

/**
 * Loss and the gradient norms of every weight for one fixed batch, on the current backend.
 * Reads back with `data()`: tfjs-backend-webgpu's synchronous read needs OffscreenCanvas, which
 * Node lacks, so `dataSync()` fails there.
 */
async function lossAndGradients(name: ModelName): Promise<{ loss: number; grads: number[] }> {
  const { value, norms } = tf.tidy(() => {
    const model = buildModel(name, 7);
    const x = tf.randomUniform([8, 28, 28, 1], 0, 1, 'float32', 3);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
    const f = () => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, model.predict(x) as tf.Tensor);
    const { value, grads } = tf.variableGrads(f);
    return { value, norms: tf.stack(Object.values(grads).map((g) => tf.norm(g))) };
  });
  const [loss, grads] = await Promise.all([value.data(), norms.data()]);
  tf.dispose([value, norms]);
  return { loss: loss[0] ?? NaN, grads: Array.from(grads) };
}

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1e-6, Math.abs(b));
}

/**
 * Training throughput two ways: `trainOnBatch` (reads the loss back every step, as a training
 * loop that reports every batch does) and `optimizer.minimize` reading the loss back only once
 * per `readEvery` steps, which shows what per-step synchronisation costs on this backend.
 */
async function samplesPerSecond(name: ModelName, batch: number, readEvery: number): Promise<number> {
  const model = buildModel(name, 1);
  const optimizer = tf.train.adam(1e-3);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const x = tf.randomUniform([batch, 28, 28, 1]);
  const y = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10);
  const step = async (i: number) => {
    if (readEvery === 1) {
      await model.trainOnBatch(x, y);
      return;
    }
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, model.predict(x) as tf.Tensor), true);
    if (loss && (i + 1) % readEvery === 0) await loss.data();
    loss?.dispose();
  };
  for (let i = 0; i < 5; i++) await step(readEvery - 1);
  const t0 = performance.now();
  for (let i = 0; i < STEPS; i++) await step(i);
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([x, y]);
  model.dispose();
  return (STEPS * batch) / seconds;
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const reference = [];
  for (const name of ['A', 'B', 'C'] as const) reference.push(await lossAndGradients(name));
  const adapter = await startWebgpuBackend({ allowSoftwareAdapter: process.env.NETCANVAS_ALLOW_SOFTWARE_GPU === '1' });
  console.log(`backend: webgpu on ${adapter}`);
  // Optional tfjs flags to try, e.g. TFJS_FLAGS='{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":100}'.
  const flags = JSON.parse(process.env.TFJS_FLAGS ?? '{}') as Record<string, number | boolean>;
  for (const [flag, value] of Object.entries(flags)) tf.env().set(flag, value);
  if (Object.keys(flags).length > 0) console.log(`flags: ${JSON.stringify(flags)}`);
  let worst = 0;
  for (const [i, name] of (['A', 'B', 'C'] as const).entries()) {
    const got = await lossAndGradients(name);
    const ref = reference[i];
    if (!ref) continue;
    const errs = [relErr(got.loss, ref.loss), ...got.grads.map((g, j) => relErr(g, ref.grads[j] ?? NaN))];
    const max = Math.max(...errs);
    worst = Math.max(worst, max);
    console.log(`model ${name}: loss webgpu ${got.loss.toFixed(6)} cpu ${ref.loss.toFixed(6)}; max relative error over loss and ${got.grads.length} gradient norms ${max.toExponential(2)}`);
  }
  console.log(`gradients agree with cpu: ${worst < 1e-3 ? 'yes' : 'NO'} (worst ${worst.toExponential(2)}, tolerance 1e-3)`);
  for (const name of ['A', 'B', 'C'] as const) {
    for (const [batch, readEvery] of [[64, 1], [64, 20], [512, 1]] as const) {
      const sps = await samplesPerSecond(name, batch, readEvery);
      const how = readEvery === 1 ? 'trainOnBatch, loss read every step' : `minimize, loss read every ${readEvery} steps`;
      console.log(`model ${name}: ${sps.toFixed(0)} samples/s (batch ${batch}, ${how}; ${STEPS} steps after 5 warm-up, random data)`);
    }
    // Wall time against the time the GPU spends in kernels, for one step: what is overhead.
    const timing = await tf.time(() => samplesPerSecondOnce(name));
    console.log(`model ${name}: one step of batch 64: wall ${timing.wallMs.toFixed(1)} ms, kernels ${JSON.stringify(timing.kernelMs)} ms`);
  }
}

/** One training step of batch 64, synchronously dispatched, for `tf.time`. */
function samplesPerSecondOnce(name: ModelName): void {
  const model = buildModel(name, 2);
  const optimizer = tf.train.adam(1e-3);
  const x = tf.randomUniform([64, 28, 28, 1]);
  const y = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32'), 10);
  optimizer.minimize(() => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, model.predict(x) as tf.Tensor));
  tf.dispose([x, y]);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
