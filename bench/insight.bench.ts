// Insight speed: one forward pass plus every feature map and Dense activation for a 28x28 digit,
// on the tutorial CNNs with random weights, on the wasm backend. Target: p50 under 50 ms, so the
// probabilities and feature maps follow the pen.
// Run: node --import tsx bench/insight.bench.ts
import * as tf from '@tensorflow/tfjs';
import { toKerasTopology } from '../shared/keras/toKerasTopology';
import { templateById } from '../shared/templates/projectTemplates';
import { initBackend } from '../main/compute/initBackend';
import { modelFromTopology } from '../main/training/buildModel';
import { predictWithActivations } from '../main/insight/predictWithActivations';

const RUNS = 60;
const percentile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

const backend = await initBackend('wasm');
console.log(`backend: ${backend.name}`);

for (const id of ['cnn-valid', 'cnn-dropout', 'cnn-same']) {
  const graph = templateById(id)?.project.graph;
  if (!graph) throw new Error(`template ${id} is missing`);
  const model = await modelFromTopology(toKerasTopology(graph));
  const params = model.countParams();
  const pixels = Uint8Array.from({ length: 784 }, () => Math.floor(Math.random() * 256));
  // The first call builds and caches the multi-output model and warms the kernels up.
  for (let i = 0; i < 3; i++) await predictWithActivations(model, pixels, [28, 28, 1]);
  const times: number[] = [];
  let values = 0;
  for (let i = 0; i < RUNS; i++) {
    pixels[i % 784] = (i * 31) % 256;
    const t0 = performance.now();
    const p = await predictWithActivations(model, pixels, [28, 28, 1]);
    times.push(performance.now() - t0);
    values = Object.values(p.activations).reduce((n, a) => n + a.values.length, 0);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(
    `${id.padEnd(11)} ${params.toLocaleString('en-US').padStart(8)} params, ${values.toLocaleString('en-US')} activation values: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms ${p50 < 50 ? '(under 50 ms)' : '(OVER the 50 ms target)'}`,
  );
  model.dispose();
}
console.log(`tensors left: ${tf.memory().numTensors}`);
// The threaded wasm build's pthread workers keep Node alive: end the process once measured.
process.exit(0);
