// One pass of Adam over a variable on the wasm backend, in place of the ~14 element-wise ops
// (several of them scalar loops: Square, Sqrt) and their buffers that tfjs's AdamOptimizer uses.
// The moments are updated in their own memory. The weights go to a new buffer: XNNPACK caches
// each weight tensor's packed copy by tensor id, so weights changed in place would not be seen. Bias correction is folded into the step size and the epsilon term as in
// PyTorch's and Keras's Adam, leaving one square root and one division per weight; the result
// equals tfjs's formula up to float32 rounding.
import type { TensorInfo } from '@tensorflow/tfjs';
import { f32 } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

export interface AdamUpdateAttrs {
  beta1: number;
  beta2: number;
  /** 1 - beta1^t (t counted from 1). */
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  epsilon: number;
  learningRate: number;
}

/** The tensors one Adam step reads; it overwrites the moments. */
export interface AdamTensors {
  readonly value: TensorInfo;
  readonly gradient: TensorInfo;
  readonly m: TensorInfo;
  readonly v: TensorInfo;
}

/**
 * Returns the new weights w − lr/(1−β1ᵗ) · m / (√v / √(1−β2ᵗ) + ε), with m and v updated in
 * place first: algebraically tfjs's lr · m̂ / (√v̂ + ε). The output is allocated before the heap
 * views are taken, so they stay valid to the last write.
 */
export function adamUpdate(
  backend: WasmBackend,
  { value, gradient, m, v }: AdamTensors,
  a: AdamUpdateAttrs,
): TensorInfo {
  const out = backend.makeOutput(value.shape, 'float32');
  const w1 = f32(backend, out);
  const w = f32(backend, value);
  const g = f32(backend, gradient);
  const mm = f32(backend, m);
  const vv = f32(backend, v);
  if (g.length !== w.length || mm.length !== w.length || vv.length !== w.length)
    throw new Error(
      `Adam: the variable, its gradient and its moments differ in size (${w.length}, ${g.length}, ${mm.length}, ${vv.length})`,
    );
  const { beta1: b1, beta2: b2, epsilon: eps } = a;
  const c1 = 1 - b1;
  const c2 = 1 - b2;
  const stepSize = a.learningRate / a.oneMinusAccBeta1;
  const invSqrtBc2 = 1 / Math.sqrt(a.oneMinusAccBeta2);
  for (let i = 0, n = w.length; i < n; i++) {
    const gi = g[i]!;
    const mi = b1 * mm[i]! + c1 * gi;
    const vi = b2 * vv[i]! + c2 * gi * gi;
    mm[i] = mi;
    vv[i] = vi;
    w1[i] = w[i]! - (stepSize * mi) / (Math.sqrt(vi) * invSqrtBc2 + eps);
  }
  return out;
}
