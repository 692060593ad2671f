// Helpers shared by the kernels this project registers on the tfjs wasm backend: typed access
// to the backend's heap, and calling the backend's own (stock) kernels from inside a kernel.
import { getKernel } from '@tensorflow/tfjs';
import type {
  DataType,
  KernelConfig,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo,
} from '@tensorflow/tfjs';

/** The parts of the Emscripten module behind the wasm backend that the kernels here use. */
export interface WasmModule {
  HEAPF32: Float32Array;
  HEAP32: Int32Array;
  /** Present on the threaded build, whose memory is shared and may grow. */
  wasmMemory?: { buffer: ArrayBufferLike };
}

/** The parts of tfjs's `BackendWasm` that the kernels here use (it is not exported typed enough). */
export interface WasmBackend {
  wasm: WasmModule;
  dataIdMap: {
    get(dataId: object): { id: number; memoryOffset: number; shape: number[]; dtype: DataType };
  };
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
  incRef(dataId: object): void;
  /** How many tensors share this data (a clone shares its source's). */
  refCount(dataId: object): number;
}

/** The kernel function signature tfjs calls. */
export type WasmKernelFunc = (args: {
  inputs: NamedTensorInfoMap;
  backend: WasmBackend;
  attrs?: NamedAttrMap;
}) => TensorInfo;

function memoryBuffer(backend: WasmBackend): ArrayBufferLike {
  // After a growth of the shared (threaded) memory the module's views may lag behind.
  return backend.wasm.wasmMemory?.buffer ?? backend.wasm.HEAPF32.buffer;
}

/** A float32 view on a tensor's data inside the wasm heap (valid until the next allocation). */
export function f32(backend: WasmBackend, t: TensorInfo): Float32Array {
  const { memoryOffset } = backend.dataIdMap.get(t.dataId);
  return new Float32Array(memoryBuffer(backend), memoryOffset, sizeOf(t.shape));
}

/** An int32 view on a tensor's data inside the wasm heap (valid until the next allocation). */
export function i32(backend: WasmBackend, t: TensorInfo): Int32Array {
  const { memoryOffset } = backend.dataIdMap.get(t.dataId);
  return new Int32Array(memoryBuffer(backend), memoryOffset, sizeOf(t.shape));
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * The stock wasm kernels, looked up (and remembered) before this project replaces any of them,
 * so a replacement can fall back to the original and call the originals of others.
 */
const stockKernels = new Map<string, KernelConfig>();

export function rememberStockKernel(name: string): KernelConfig | undefined {
  const known = stockKernels.get(name);
  if (known) return known;
  let config: KernelConfig | undefined;
  try {
    config = getKernel(name, 'wasm');
  } catch {
    config = undefined;
  }
  if (config) stockKernels.set(name, config);
  return config;
}

/** Runs a stock wasm kernel directly (no engine bookkeeping): the caller owns the result. */
export function runStock(
  name: string,
  backend: WasmBackend,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const config = rememberStockKernel(name);
  if (!config) throw new Error(`wasm backend has no ${name} kernel`);
  const out = config.kernelFunc({ inputs, backend: backend, attrs });
  return Array.isArray(out) ? (out[0] as TensorInfo) : out;
}

/** Frees intermediate results made with `runStock` or `backend.makeOutput`. */
export function disposeAll(backend: WasmBackend, ...infos: TensorInfo[]): void {
  for (const t of infos) backend.disposeData(t.dataId);
}

/** A reshaped view of `t` sharing its data; counts a reference, so dispose it like any output. */
export function reshapeView(backend: WasmBackend, t: TensorInfo, shape: number[]): TensorInfo {
  backend.incRef(t.dataId);
  return { dataId: t.dataId, shape, dtype: t.dtype };
}

export function transpose(backend: WasmBackend, x: TensorInfo, perm: number[]): TensorInfo {
  return runStock('Transpose', backend, { x }, { perm });
}

export function pair(v: number | readonly number[] | undefined, fallback = 1): [number, number] {
  if (v === undefined) return [fallback, fallback];
  if (typeof v === 'number') return [v, v];
  return [v[0] ?? fallback, v[1] ?? v[0] ?? fallback];
}
