// Softmax + cross-entropy + its gradient + accuracy of a batch in one WebGPU program. Keras on
// TensorFlow computes a softmax output's cross-entropy from the logits too (it looks through the
// Softmax op); tfjs-layers builds it from about 35 small kernels forward and backward.
import { bufferType, dispatch, tensorBuffer } from './webgpuDispatch';
import type { WebgpuBackendInternals } from './webgpuDispatch';
import type * as tf from '@tensorflow/tfjs';

const THREADS = 256;

// One workgroup: each thread takes rows t, t+256, ...; then a tree sum of loss and hits.
// loss_r = -sum_c y_c log(clip(p_c, eps, 1 - eps)) as tfjs-layers' categoricalCrossentropy;
// dlogits = (p * sum(y) - y) / rows, the gradient of the batch mean through the softmax;
// hit_r = argmax(p) == argmax(y), first maximum on ties as tf.argMax.
const code = (labelType: 'f32' | 'i32') => `
struct P { rows: u32, classes: u32, sparse: u32, slot: u32, eps: f32 }
@group(0) @binding(0) var<storage, read> logits: array<f32>;
@group(0) @binding(1) var<storage, read> labels: array<${labelType}>;
@group(0) @binding(2) var<storage, read_write> dlogits: array<f32>;
@group(0) @binding(3) var<storage, read_write> metrics: array<f32>;
@group(0) @binding(4) var<uniform> p: P;
var<workgroup> lossPart: array<f32, ${THREADS}>;
var<workgroup> hitPart: array<f32, ${THREADS}>;

fn label(r: u32, c: u32) -> f32 {
  if (p.sparse == 1u) { return select(0.0, 1.0, u32(labels[r]) == c); }
  return f32(labels[r * p.classes + c]);
}

@compute @workgroup_size(${THREADS})
fn main(@builtin(local_invocation_index) t: u32) {
  let C = p.classes;
  let invRows = 1.0 / f32(p.rows);
  var lossSum = 0.0;
  var hits = 0.0;
  for (var r = t; r < p.rows; r = r + ${THREADS}u) {
    let base = r * C;
    var top = logits[base];
    var topAt = 0u;
    for (var c = 1u; c < C; c = c + 1u) {
      let z = logits[base + c];
      if (z > top) { top = z; topAt = c; }
    }
    var total = 0.0;
    for (var c = 0u; c < C; c = c + 1u) { total = total + exp(logits[base + c] - top); }
    var sumY = 0.0;
    var loss = 0.0;
    var yTop = label(r, 0u);
    var yTopAt = 0u;
    for (var c = 0u; c < C; c = c + 1u) {
      let prob = exp(logits[base + c] - top) / total;
      let y = label(r, c);
      if (y > yTop) { yTop = y; yTopAt = c; }
      sumY = sumY + y;
      loss = loss - y * log(clamp(prob, p.eps, 1.0 - p.eps));
      dlogits[base + c] = prob;
    }
    for (var c = 0u; c < C; c = c + 1u) {
      dlogits[base + c] = (dlogits[base + c] * sumY - label(r, c)) * invRows;
    }
    lossSum = lossSum + loss;
    hits = hits + select(0.0, 1.0, topAt == yTopAt);
  }
  lossPart[t] = lossSum;
  hitPart[t] = hits;
  workgroupBarrier();
  for (var half = ${THREADS / 2}u; half > 0u; half = half / 2u) {
    if (t < half) {
      lossPart[t] = lossPart[t] + lossPart[t + half];
      hitPart[t] = hitPart[t] + hitPart[t + half];
    }
    workgroupBarrier();
  }
  if (t == 0u) {
    metrics[2u * p.slot] = lossPart[0] * invRows;
    metrics[2u * p.slot + 1u] = hitPart[0] * invRows;
  }
}`;

/**
 * Records the loss head for `logits` [rows, classes] and `labels` (one-hot [rows, classes], or
 * class indices [rows, 1] when `sparse`; float32 or int32 buffers): writes d(mean loss)/d(logits) into `dlogits` and the
 * batch's mean loss and accuracy into `metrics` at float offsets 2·slot and 2·slot + 1.
 */
export function recordLossHead(
  backend: WebgpuBackendInternals,
  logits: tf.Tensor,
  labels: tf.Tensor,
  dlogits: tf.Tensor,
  metrics: GPUBuffer,
  slot: number,
  sparse: boolean,
): void {
  const [rows = 0, classes = 0] = logits.shape;
  const params = backend.makeUniforms([
    { type: 'uint32', data: [rows] },
    { type: 'uint32', data: [classes] },
    { type: 'uint32', data: [sparse ? 1 : 0] },
    { type: 'uint32', data: [slot] },
    // tfjs-layers' epsilon() for the clip.
    { type: 'float32', data: [1e-7] },
  ]);
  if (bufferType(backend, logits) !== 'f32') throw new Error('The loss head needs float32 logits');
  dispatch(
    backend,
    code(bufferType(backend, labels)),
    [
      tensorBuffer(backend, logits),
      tensorBuffer(backend, labels),
      tensorBuffer(backend, dlogits),
      metrics,
      params,
    ],
    1,
  );
}
