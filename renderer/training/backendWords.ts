// Compute backends and why one was skipped, in words a learner reads without knowing tfjs: the
// technical reason stays available behind "Details".
import type { ComputeBackend } from '../../shared/training/runEvents';

/** What each backend is, in plain words. */
export const BACKEND_WORDS: Record<ComputeBackend, string> = {
  'tensorflow-gpu': 'NVIDIA graphics card (CUDA)',
  webgpu: 'graphics card (WebGPU)',
  tensorflow: 'native CPU (TensorFlow)',
  wasm: 'CPU (WebAssembly)',
  cpu: 'CPU (plain JavaScript, slowest)',
};

/** Why a backend could not be used, in one plain sentence; the reason as reported goes under Details. */
export function plainSkipReason(reason: string): string {
  if (/not installed/i.test(reason)) return 'its software is not installed on this computer.';
  if (/software one|software adapter|swiftshader|llvmpipe/i.test(reason))
    return 'only a software imitation of a graphics card was found, which would be slower than the CPU.';
  if (/no (cuda )?gpu|no webgpu adapter|no gpu driver|sees no/i.test(reason))
    return 'no graphics card it can use was found on this computer.';
  if (/did not load|failed to load|could not start/i.test(reason))
    return 'it is installed but did not start here.';
  return 'it could not be used on this computer.';
}
