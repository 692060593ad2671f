// Picks the compute backend for a training process: the chain of design.md ("Compute backends").
import * as tf from '@tensorflow/tfjs';
import { availableParallelism } from 'node:os';
import { COMPUTE_BACKENDS } from '../../shared/training/runEvents';
import type { BackendChoice, BackendReport, ComputeBackend } from '../../shared/training/runEvents';
import { registerWasmBackend, wasmBackendInfo } from './threadedWasmBackend';
import { registerWasmKernels } from './wasmKernels/registerWasmKernels';
import { BackendUnavailable, startWebgpuBackend } from './webgpuBackend';
import type { WebgpuOptions } from './webgpuBackend';
import { errorMessage } from '../../shared/errors/errorMessage';

export interface SelectBackendOptions extends WebgpuOptions {
  /** XNNPACK threads for the wasm backend (default: all cores). */
  wasmThreads?: number;
  /**
   * Stock wasm kernels only (plus the one tfjs lacks for CNNs), single-threaded: the baseline
   * the benchmark compares against. Not for training.
   */
  wasmStock?: boolean;
}

/** Details about the selected backend beyond `BackendReport`, for logs and benchmarks. */
export interface BackendDetails {
  /** e.g. "2 threads, SIMD" or the WebGPU adapter name. */
  readonly detail: string;
}

let lastDetails: BackendDetails = { detail: '' };

/** Details of the backend the last `selectBackend` call picked. */
export function backendDetails(): BackendDetails {
  return lastDetails;
}

/** `import()` of an optional package whose absence means "skipped: not installed". */
async function importOptional(pkg: string): Promise<unknown> {
  try {
    return (await import(pkg)) as unknown;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new BackendUnavailable(`not installed (${pkg})`);
    }
    throw new BackendUnavailable(`${pkg} failed to load: ${errorMessage(e)}`);
  }
}

async function useBackend(name: string): Promise<void> {
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    throw new BackendUnavailable(`tfjs could not start it: ${errorMessage(e)}`);
  }
  if (!ok) throw new BackendUnavailable('tfjs could not start it');
  await tf.ready();
}

type Loader = (options: SelectBackendOptions) => Promise<string>;

const loaders: Record<ComputeBackend, Loader> = {
  'tensorflow-gpu': async () => {
    await importOptional('@tensorflow/tfjs-node-gpu');
    await useBackend('tensorflow');
    const usingGpu = (tf.backend() as { isUsingGpuDevice?: boolean }).isUsingGpuDevice;
    if (!usingGpu) throw new BackendUnavailable('libtensorflow sees no CUDA GPU');
    return 'CUDA';
  },
  webgpu: (options) => startWebgpuBackend(options),
  tensorflow: async () => {
    await importOptional('@tensorflow/tfjs-node');
    await useBackend('tensorflow');
    return 'libtensorflow CPU';
  },
  wasm: async (options) => {
    if (!(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))) {
      // Without SIMD XNNPACK is several times slower; still better than the plain JS backend.
      tf.env().set('WASM_HAS_SIMD_SUPPORT', false);
    }
    if (options.wasmStock) {
      registerWasmKernels({ fast: false });
      await useBackend('wasm');
      return 'stock tfjs kernels, 1 thread';
    }
    registerWasmBackend(options.wasmThreads ?? availableParallelism());
    registerWasmKernels();
    await useBackend('wasm');
    const info = wasmBackendInfo();
    const threads = `${info.threads} thread${info.threads === 1 ? '' : 's'}`;
    return info.fallbackReason ? `${threads} (${info.fallbackReason})` : threads;
  },
  cpu: async () => {
    await useBackend('cpu');
    return 'plain JavaScript';
  },
};

/**
 * Tries to start one backend and makes it current when it starts: its detail, or the reason it
 * cannot be used here (as `BackendReport.skipped` gives it).
 */
export async function tryBackend(
  name: ComputeBackend,
  options: SelectBackendOptions = {},
): Promise<
  { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly reason: string }
> {
  try {
    const detail = await loaders[name](options);
    lastDetails = { detail };
    return { ok: true, detail };
  } catch (e) {
    return {
      ok: false,
      reason: e instanceof BackendUnavailable ? e.message : `failed: ${errorMessage(e)}`,
    };
  }
}

/**
 * Makes the fastest usable backend current (or exactly `choice` when it is not `auto`) and says
 * which it is and why faster ones were skipped. Call once per training process, before building
 * a model.
 *
 * @throws Error naming the backend and the reason when an explicit choice cannot be used.
 */
export async function selectBackend(
  choice: BackendChoice,
  options: SelectBackendOptions = {},
): Promise<BackendReport> {
  const skipped: { name: ComputeBackend; reason: string }[] = [];
  const candidates = choice === 'auto' ? COMPUTE_BACKENDS : [choice];
  for (const name of candidates) {
    const result = await tryBackend(name, options);
    if (result.ok) return { name, skipped };
    if (choice !== 'auto')
      throw new Error(`The "${name}" compute backend cannot be used: ${result.reason}.`);
    skipped.push({ name, reason: result.reason });
  }
  // Unreachable in practice: the cpu backend always loads.
  throw new Error(
    `No compute backend could be started: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`,
  );
}
