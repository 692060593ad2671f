// One call that leaves tfjs ready to train in this process.
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendReport } from '../../shared/training/runEvents';
import { selectBackend } from './selectBackend';
import type { SelectBackendOptions } from './selectBackend';

/**
 * Selects the compute backend (`auto`: the fastest that loads), registers this project's kernels
 * on it, sets threads and flags, and leaves `tf` ready. Call once per training process, before
 * building the model.
 *
 * @example
 * const report = await initBackend(settings.backend); // { name: 'wasm', skipped: [...] }
 * const model = await tf.models.modelFromJSON(topology);
 */
export async function initBackend(
  choice: BackendChoice,
  options: SelectBackendOptions = {},
): Promise<BackendReport> {
  // Production mode skips per-op debug checks; the training loop checks the loss for NaN itself.
  tf.enableProdMode();
  return selectBackend(choice, options);
}
