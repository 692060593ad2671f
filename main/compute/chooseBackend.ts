// `auto`'s decision: time a few training steps of the run's network on each backend that loaded,
// within one bound for all of them, and train on the fastest (design.md, "Compute backends").
import type {
  BackendMeasurement,
  BackendTiming,
  ComputeBackend,
} from '../../shared/training/runEvents';
import {
  CPU_NOT_MEASURED,
  fastestTiming,
  measuredBackends,
} from '../../shared/training/backendChoice';
import type { TimingsCache } from './backendTimingsCache';
import { errorMessage } from '../../shared/errors/errorMessage';

/** All the measuring before a run together, ms. */
export const MEASURE_BUDGET_MS = 2000;

/**
 * The order backends are timed in: those that start at once first (CPU backends), then the GPU
 * ones, whose first step compiles their kernels and may run past its share; each gets an equal
 * share of what is left, so one slow start cannot leave the others untimed.
 */
const MEASURE_ORDER: readonly ComputeBackend[] = [
  'wasm',
  'tensorflow',
  'cpu',
  'webgpu',
  'tensorflow-gpu',
];

/** One backend's speed; `steps` 0 means only its first step (compilation included) fitted. */
export type StepTiming = Pick<BackendTiming, 'samplesPerSecond' | 'steps'>;

export interface ChooseBackendOptions {
  /** The backends that loaded here, in the chain's order. */
  readonly loaded: readonly ComputeBackend[];
  /**
   * Makes `name` current and times training steps on it until `deadline` (on the `now` clock);
   * throws with the reason when it cannot train there.
   */
  readonly measure: (name: ComputeBackend, deadline: number) => Promise<StepTiming>;
  /** Earlier timings of this network shape on this machine. */
  readonly cache?: TimingsCache | null;
  /** The bound on all measuring, ms (default {@link MEASURE_BUDGET_MS}). */
  readonly budgetMs?: number;
  readonly now?: () => number;
}

export interface BackendChoiceResult {
  readonly name: ComputeBackend;
  /** Null when there was nothing to compare (one backend worth timing). */
  readonly measured: BackendMeasurement | null;
}

/** The backend to fall back on when none could be timed: wasm (it always trains), else the last loaded. */
function fallback(loaded: readonly ComputeBackend[]): ComputeBackend {
  if (loaded.includes('wasm')) return 'wasm';
  const last = loaded[loaded.length - 1];
  if (!last) throw new Error('No compute backend loaded, so there is nothing to measure.');
  return last;
}

/**
 * Picks the fastest of the loaded backends for this network: from the cache when this shape was
 * timed on this machine before, else by timing each in turn within `budgetMs` (checked between
 * steps: a first step may run past it; a backend the bound leaves no time for, or that fails, is
 * reported as not measured, with why). Does not make the winner current: the caller does.
 *
 * @example
 * const { name, measured } = await chooseBackend({ loaded: ['webgpu', 'wasm', 'cpu'], measure, cache });
 * // name 'webgpu', measured.timings [{ name: 'webgpu', samplesPerSecond: 8400, ... }, { name: 'wasm', ... }]
 */
export async function chooseBackend(options: ChooseBackendOptions): Promise<BackendChoiceResult> {
  const { loaded, measure, cache } = options;
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? MEASURE_BUDGET_MS;
  const candidates = measuredBackends(loaded);
  const first = candidates[0];
  if (candidates.length <= 1 || !first) return { name: first ?? fallback(loaded), measured: null };
  const notMeasured: { name: ComputeBackend; reason: string }[] =
    loaded.includes('cpu') && !candidates.includes('cpu')
      ? [{ name: 'cpu', reason: CPU_NOT_MEASURED }]
      : [];

  const earlier = await cache?.read();
  const winnerOf = (timings: readonly BackendTiming[]) =>
    fastestTiming(timings.filter((t) => candidates.includes(t.name)))?.name;
  const cachedWinner = earlier && winnerOf(earlier.timings);
  if (earlier && cachedWinner)
    return { name: cachedWinner, measured: { ...earlier, cached: true, ms: 0 } };

  const start = now();
  const timings: BackendTiming[] = [];
  const order = [...candidates].sort((a, b) => MEASURE_ORDER.indexOf(a) - MEASURE_ORDER.indexOf(b));
  let spent = false;
  for (const [i, name] of order.entries()) {
    const remaining = budget - (now() - start);
    if (remaining <= 0) {
      spent = true;
      notMeasured.push({
        name,
        reason: `not measured: the ${budget / 1000} s allowed for measuring were spent`,
      });
      continue;
    }
    try {
      timings.push({ name, ...(await measure(name, now() + remaining / (order.length - i))) });
    } catch (e) {
      notMeasured.push({ name, reason: `could not be measured: ${errorMessage(e)}` });
    }
  }
  // Fastest first; between equals, the chain's order (the GPU before the CPU).
  timings.sort(
    (a, b) =>
      b.samplesPerSecond - a.samplesPerSecond ||
      candidates.indexOf(a.name) - candidates.indexOf(b.name),
  );
  const measured: BackendMeasurement = {
    timings,
    notMeasured,
    cached: false,
    ms: Math.round(now() - start),
  };
  // A backend timed on its first step only (kernels compiling) or not at all may do better next
  // time: only a full measurement is kept.
  const complete = !spent && timings.length > 0 && timings.every((t) => t.steps > 0);
  if (complete) await cache?.write({ timings, notMeasured });
  return { name: winnerOf(timings) ?? fallback(loaded), measured };
}
