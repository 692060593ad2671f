// out[m, n] = act(ct[n, m] + bias[n]): turns the transposed product of matMulPlan's S2 back,
// adding the bias and applying the activation in the same pass over the data.
import type { TensorInfo } from '@tensorflow/tfjs';
import { f32 } from './wasmKernelUtils';
import type { WasmBackend } from './wasmKernelUtils';

/** Activations applied here; others are applied afterwards by the stock kernel. */
export type InlineActivation = 'linear' | 'relu' | 'relu6' | 'leakyrelu' | 'elu' | 'sigmoid';

export function isInlineActivation(a: string | undefined): a is InlineActivation {
  return a === undefined || ['linear', 'relu', 'relu6', 'leakyrelu', 'elu', 'sigmoid'].includes(a);
}

const TILE = 32;

/**
 * Writes act(ctᵀ + bias) into a new tensor of `outShape` (…, M, N), where `ct` holds [N, M].
 * Float32 arithmetic matches the cpu backend: the sum is rounded to float32 before the activation.
 */
export function transposeBiasActivation(
  backend: WasmBackend,
  ct: TensorInfo,
  outShape: number[],
  bias: TensorInfo | undefined,
  activation: InlineActivation = 'linear',
  alpha = 0.2,
): TensorInfo {
  const [n, m] = ct.shape.slice(-2) as [number, number];
  const out = backend.makeOutput(outShape, 'float32');
  const src = f32(backend, ct);
  const dst = f32(backend, out);
  const b = bias ? f32(backend, bias) : undefined;
  for (let n0 = 0; n0 < n; n0 += TILE) {
    const n1 = Math.min(n, n0 + TILE);
    for (let m0 = 0; m0 < m; m0 += TILE) {
      const m1 = Math.min(m, m0 + TILE);
      for (let j = n0; j < n1; j++) {
        // A float32 sum computed in double and stored is the correctly rounded float32 sum.
        const bj = b ? b[j]! : 0;
        for (let i = m0; i < m1; i++) dst[i * n + j] = src[j * m + i]! + bj;
      }
    }
  }
  if (activation !== 'linear') applyActivation(dst, activation, alpha);
  return out;
}

function applyActivation(d: Float32Array, activation: InlineActivation, alpha: number): void {
  const len = d.length;
  switch (activation) {
    case 'relu':
      for (let i = 0; i < len; i++) if (d[i]! < 0) d[i] = 0;
      break;
    case 'relu6':
      for (let i = 0; i < len; i++) d[i] = Math.min(Math.max(d[i]!, 0), 6);
      break;
    case 'leakyrelu':
      for (let i = 0; i < len; i++) if (d[i]! < 0) d[i] = alpha * d[i]!;
      break;
    case 'elu':
      for (let i = 0; i < len; i++) if (d[i]! < 0) d[i] = Math.exp(d[i]!) - 1;
      break;
    case 'sigmoid':
      for (let i = 0; i < len; i++) d[i] = 1 / (1 + Math.exp(-d[i]!));
      break;
    default:
      break;
  }
}
