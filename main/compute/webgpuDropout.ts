// Dropout on the GPU. tfjs draws a dropout mask on the CPU (seedrandom, one JS call per element)
// and uploads it every step: for model C that is ~300,000 numbers a batch. Here the mask is a
// hash of the element's index and a per-step seed, so the backward pass recomputes the same mask
// instead of storing it: forward y = x·keep/(1 - rate), backward dx = dy·keep/(1 - rate), where
// an element is kept when its uniform number is at least `rate` (as tfjs's floor(u + 1 - rate)).
import * as tf from '@tensorflow/tfjs';
import { dispatch, emptyTensor, tensorBuffer, workgroupsFor } from './webgpuDispatch';
import type { WebgpuBackendInternals } from './webgpuDispatch';

const CODE = `
struct P { n: u32, seed: u32, rate: f32, scale: f32 }
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
@group(0) @binding(2) var<uniform> p: P;

// PCG hash (Jarzynski & Olano, "Hash Functions for GPU Rendering", 2020).
fn pcg(v: u32) -> u32 {
  let s = v * 747796405u + 2891336453u;
  let w = ((s >> ((s >> 28u) + 4u)) ^ s) * 277803737u;
  return (w >> 22u) ^ w;
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let key = pcg(p.seed);
  for (var i = gid.x; i < p.n; i = i + nwg.x * 256u) {
    let u = f32(pcg(i + key) >> 8u) / 16777216.0;
    y[i] = select(0.0, x[i] * p.scale, u >= p.rate);
  }
}`;

/** `t` times the dropout mask of `seed` (the same seed gives the same mask), scaled by 1/(1 - rate). */
export function applyDropoutMask(
  backend: WebgpuBackendInternals,
  t: tf.Tensor,
  rate: number,
  seed: number,
): tf.Tensor {
  const out = emptyTensor(backend, t.shape);
  const params = backend.makeUniforms([
    { type: 'uint32', data: [t.size] },
    { type: 'uint32', data: [seed >>> 0] },
    { type: 'float32', data: [rate] },
    { type: 'float32', data: [1 / (1 - rate)] },
  ]);
  dispatch(
    backend,
    CODE,
    [tensorBuffer(backend, t), tensorBuffer(backend, out), params],
    workgroupsFor(t.size, 256),
  );
  return out;
}

/** Dropout of `x` at `rate` whose gradient applies the same mask, for training on WebGPU. */
export function gpuDropout(
  backend: WebgpuBackendInternals,
  x: tf.Tensor,
  rate: number,
  seed: number,
): tf.Tensor {
  const f = tf.customGrad((input) => ({
    value: applyDropoutMask(backend, input as tf.Tensor, rate, seed),
    gradFunc: (dy: tf.Tensor) => applyDropoutMask(backend, dy, rate, seed),
  }));
  return f(x);
}
