// DepthwiseConv2dNativeBackpropFilter and ...BackpropInput for the wasm backend, which has
// neither (tfjs 4.22), so DepthwiseConv2D and SeparableConv2D (MobileNet blocks) could not train
// on it. Plain loops over the heap, the same sums as tfjs's cpu kernels; a depthwise layer has
// few weights (kernel × kernel per channel), so this is a small share of a training step.
import {
  backend_util,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
} from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { f32 } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

type Shape4 = [number, number, number, number];

function convInfo(
  xShape: Shape4,
  filterShape: Shape4,
  attrs: NamedAttrMap,
): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    attrs['strides'] as [number, number],
    attrs['dilations'] as [number, number],
    attrs['pad'] as 'valid',
    attrs['dimRoundingMode'] as 'floor' | undefined,
    true,
  );
}

/** dW[r, c, ci, m] = sum over batch and output pixels of x[b, y·s + r − pad, ·, ci] · dy[b, y, ·, ci·M + m]. */
export function depthwiseBackpropFilterImpl(
  backend: WasmBackend,
  x: TensorInfo,
  dy: TensorInfo,
  filterShape: Shape4,
  attrs: NamedAttrMap,
): TensorInfo {
  const info = convInfo(x.shape as Shape4, filterShape, attrs);
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    outChannels,
    strideHeight: sh,
    strideWidth: sw,
  } = info;
  const { filterHeight: fh, filterWidth: fw, dilationHeight: dh, dilationWidth: dw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const mul = outChannels / inChannels;
  const out = backend.makeOutput([...info.filterShape], 'float32');
  // Views after the allocation: a growing heap would detach earlier ones.
  const xv = f32(backend, x);
  const dyv = f32(backend, dy);
  const dw_ = f32(backend, out);
  dw_.fill(0);
  for (let b = 0; b < batchSize; b++)
    for (let yr = 0; yr < outHeight; yr++)
      for (let r = 0; r < fh; r++) {
        const xr = yr * sh + r * dh - top;
        if (xr < 0 || xr >= inHeight) continue;
        for (let yc = 0; yc < outWidth; yc++) {
          const dyBase = ((b * outHeight + yr) * outWidth + yc) * outChannels;
          for (let c = 0; c < fw; c++) {
            const xc = yc * sw + c * dw - left;
            if (xc < 0 || xc >= inWidth) continue;
            const xBase = ((b * inHeight + xr) * inWidth + xc) * inChannels;
            const wBase = (r * fw + c) * inChannels * mul;
            for (let ci = 0; ci < inChannels; ci++) {
              const xval = xv[xBase + ci] ?? 0;
              for (let m = 0; m < mul; m++) {
                const o = ci * mul + m;
                dw_[wBase + o] = (dw_[wBase + o] ?? 0) + xval * (dyv[dyBase + o] ?? 0);
              }
            }
          }
        }
      }
  return out;
}

/** dx[b, i, j, ci] = sum over the output pixels whose window covers (i, j) of dy · w, channel by channel. */
export function depthwiseBackpropInputImpl(
  backend: WasmBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  inputShape: Shape4,
  attrs: NamedAttrMap,
): TensorInfo {
  const info = convInfo(inputShape, filter.shape as Shape4, attrs);
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    outChannels,
    strideHeight: sh,
    strideWidth: sw,
  } = info;
  const { filterHeight: fh, filterWidth: fw, dilationHeight: dh, dilationWidth: dw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const mul = outChannels / inChannels;
  const out = backend.makeOutput([...inputShape], 'float32');
  const dyv = f32(backend, dy);
  const wv = f32(backend, filter);
  const dx = f32(backend, out);
  dx.fill(0);
  // Scatter: each output pixel adds its gradient, through the kernel, back onto the inputs it read.
  for (let b = 0; b < batchSize; b++)
    for (let yr = 0; yr < outHeight; yr++)
      for (let r = 0; r < fh; r++) {
        const xr = yr * sh + r * dh - top;
        if (xr < 0 || xr >= inHeight) continue;
        for (let yc = 0; yc < outWidth; yc++) {
          const dyBase = ((b * outHeight + yr) * outWidth + yc) * outChannels;
          for (let c = 0; c < fw; c++) {
            const xc = yc * sw + c * dw - left;
            if (xc < 0 || xc >= inWidth) continue;
            const xBase = ((b * inHeight + xr) * inWidth + xc) * inChannels;
            const wBase = (r * fw + c) * inChannels * mul;
            for (let ci = 0; ci < inChannels; ci++) {
              let sum = 0;
              for (let m = 0; m < mul; m++)
                sum += (dyv[dyBase + ci * mul + m] ?? 0) * (wv[wBase + ci * mul + m] ?? 0);
              dx[xBase + ci] = (dx[xBase + ci] ?? 0) + sum;
            }
          }
        }
      }
  return out;
}

export const depthwiseBackpropFilterConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: (({
    inputs,
    backend,
    attrs,
  }: {
    inputs: { x: TensorInfo; dy: TensorInfo };
    backend: WasmBackend;
    attrs: NamedAttrMap;
  }) =>
    depthwiseBackpropFilterImpl(
      backend,
      inputs.x,
      inputs.dy,
      attrs['filterShape'] as Shape4,
      attrs,
    )) as unknown as KernelFunc,
};

export const depthwiseBackpropInputConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: (({
    inputs,
    backend,
    attrs,
  }: {
    inputs: { dy: TensorInfo; filter: TensorInfo };
    backend: WasmBackend;
    attrs: NamedAttrMap;
  }) =>
    depthwiseBackpropInputImpl(
      backend,
      inputs.dy,
      inputs.filter,
      attrs['inputShape'] as Shape4,
      attrs,
    )) as unknown as KernelFunc,
};
