// _FusedMatMul (matMul + bias + activation, what Dense layers run) for the wasm backend, with
// the product planned as in matMulPlan.ts; the stock kernel packs the whole weight matrix on
// every call. Batched products and PReLU use the stock kernel.
import { _FusedMatMul } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import {
  directOperands,
  isSingleMatrix,
  matMulDims,
  prefersTransposedProduct,
  transposedProduct,
} from './matMulPlan';
import { isInlineActivation, transposeBiasActivation } from './transposeBiasActivation';
import { disposeAll, runStock } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

interface FusedInputs {
  a?: TensorInfo;
  b?: TensorInfo;
  bias?: TensorInfo;
  preluActivationWeights?: TensorInfo;
}

function fusedMatMul({
  inputs,
  backend,
  attrs,
}: {
  inputs: FusedInputs;
  backend: WasmBackend;
  attrs?: NamedAttrMap;
}): TensorInfo {
  const { a, b, bias, preluActivationWeights } = inputs;
  if (!a || !b) throw new Error('_FusedMatMul needs a and b');
  const transposeA = attrs?.transposeA === true;
  const transposeB = attrs?.transposeB === true;
  const activation = (attrs?.activation as string | undefined) ?? 'linear';
  const alpha = (attrs?.leakyreluAlpha as number | undefined) ?? 0.2;
  const stockAttrs: NamedAttrMap = { ...attrs };
  const stockInputs = {
    a,
    b,
    ...(bias ? { bias } : {}),
    ...(preluActivationWeights ? { preluActivationWeights } : {}),
  };
  const inline =
    isInlineActivation(activation) && !preluActivationWeights && (!bias || bias.shape.length === 1);
  if (!isSingleMatrix(a, b) || !inline)
    return runStock('_FusedMatMul', backend, stockInputs, stockAttrs);
  const dims = matMulDims(a, b, transposeA, transposeB);
  if (prefersTransposedProduct(dims, transposeA, transposeB)) {
    const lead = a.shape.length >= b.shape.length ? a.shape.slice(0, -2) : b.shape.slice(0, -2);
    const ct = transposedProduct(backend, a, b, transposeA, transposeB);
    const out = transposeBiasActivation(
      backend,
      ct,
      [...lead, dims.m, dims.n],
      bias,
      activation,
      alpha,
    );
    disposeAll(backend, ct);
    return out;
  }
  if (!transposeA && !transposeB) return runStock('_FusedMatMul', backend, stockInputs, stockAttrs);
  const [left, right] = directOperands(backend, a, b, transposeA, transposeB);
  const out = runStock(
    '_FusedMatMul',
    backend,
    { ...stockInputs, a: left, b: right },
    { ...stockAttrs, transposeA: false, transposeB: false },
  );
  disposeAll(backend, left, right);
  return out;
}

export const fusedMatMulConfig: KernelConfig = {
  kernelName: _FusedMatMul,
  backendName: 'wasm',
  kernelFunc: fusedMatMul as unknown as KernelFunc,
};
