// Insight speed on the wasm backend, tutorial CNNs with random weights:
// 1. one forward pass plus every drawn layer's output for a 28x28 digit, on the tutorial CNNs and
//    the MobileNet-style and autoencoder templates (target: p50 under 50 ms, so the probabilities
//    and feature maps follow the pen); INSIGHT_FORWARD_ONLY=1 stops after this section;
// 2. "Convolution step by step": reading a layer's arithmetic once, then each click on a cell
//    (target: a click updates the view within 50 ms);
// 3. saliency maps for 20 MNIST test images (target: within 1 s);
// 4. robustness of two MNIST runs, a CNN and its parameter-matched MLP (target: within 10 s).
// 5. the training replay: moving the Epoch slider to an epoch not yet cached loads that epoch's
//    weights from its snapshot, then one forward pass with every activation (target: within 100 ms
//    for the tutorial CNNs); back to a cached epoch it is the forward pass alone.
// Run: node --import tsx bench/insight.bench.ts
import * as tf from '@tensorflow/tfjs';
import { toKerasTopology } from '../shared/keras/toKerasTopology';
import { templateById } from '../shared/templates/projectTemplates';
import { initBackend } from '../main/compute/initBackend';
import { modelFromTopology } from '../main/training/buildModel';
import { predictWithActivations, UNIT_SCALING } from '../main/insight/predictWithActivations';
import { readLayerArithmetic } from '../main/insight/readLayerArithmetic';
import { saliencyMaps } from '../main/insight/saliencyMaps';
import { scoreRobustness } from '../main/insight/scoreRobustness';
import { loadDataset } from '../datasets/loadDataset';
import { convStep } from '../shared/insight/convStep';
import { denseStep } from '../shared/insight/denseStep';
import type { LayerArithmetic } from '../shared/insight/layerArithmetic';
import { matchBudget } from '../shared/insight/matchBudget';
import { poolStep } from '../shared/insight/poolStep';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EpochModels } from '../main/insight/epochModels';
import { EpochSnapshotKeeper } from '../main/training/epochSnapshotKeeper';

const RUNS = 60;
const percentile = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

const backend = await initBackend('wasm');
console.log(`backend: ${backend.name}`);

for (const id of ['cnn-valid', 'cnn-dropout', 'cnn-same', 'mobilenet-mini', 'autoencoder']) {
  const graph = templateById(id)?.project.graph;
  if (!graph) throw new Error(`template ${id} is missing`);
  const model = await modelFromTopology(toKerasTopology(graph));
  const params = model.countParams();
  const pixels = Uint8Array.from({ length: 784 }, () => Math.floor(Math.random() * 256));
  // The first call builds and caches the multi-output model and warms the kernels up.
  for (let i = 0; i < 3; i++) await predictWithActivations(model, pixels, [28, 28, 1]);
  const times: number[] = [];
  let values = 0;
  let layers = 0;
  for (let i = 0; i < RUNS; i++) {
    pixels[i % 784] = (i * 31) % 256;
    const t0 = performance.now();
    const p = await predictWithActivations(model, pixels, [28, 28, 1]);
    times.push(performance.now() - t0);
    values = Object.values(p.activations).reduce((n, a) => n + a.values.length, 0);
    layers = Object.keys(p.activations).length;
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(
    `${id.padEnd(14)} ${params.toLocaleString('en-US').padStart(8)} params, ${layers} layers drawn, ${values.toLocaleString('en-US')} activation values: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms ${p50 < 50 ? '(under 50 ms)' : '(OVER the 50 ms target)'}`,
  );
  model.dispose();
}
// INSIGHT_FORWARD_ONLY=1: section 1 alone (a quick before/after of the forward pass).
if (process.env['INSIGHT_FORWARD_ONLY']) process.exit(0);
// 2. Convolution step by step on the lesson CNN's second convolution (13×13×32 in, 64 filters:
// 288 products a cell) and its Dense 64 (1,600 inputs).
const lesson = templateById('cnn-valid')?.project.graph;
if (!lesson) throw new Error('template cnn-valid is missing');
const cnn = await modelFromTopology(toKerasTopology(lesson));
const digit = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
for (const [layer, cell] of [
  ['conv2d_1', (a: LayerArithmetic, i: number) => convStep(a, i % 11, (i * 7) % 11, i % 64)],
  ['max_pooling2d_1', (a: LayerArithmetic, i: number) => poolStep(a, i % 5, (i * 3) % 5, i % 64)],
  ['dense', (a: LayerArithmetic, i: number) => denseStep(a, i % 64)],
] as const) {
  const reads: number[] = [];
  let a: LayerArithmetic | null = null;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    a = await readLayerArithmetic(cnn, layer, digit, [28, 28, 1], UNIT_SCALING);
    reads.push(performance.now() - t0);
  }
  if (!a) throw new Error('no arithmetic');
  const clicks: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    cell(a, i);
    clicks.push(performance.now() - t0);
  }
  const click95 = percentile(clicks, 95);
  console.log(
    `step by step ${layer.padEnd(15)} read once p50 ${percentile(reads, 50).toFixed(1)} ms; a click p50 ${percentile(clicks, 50).toFixed(3)} ms, p95 ${click95.toFixed(3)} ms ${click95 < 50 ? '(under 50 ms)' : '(OVER the 50 ms target)'}`,
  );
}

// 3. Saliency for 20 MNIST test images, one backward pass.
const mnist = await loadDataset({ kind: 'mnist' });
const twenty = mnist.test.images.subarray(0, 20 * 784);
await saliencyMaps(cnn, twenty, 20, [28, 28, 1], 3);
const saliencyTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  await saliencyMaps(cnn, twenty, 20, [28, 28, 1], i);
  saliencyTimes.push(performance.now() - t0);
}
const saliency50 = percentile(saliencyTimes, 50);
console.log(
  `saliency for 20 images: p50 ${saliency50.toFixed(0)} ms ${saliency50 < 1000 ? '(under 1 s)' : '(OVER the 1 s target)'}`,
);

// 4. Robustness of the CNN and its parameter-matched MLP on the first 2,000 test images, six copies each.
const mlp = await modelFromTopology(toKerasTopology(matchBudget(lesson).graph));
const t0 = performance.now();
for (const model of [cnn, mlp]) await scoreRobustness(model, mnist.test, [28, 28, 1], 10, 2000);
const robustnessMs = performance.now() - t0;
console.log(
  `robustness, two runs × 6 copies × 2,000 images: ${(robustnessMs / 1000).toFixed(1)} s ${robustnessMs < 10_000 ? '(under 10 s)' : '(OVER the 10 s target)'}`,
);

// 5. Training replay: ten epochs' snapshots of each tutorial CNN, then each epoch loaded and answered.
for (const id of ['cnn-valid', 'cnn-dropout', 'cnn-same']) {
  const graph = templateById(id)?.project.graph;
  if (!graph) throw new Error(`template ${id} is missing`);
  const model = await modelFromTopology(toKerasTopology(graph));
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-replay-bench-'));
  const keeper = EpochSnapshotKeeper.create(model, dir, 10);
  for (let epoch = 1; epoch <= 10; epoch++) {
    const next = model
      .getWeights()
      .map((w) => tf.tidy(() => w.add(tf.randomNormal(w.shape, 0, 0.01))));
    model.setWeights(next);
    tf.dispose(next);
    await keeper.afterEpoch(model, { epoch, loss: 1 / epoch, valLoss: null });
  }
  const epochs = new EpochModels(dir);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < 3; round++) {
    // Ten epochs through a cache of four: every move to a new epoch loads it.
    for (let epoch = 1; epoch <= 10; epoch++) {
      const t0 = performance.now();
      await epochs.use(epoch, (m) => predictWithActivations(m, digit, [28, 28, 1]));
      cold.push(performance.now() - t0);
    }
    // Back and forth between two cached epochs.
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await epochs.use(9 + (i % 2), (m) => predictWithActivations(m, digit, [28, 28, 1]));
      warm.push(performance.now() - t0);
    }
  }
  const cold50 = percentile(cold.slice(10), 50);
  const cold95 = percentile(cold.slice(10), 95);
  console.log(
    `replay ${id.padEnd(11)} new epoch (load + forward + activations) p50 ${cold50.toFixed(1)} ms, p95 ${cold95.toFixed(1)} ms ${cold95 < 100 ? '(under 100 ms)' : '(OVER the 100 ms target)'}; cached epoch p50 ${percentile(warm, 50).toFixed(1)} ms`,
  );
  await epochs.clear();
  model.dispose();
  rmSync(dir, { recursive: true, force: true });
}

cnn.dispose();
mlp.dispose();
console.log(`tensors left: ${tf.memory().numTensors}`);
// The threaded wasm build's pthread workers keep Node alive: end the process once measured.
process.exit(0);
