import type { TrainingTask } from '../../shared/training/task';
import { taskOf } from '../../shared/training/task';
import type { RunView } from './runView';

/**
 * What a run was trained for: its request's settings say; a run heard of only through its events
 * reconstructs when its epochs or result carry reconstructions.
 */
export function runTask(run: Pick<RunView, 'request' | 'epochs' | 'result'>): TrainingTask {
  if (run.request) return taskOf(run.request.settings);
  return run.result?.reconstructions || run.epochs.some((e) => e.reconstructions)
    ? 'reconstruct'
    : 'classify';
}
