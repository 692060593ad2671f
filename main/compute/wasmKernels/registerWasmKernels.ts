// Registers this project's wasm kernels: the ones tfjs-backend-wasm lacks for training, and
// faster replacements for stock ones that are scalar loops. Idempotent.
import { registerKernel, unregisterKernel } from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { batchMatMulConfig } from './batchMatMul';
import { conv2DBackpropFilterConfig } from './conv2DBackpropFilter';
import { conv2DBackpropInputConfig } from './conv2DBackpropInput';
import {
  depthwiseBackpropFilterConfig,
  depthwiseBackpropInputConfig,
} from './depthwiseConv2dBackprop';
import { fusedMatMulConfig } from './fusedMatMul';
import { maxPoolGradConfig } from './maxPoolGrad';
import { rememberStockKernel } from './wasmKernelUtils';

/** Kernels the stock backend lacks. */
export const missingWasmKernels: readonly KernelConfig[] = [
  conv2DBackpropFilterConfig,
  depthwiseBackpropFilterConfig,
  depthwiseBackpropInputConfig,
];

/** Faster replacements for stock kernels (each falls back to the stock one where it must). */
export const fasterWasmKernels: readonly KernelConfig[] = [
  batchMatMulConfig,
  fusedMatMulConfig,
  conv2DBackpropInputConfig,
  maxPoolGradConfig,
];

let registered: 'none' | 'missing' | 'all' = 'none';

function install(config: KernelConfig): void {
  const stock = rememberStockKernel(config.kernelName);
  if (stock) unregisterKernel(config.kernelName, 'wasm');
  // The engine runs setup functions of registered kernels when a backend starts; a replaced
  // stock kernel still needs its own setup (its cwrap bindings) for our fallbacks to call it.
  const setupFunc = stock?.setupFunc;
  const ownSetup = config.setupFunc;
  registerKernel({
    ...config,
    setupFunc:
      setupFunc || ownSetup
        ? (backend) => {
            setupFunc?.(backend);
            ownSetup?.(backend);
          }
        : undefined,
  });
}

/**
 * Registers the kernels on the `wasm` backend. With `fast: false` only the missing ones (the
 * stock backend plus what it needs to train CNNs; used to measure the baseline).
 * Call before the wasm backend is initialised, so that setup functions run.
 */
export function registerWasmKernels({ fast = true }: { fast?: boolean } = {}): void {
  if (registered === 'all' || (registered === 'missing' && !fast)) return;
  if (registered === 'none') missingWasmKernels.forEach(install);
  if (fast) fasterWasmKernels.forEach(install);
  registered = fast ? 'all' : 'missing';
}
