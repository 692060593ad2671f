// Conv2DBackpropInput for the wasm backend as one forward convolution on XNNPACK (SIMD,
// multi-threaded); the stock kernel is a scalar loop.
//
//   dx[n, i, j, ci] = sum over kh,kw,co of z[n, i + kh'·dh - padTop', j + kw'·dw - padLeft', co]
//                                          * W[KH-1-kh', KW-1-kw', ci, co]
//
// where z is dy with (stride - 1) zeros between its rows and columns (dy itself for stride 1),
// padTop' = (KH-1)·dh - padTop: a stride-1 convolution of z with the filter flipped in space and
// its channel axes swapped.
import { backend_util, Conv2DBackpropInput } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { disposeAll, f32, pair, runStock, transpose } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

export interface Conv2DBackpropInputArgs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
  /** tfjs has no dilated conv gradients yet; accepted here so the kernel is ready for them. */
  dilations?: number | [number, number];
}

/** W [KH,KW,Ci,Co] → W' [KH,KW,Co,Ci] flipped in space. */
function flipFilter(backend: WasmBackend, filter: TensorInfo): TensorInfo {
  const [kh, kw, ci, co] = filter.shape as [number, number, number, number];
  const out = backend.makeOutput([kh, kw, co, ci], 'float32');
  const src = f32(backend, filter);
  const dst = f32(backend, out);
  for (let y = 0; y < kh; y++) {
    for (let x = 0; x < kw; x++) {
      const s = ((kh - 1 - y) * kw + (kw - 1 - x)) * ci * co;
      const d = (y * kw + x) * co * ci;
      for (let i = 0; i < ci; i++)
        for (let o = 0; o < co; o++) dst[d + o * ci + i] = src[s + i * co + o]!;
    }
  }
  return out;
}

/** dy [N,Ho,Wo,C] with (s-1) zeros between rows and between columns: [N,(Ho-1)sh+1,(Wo-1)sw+1,C]. */
function zeroStuff(backend: WasmBackend, dy: TensorInfo, sh: number, sw: number): TensorInfo {
  const [n, ho, wo, c] = dy.shape as [number, number, number, number];
  const hz = (ho - 1) * sh + 1;
  const wz = (wo - 1) * sw + 1;
  const out = backend.makeOutput([n, hz, wz, c], 'float32');
  const src = f32(backend, dy);
  const dst = f32(backend, out);
  dst.fill(0);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < ho; y++) {
      for (let x = 0; x < wo; x++) {
        const s = ((b * ho + y) * wo + x) * c;
        dst.set(src.subarray(s, s + c), ((b * hz + y * sh) * wz + x * sw) * c);
      }
    }
  }
  return out;
}

/** dx for an NHWC convolution: dy [N,Ho,Wo,Co], filter [KH,KW,Ci,Co] → [N,H,W,Ci]. */
export function conv2DBackpropInputImpl(
  backend: WasmBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  a: Conv2DBackpropInputArgs,
): TensorInfo {
  if (a.dataFormat === 'NCHW') {
    const [n, c, h, w] = a.inputShape;
    const dyh = transpose(backend, dy, [0, 2, 3, 1]);
    const dxh = conv2DBackpropInputImpl(backend, dyh, filter, {
      ...a,
      dataFormat: 'NHWC',
      inputShape: [n, h, w, c],
    });
    const dx = transpose(backend, dxh, [0, 3, 1, 2]);
    disposeAll(backend, dyh, dxh);
    return dx;
  }
  const info = backend_util.computeConv2DInfo(
    a.inputShape,
    filter.shape as [number, number, number, number],
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
  );
  const {
    inHeight: H,
    inWidth: W,
    outHeight: Ho,
    outWidth: Wo,
    filterHeight: KH,
    filterWidth: KW,
  } = info;
  const [sh, sw] = [info.strideHeight, info.strideWidth];
  const [dh, dw] = [info.dilationHeight, info.dilationWidth];
  const { top, left } = info.padInfo;
  const hz = (Ho - 1) * sh + 1;
  const wz = (Wo - 1) * sw + 1;
  const padTop = (KH - 1) * dh - top;
  const padLeft = (KW - 1) * dw - left;
  const padBottom = H - hz + top;
  const padRight = W - wz + left;
  if (Math.min(padTop, padLeft, padBottom, padRight) < 0 && dh === 1 && dw === 1) {
    // Explicit padding wider than the kernel: rare; the stock kernel handles it.
    return runStock('Conv2DBackpropInput', backend, { dy, filter }, { ...a, dataFormat: 'NHWC' });
  }
  const z = sh === 1 && sw === 1 ? dy : zeroStuff(backend, dy, sh, sw);
  const flipped = flipFilter(backend, filter);
  const attrs: NamedAttrMap = {
    strides: [1, 1],
    dilations: [dh, dw],
    pad: [
      [0, 0],
      [padTop, padBottom],
      [padLeft, padRight],
      [0, 0],
    ],
    dataFormat: 'NHWC',
  };
  const dx = runStock('Conv2D', backend, { x: z, filter: flipped }, attrs);
  disposeAll(backend, flipped);
  if (z !== dy) disposeAll(backend, z);
  return dx;
}

const kernelFunc = ({
  inputs,
  backend,
  attrs,
}: {
  inputs: { dy?: TensorInfo; filter?: TensorInfo };
  backend: WasmBackend;
  attrs?: NamedAttrMap;
}) => {
  const { dy, filter } = inputs;
  if (!dy || !filter) throw new Error('Conv2DBackpropInput needs dy and filter');
  const a = attrs as unknown as Conv2DBackpropInputArgs;
  return conv2DBackpropInputImpl(backend, dy, filter, { ...a, strides: pair(a.strides) });
};

export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: kernelFunc as unknown as KernelFunc,
};
