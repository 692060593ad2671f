// `auto` for a training run: load every backend of the chain, time the run's own network on each
// worth timing (or take the timings of an earlier run of the same shape on this machine), and
// leave the fastest current.
import * as tf from '@tensorflow/tfjs';
import { COMPUTE_BACKENDS } from '../../shared/training/runEvents';
import type { BackendReport, ComputeBackend } from '../../shared/training/runEvents';
import type { Graph } from '../../shared/graph/types';
import type { TrainingSettings } from '../../shared/training/settings';
import { machineKey, networkKey, timingsCache } from './backendTimingsCache';
import { chooseBackend } from './chooseBackend';
import type { ChooseBackendOptions } from './chooseBackend';
import { backendDetails, tryBackend } from './selectBackend';
import type { SelectBackendOptions } from './selectBackend';
import { timeTrainSteps } from './timeTrainSteps';

export interface AutoBackendInput {
  readonly graph: Graph;
  /** Builds and compiles the run's network on the current backend. */
  readonly build: () => Promise<tf.LayersModel>;
  /** One sample's shape, without the batch dimension. */
  readonly inputShape: readonly number[];
  readonly settings: Pick<TrainingSettings, 'batchSize' | 'optimizer' | 'loss'>;
  /** The timings cache file, or null to measure every time. */
  readonly cacheFile: string | null;
  /** Passed to each backend's start (wasm threads, Dawn options). */
  readonly backendOptions?: SelectBackendOptions;
  /** The bound on all measuring, ms (default 2 s). */
  readonly budgetMs?: number;
}

/** Makes a backend current and times the run's network on it until a deadline (`ChooseBackendOptions.measure`). */
export function stepTimer(
  input: Pick<AutoBackendInput, 'build' | 'inputShape' | 'settings'>,
): ChooseBackendOptions['measure'] {
  return async (name, deadline) => {
    await tf.setBackend(name);
    return timeTrainSteps(
      {
        build: input.build,
        inputShape: input.inputShape,
        batchSize: input.settings.batchSize,
        loss: input.settings.loss,
      },
      deadline,
    );
  };
}

/** Dawn's null adapter does no GPU work: its timings say nothing, so it is never chosen. */
const NULL_ADAPTER = /null-backend/i;

/**
 * Replaces the chain's first loaded backend (`first`, current now, from `initBackend('auto')`)
 * with the fastest for this network, makes that current and reports the timings. Backends after
 * `first` in the chain are loaded here.
 *
 * @example
 * let backend = await initBackend('auto');
 * backend = await autoBackend(backend, { graph, build, inputShape: [28, 28, 1], settings, cacheFile });
 * // backend.measured.timings: [{ name: 'webgpu', samplesPerSecond: 8400, steps: 16 }, ...]
 */
export async function autoBackend(
  first: BackendReport,
  input: AutoBackendInput,
): Promise<BackendReport> {
  const loaded: { name: ComputeBackend; detail: string }[] = [
    { name: first.name, detail: backendDetails().detail },
  ];
  const skipped = [...first.skipped];
  for (const name of COMPUTE_BACKENDS.slice(COMPUTE_BACKENDS.indexOf(first.name) + 1)) {
    const result = await tryBackend(name, input.backendOptions);
    if (result.ok) loaded.push({ name, detail: result.detail });
    else skipped.push({ name, reason: result.reason });
  }
  const usable = loaded.filter((b) => !(b.name === 'webgpu' && NULL_ADAPTER.test(b.detail)));
  const notUsed = loaded
    .filter((b) => !usable.includes(b))
    .map((b) => ({ name: b.name, reason: `Dawn's null adapter (${b.detail}) does no GPU work` }));
  const options: ChooseBackendOptions = {
    loaded: usable.map((b) => b.name),
    cache: input.cacheFile
      ? timingsCache(
          input.cacheFile,
          machineKey(usable),
          networkKey(input.graph, input.inputShape, input.settings),
        )
      : null,
    measure: stepTimer(input),
    ...(input.budgetMs === undefined ? {} : { budgetMs: input.budgetMs }),
  };
  const choice = await chooseBackend(options);
  await tf.setBackend(choice.name);
  const order = (b: { name: ComputeBackend }) => COMPUTE_BACKENDS.indexOf(b.name);
  const before = [...skipped, ...notUsed]
    .filter((s) => order(s) < order(choice))
    .sort((a, b) => order(a) - order(b));
  return {
    name: choice.name,
    skipped: before,
    ...(choice.measured ? { measured: choice.measured } : {}),
  };
}
