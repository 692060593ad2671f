import type { RunView } from './runView';
import { formatCount, formatDuration } from './format';
import { RunQueuePosition } from './RunQueuePosition';

/** Share of the planned batches done, 0..1; null before the run has reported its size. */
export function progressFraction(run: RunView): number | null {
  if (run.status === 'done') return 1;
  const p = run.progress;
  if (!p || !run.batchesPerEpoch || !run.epochsPlanned) return null;
  const done = (p.epoch - 1) * run.batchesPerEpoch + p.batch;
  return Math.min(1, done / (run.epochsPlanned * run.batchesPerEpoch));
}

/** What the progress bar says in words. */
export function progressText(run: RunView): string {
  const p = run.progress;
  if (run.status === 'queued')
    return run.queuePosition === null ? 'Starting…' : 'Waiting for a free place…';
  if (!p) return run.status === 'running' ? 'Loading the data and building the model…' : '';
  const parts = [
    `Epoch ${p.epoch}${run.epochsPlanned ? ` of ${run.epochsPlanned}` : ''}`,
    `batch ${p.batch}${run.batchesPerEpoch ? ` of ${run.batchesPerEpoch}` : ''}`,
    `${formatCount(p.samplesPerSecond)} samples/s`,
  ];
  if (run.evaluating) parts.push('testing on the test split…');
  else if (run.status === 'running') parts.push(`ETA ${formatDuration(p.etaMs)}`);
  else parts.push(`${run.status} after ${formatDuration(p.elapsedMs)}`);
  return parts.join(' · ');
}

/** The run's progress bar with epoch, batch, speed and time left. */
export function RunProgress({ run }: { run: RunView }) {
  const fraction = progressFraction(run);
  const text = progressText(run);
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="nc-progress">
      <div
        className="nc-progress-track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text || undefined}
      >
        <div
          className={`nc-progress-fill nc-status-${run.status}`}
          style={{ width: `${percent ?? 0}%` }}
        />
      </div>
      <p className="nc-progress-text" aria-live="polite">
        {text}
      </p>
      <RunQueuePosition run={run} />
    </div>
  );
}
