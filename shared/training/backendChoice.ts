// How `auto` picks a compute backend by measurement, in the parts both sides need: which loaded
// backends are worth timing, which timing wins, and the one line the dashboard and CLI print.
import type { BackendReport, BackendTiming, ComputeBackend } from './runEvents';

/** Why the plain JavaScript backend is not timed when wasm loads. */
export const CPU_NOT_MEASURED =
  'not measured: the wasm backend runs the same kernels compiled, several times faster';

/**
 * The loaded backends `auto` times before a run, in the chain's order: all of them, except the
 * plain JavaScript `cpu` backend when `wasm` loaded (it runs tfjs's kernels uncompiled and only
 * ever loses, so timing it would spend the time allowed for nothing).
 *
 * @example
 * measuredBackends(['webgpu', 'wasm', 'cpu']); // ['webgpu', 'wasm']
 */
export function measuredBackends(loaded: readonly ComputeBackend[]): ComputeBackend[] {
  return loaded.includes('wasm') ? loaded.filter((b) => b !== 'cpu') : [...loaded];
}

/** The fastest timing (the first of equals in the chain's order), or null when there is none. */
export function fastestTiming(timings: readonly BackendTiming[]): BackendTiming | null {
  let best: BackendTiming | null = null;
  for (const t of timings)
    if (
      Number.isFinite(t.samplesPerSecond) &&
      (!best || t.samplesPerSecond > best.samplesPerSecond)
    )
      best = t;
  return best;
}

const speed = (n: number): string => `${Math.round(n).toLocaleString('en-US')} samples/s`;

/**
 * The measurement behind a run's backend as one line, fastest first, or null when `auto` did not
 * measure (an explicit choice, or one backend only).
 *
 * @example
 * backendChoiceLine(report); // "webgpu 8,400 samples/s, wasm 1,100 samples/s: using webgpu"
 */
export function backendChoiceLine(report: BackendReport): string | null {
  const m = report.measured;
  if (!m || m.timings.length === 0) return null;
  const timings = m.timings
    .map((t) => `${t.name} ${t.steps === 0 ? 'at least ' : ''}${speed(t.samplesPerSecond)}`)
    .join(', ');
  return `${timings}: using ${report.name}${m.cached ? ' (measured before on this computer)' : ''}`;
}
