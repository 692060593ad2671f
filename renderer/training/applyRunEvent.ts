import type { RunEvent } from '../../shared/training/runEvents';
import type { RunView } from './runView';
import { emptyRun } from './runView';

/**
 * Folds one training event into a run's view. Pure, so the store stays a thin shell around it.
 * Events after a run has ended (a late batch racing a stop) do not reopen it.
 */
export function applyRunEvent(run: RunView | undefined, event: RunEvent, nowMs: number): RunView {
  const base = run ?? emptyRun(event.runId, nowMs);
  const ended = base.status === 'done' || base.status === 'stopped' || base.status === 'failed';
  switch (event.type) {
    case 'queued':
      return ended
        ? base
        : {
            ...base,
            status: 'queued',
            queuePosition: event.position,
            maxRunning: event.maxRunning,
          };
    case 'started':
      return {
        ...base,
        status: 'running',
        queuePosition: null,
        backend: event.backend,
        trainSamples: event.trainSamples,
        skippedImages: event.skippedImages ?? null,
        epochsPlanned: event.settings.epochs,
        batchesPerEpoch: event.batchesPerEpoch,
      };
    case 'batch':
      if (ended) return base;
      return {
        ...base,
        status: 'running',
        progress: {
          epoch: event.epoch,
          batch: event.batch,
          samplesPerSecond: event.samplesPerSecond,
          elapsedMs: event.elapsedMs,
          etaMs: event.etaMs,
        },
      };
    case 'epoch': {
      if (ended) return base;
      const epochs = [...base.epochs.filter((e) => e.epoch !== event.epoch), event];
      return {
        ...base,
        status: 'running',
        epochs,
        progress: {
          epoch: event.epoch,
          batch: base.batchesPerEpoch ?? base.progress?.batch ?? 0,
          samplesPerSecond: event.samplesPerSecond,
          elapsedMs: event.elapsedMs,
          etaMs: event.etaMs,
        },
      };
    }
    case 'evaluating':
      return ended ? base : { ...base, evaluating: true };
    case 'done':
      return {
        ...base,
        status: 'done',
        evaluating: false,
        result: event.result,
        samplesPerSecond: event.samplesPerSecond,
        trainingMs: event.trainingMs,
        bestEpoch: event.bestEpoch,
        stoppedEarly: event.stoppedEarly,
        progress: base.progress && { ...base.progress, etaMs: 0 },
      };
    case 'stopped':
      return { ...base, status: 'stopped', evaluating: false };
    case 'failed':
      return {
        ...base,
        status: 'failed',
        evaluating: false,
        error: { code: event.code, message: event.message },
      };
  }
}
