// One pass of Adam over a variable on the wasm backend, in place of the ~14 element-wise ops
// (several of them scalar loops: Square, Sqrt) that tfjs's AdamOptimizer runs per variable.
// Each step is rounded to float32 exactly as the op-by-op version rounds it, so the results are
// identical to tfjs's Adam on any backend.
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { f32 } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

/** Name of the custom kernel: inputs {value, gradient, m, v}, outputs [value, m, v]. */
export const AdamUpdate = 'NetCanvasAdamUpdate';

export interface AdamUpdateAttrs {
  beta1: number;
  beta2: number;
  /** 1 - beta1^t as tfjs computes it (float32). */
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  epsilon: number;
  learningRate: number;
}

const fr = Math.fround;

function adamUpdate({ inputs, backend, attrs }: { inputs: Record<string, TensorInfo | undefined>; backend: WasmBackend; attrs?: NamedAttrMap }): TensorInfo[] {
  const { value, gradient, m, v } = inputs;
  if (!value || !gradient || !m || !v) throw new Error(`${AdamUpdate} needs value, gradient, m and v`);
  const a = attrs as unknown as AdamUpdateAttrs;
  const outW = backend.makeOutput(value.shape, 'float32');
  const outM = backend.makeOutput(value.shape, 'float32');
  const outV = backend.makeOutput(value.shape, 'float32');
  const [w, g, m0, v0] = [f32(backend, value), f32(backend, gradient), f32(backend, m), f32(backend, v)];
  const [w1, m1, v1] = [f32(backend, outW), f32(backend, outM), f32(backend, outV)];
  const b1 = fr(a.beta1);
  const b2 = fr(a.beta2);
  const c1 = fr(1 - a.beta1);
  const c2 = fr(1 - a.beta2);
  const d1 = fr(a.oneMinusAccBeta1);
  const d2 = fr(a.oneMinusAccBeta2);
  const eps = fr(a.epsilon);
  const step = fr(-a.learningRate);
  for (let i = 0, n = w.length; i < n; i++) {
    const gi = g[i]!;
    const mi = fr(fr(m0[i]! * b1) + fr(gi * c1));
    const vi = fr(fr(v0[i]! * b2) + fr(fr(gi * gi) * c2));
    m1[i] = mi;
    v1[i] = vi;
    const mh = fr(mi / d1);
    const vh = fr(vi / d2);
    w1[i] = fr(fr(mh / fr(fr(Math.sqrt(vh)) + eps)) * step) + w[i]!;
  }
  return [outW, outM, outV];
}

export const adamUpdateConfig: KernelConfig = {
  kernelName: AdamUpdate,
  backendName: 'wasm',
  kernelFunc: adamUpdate as unknown as KernelFunc,
};
