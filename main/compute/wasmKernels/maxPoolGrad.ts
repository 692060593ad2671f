// MaxPoolGrad for the wasm backend: one pass over the input that finds each window's maximum
// for all channels at once (NHWC keeps channels contiguous) and routes dy there. The stock
// kernel recomputes every window per input pixel in a scalar loop, about 8x slower.
// Tie-breaking matches the cpu backend: the first maximum in window order gets the gradient.
import { backend_util, MaxPoolGrad } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { f32 } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

function maxPoolGrad({
  inputs,
  backend,
  attrs,
}: {
  inputs: { dy?: TensorInfo; input?: TensorInfo };
  backend: WasmBackend;
  attrs?: NamedAttrMap;
}): TensorInfo {
  const { dy, input } = inputs;
  if (!dy || !input) throw new Error('MaxPoolGrad needs dy and input');
  const a = attrs as unknown as {
    filterSize: number | [number, number];
    strides: number | [number, number];
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const {
    batchSize: N,
    inHeight: H,
    inWidth: W,
    inChannels: C,
    outHeight: Ho,
    outWidth: Wo,
  } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  const dx = backend.makeOutput(input.shape, 'float32');
  const x = f32(backend, input);
  const g = f32(backend, dy);
  const out = f32(backend, dx);
  out.fill(0);
  const best = new Float32Array(C);
  const pos = new Int32Array(C);
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < Ho; oy++) {
      const y0 = oy * sh - top;
      const yMin = Math.max(0, y0);
      const yMax = Math.min(H, y0 + fh);
      for (let ox = 0; ox < Wo; ox++) {
        const x0 = ox * sw - left;
        const xMin = Math.max(0, x0);
        const xMax = Math.min(W, x0 + fw);
        best.fill(-Infinity);
        pos.fill(-1);
        // Window rows/columns in the cpu backend's order; dilation steps from the window corner.
        for (let iy = yMin + ((((y0 - yMin) % dh) + dh) % dh); iy < yMax; iy += dh) {
          for (let ix = xMin + ((((x0 - xMin) % dw) + dw) % dw); ix < xMax; ix += dw) {
            const base = ((b * H + iy) * W + ix) * C;
            for (let c = 0; c < C; c++) {
              const v = x[base + c]!;
              if (v > best[c]!) {
                best[c] = v;
                pos[c] = base + c;
              }
            }
          }
        }
        const o = ((b * Ho + oy) * Wo + ox) * C;
        for (let c = 0; c < C; c++) {
          const p = pos[c]!;
          if (p >= 0) out[p] = out[p]! + g[o + c]!;
        }
      }
    }
  }
  return dx;
}

export const maxPoolGradConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as KernelFunc,
};
