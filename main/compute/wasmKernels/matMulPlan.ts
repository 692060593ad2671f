// How to run op(A)·op(B) fast on the wasm backend. The stock kernel is fast (XNNPACK's fully
// connected operator, multi-threaded) only when neither side is transposed; a transposed side
// runs a scalar loop 10-20x slower — and training needs both kinds (dx = dy·Wᵀ, dW = xᵀ·dy).
// XNNPACK also re-packs its right-hand operand ("weights") on every call with new weights, at
// several ns per element, which costs more than the multiply for a batch of 64 against a
// 784x512 weight. So each product is run as one of two non-transposed products, choosing the
// one that packs and transposes the fewest elements:
//   S1: C  = op(A) · op(B)       (packs op(B): K·N elements)
//   S2: Cᵀ = op(B)ᵀ · op(A)ᵀ    (packs op(A)ᵀ: K·M elements; the caller transposes Cᵀ back,
//                                  fused with bias and activation)
import type { TensorInfo } from '@tensorflow/tfjs';
import { disposeAll, reshapeView, runStock, sizeOf, transpose } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

/** Relative cost of packing one element vs. transposing one (measured: about 10x). */
const PACK_COST = 10;

export interface MatMulDims {
  m: number;
  k: number;
  n: number;
}

export function matMulDims(
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): MatMulDims {
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  return { m: transposeA ? ac : ar, k: transposeA ? ar : ac, n: transposeB ? br : bc };
}

/** True when both operands hold a single matrix (all leading dimensions 1) of float32. */
export function isSingleMatrix(a: TensorInfo, b: TensorInfo): boolean {
  return (
    a.dtype === 'float32' &&
    b.dtype === 'float32' &&
    a.shape.length >= 2 &&
    b.shape.length >= 2 &&
    sizeOf(a.shape.slice(0, -2)) === 1 &&
    sizeOf(b.shape.slice(0, -2)) === 1
  );
}

/** Picks S2 (compute Cᵀ) when it moves fewer elements than S1. */
export function prefersTransposedProduct(
  { m, k, n }: MatMulDims,
  transposeA: boolean,
  transposeB: boolean,
): boolean {
  const s1 = (transposeA ? m * k : 0) + (transposeB ? k * n : 0) + PACK_COST * k * n;
  const s2 = (transposeB ? 0 : k * n) + (transposeA ? 0 : m * k) + PACK_COST * k * m + m * n;
  return s2 < s1;
}

function as3d(backend: WasmBackend, t: TensorInfo): TensorInfo {
  const [r, c] = t.shape.slice(-2) as [number, number];
  return reshapeView(backend, t, [1, r, c]);
}

/** `t` as a [1, rows, cols] matrix, transposed when `flip`; the caller disposes the result. */
function matrix(backend: WasmBackend, t: TensorInfo, flip: boolean): TensorInfo {
  const t3 = as3d(backend, t);
  if (!flip) return t3;
  const tt = transpose(backend, t3, [0, 2, 1]);
  disposeAll(backend, t3);
  return tt;
}

/** S1's operands: op(A) as [1,M,K] and op(B) as [1,K,N], materialised. */
export function directOperands(
  backend: WasmBackend,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): [TensorInfo, TensorInfo] {
  return [matrix(backend, a, transposeA), matrix(backend, b, transposeB)];
}

/** S2: Cᵀ as [1, N, M], computed with the stock (XNNPACK) non-transposed kernel. */
export function transposedProduct(
  backend: WasmBackend,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo {
  const left = matrix(backend, b, !transposeB);
  const right = matrix(backend, a, !transposeA);
  const ct = runStock(
    'BatchMatMul',
    backend,
    { a: left, b: right },
    { transposeA: false, transposeB: false },
  );
  disposeAll(backend, left, right);
  return ct;
}
