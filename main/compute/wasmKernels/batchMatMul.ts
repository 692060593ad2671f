// BatchMatMul for the wasm backend: transposed products routed to XNNPACK (see matMulPlan.ts)
// instead of the stock scalar loop. Batched products (leading dimensions > 1) use the stock kernel.
import { BatchMatMul } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import {
  directOperands,
  isSingleMatrix,
  matMulDims,
  prefersTransposedProduct,
  transposedProduct,
} from './matMulPlan';
import { transposeBiasActivation } from './transposeBiasActivation';
import { disposeAll, reshapeView, runStock } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

function batchMatMul({
  inputs,
  backend,
  attrs,
}: {
  inputs: { a?: TensorInfo; b?: TensorInfo };
  backend: WasmBackend;
  attrs?: NamedAttrMap;
}): TensorInfo {
  const { a, b } = inputs;
  if (!a || !b) throw new Error('BatchMatMul needs a and b');
  const transposeA = attrs?.transposeA === true;
  const transposeB = attrs?.transposeB === true;
  if (!isSingleMatrix(a, b))
    return runStock('BatchMatMul', backend, { a, b }, { transposeA, transposeB });
  const dims = matMulDims(a, b, transposeA, transposeB);
  const lead = a.shape.length >= b.shape.length ? a.shape.slice(0, -2) : b.shape.slice(0, -2);
  const outShape = [...lead, dims.m, dims.n];
  if (prefersTransposedProduct(dims, transposeA, transposeB)) {
    const ct = transposedProduct(backend, a, b, transposeA, transposeB);
    const out = transposeBiasActivation(backend, ct, outShape, undefined);
    disposeAll(backend, ct);
    return out;
  }
  if (!transposeA && !transposeB)
    return runStock('BatchMatMul', backend, { a, b }, { transposeA, transposeB });
  const [left, right] = directOperands(backend, a, b, transposeA, transposeB);
  const c = runStock(
    'BatchMatMul',
    backend,
    { a: left, b: right },
    { transposeA: false, transposeB: false },
  );
  disposeAll(backend, left, right);
  const out = reshapeView(backend, c, outShape);
  disposeAll(backend, c);
  return out;
}

export const batchMatMulConfig: KernelConfig = {
  kernelName: BatchMatMul,
  backendName: 'wasm',
  kernelFunc: batchMatMul as unknown as KernelFunc,
};
