// Conv2DBackpropFilter for the wasm backend, which has none (tfjs 4.22), so CNNs cannot train on
// it out of the box. Computed as one forward convolution, which the backend runs on XNNPACK
// (SIMD, multi-threaded) instead of a scalar loop:
//
//   dW[kh,kw,ci,co] = sum over n,oh,ow of x[n, oh*sh + kh*dh - padTop, ow*sw + kw*dw - padLeft, ci]
//                                          * dy[n, oh, ow, co]
//
// is a convolution of x laid out as [ci, H, W, n] (batch = ci, channels = n) with dy laid out as
// the filter [oh, ow, n, co], with the forward dilation as its stride and the forward stride as
// its dilation. Its output [ci, kh, kw, co] is transposed to the filter layout.
import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { disposeAll, pair, runStock, transpose } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

export interface Conv2DBackpropFilterArgs {
  strides: number | [number, number];
  pad:
    | backend_util.Conv2DInfo['padInfo']['type']
    | 'valid'
    | 'same'
    | number
    | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
  /** tfjs has no dilated conv gradients yet; accepted here so the kernel is ready for them. */
  dilations?: number | [number, number];
}

/** dW for an NHWC convolution: x [N,H,W,Ci], dy [N,Ho,Wo,Co] → [KH,KW,Ci,Co]. */
export function conv2DBackpropFilterImpl(
  backend: WasmBackend,
  x: TensorInfo,
  dy: TensorInfo,
  a: Conv2DBackpropFilterArgs,
): TensorInfo {
  if (a.dataFormat === 'NCHW') {
    const xh = transpose(backend, x, [0, 2, 3, 1]);
    const dyh = transpose(backend, dy, [0, 2, 3, 1]);
    try {
      return conv2DBackpropFilterImpl(backend, xh, dyh, { ...a, dataFormat: 'NHWC' });
    } finally {
      disposeAll(backend, xh, dyh);
    }
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    a.filterShape,
    a.strides,
    a.dilations ?? 1,
    a.pad as 'valid',
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
  // Pad the far side just enough for KH x KW outputs; any extra output rows are sliced off.
  const bottom = Math.max(0, (KH - 1) * dh + (Ho - 1) * sh + 1 - H - top);
  const right = Math.max(0, (KW - 1) * dw + (Wo - 1) * sw + 1 - W - left);
  const xT = transpose(backend, x, [3, 1, 2, 0]);
  const dyT = transpose(backend, dy, [1, 2, 0, 3]);
  const attrs: NamedAttrMap = {
    strides: [dh, dw],
    dilations: [sh, sw],
    pad: [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ],
    dataFormat: 'NHWC',
  };
  const conv = runStock('Conv2D', backend, { x: xT, filter: dyT }, attrs);
  disposeAll(backend, xT, dyT);
  const [ci, oh, ow, co] = conv.shape as [number, number, number, number];
  let cropped = conv;
  if (oh !== KH || ow !== KW) {
    cropped = runStock(
      'Slice',
      backend,
      { x: conv },
      { begin: [0, 0, 0, 0], size: [ci, KH, KW, co] },
    );
    disposeAll(backend, conv);
  }
  const dW = transpose(backend, cropped, [1, 2, 0, 3]);
  disposeAll(backend, cropped);
  return dW;
}

const kernelFunc = ({
  inputs,
  backend,
  attrs,
}: {
  inputs: { x?: TensorInfo; dy?: TensorInfo };
  backend: WasmBackend;
  attrs?: NamedAttrMap;
}) => {
  const { x, dy } = inputs;
  if (!x || !dy) throw new Error('Conv2DBackpropFilter needs x and dy');
  const a = attrs as unknown as Conv2DBackpropFilterArgs;
  return conv2DBackpropFilterImpl(backend, x, dy, { ...a, strides: pair(a.strides) });
};

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: kernelFunc as unknown as KernelFunc,
};
