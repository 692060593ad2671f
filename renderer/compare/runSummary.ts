// What the runs list and the comparison table say about a run, derived from its view.
import { datasetLabel as datasetKindLabel } from '../../shared/training/datasetKinds';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { TrainingTask } from '../../shared/training/task';
import { runTask } from '../training/runTask';
import type { RunView } from '../training/runView';

/** "MNIST", "CIFAR-10 (/data/cifar)", "folder /data/hotdog (64×64 rgb)". */
export function datasetLabel(ref: DatasetRef | undefined): string {
  return ref ? datasetKindLabel(ref) : '–';
}

/** "adam, lr 0.001, batch 64, 5 epochs, 6,000 samples". */
export function settingsLabel(run: RunView): string {
  const s = run.request?.settings;
  if (!s) return '–';
  const parts = [
    ...(runTask(run) === 'reconstruct' ? ['reconstruct (autoencoder)'] : []),
    `${s.optimizer}`,
    `lr ${s.learningRate}`,
    `batch ${s.batchSize}`,
    `${s.epochs} epoch${s.epochs === 1 ? '' : 's'}`,
  ];
  if (s.limit !== null) parts.push(`${s.limit.toLocaleString('en-US')} samples`);
  if (s.earlyStopping) parts.push(`early stop on ${s.earlyStopping.monitor}`);
  return parts.join(', ');
}

/** The numbers a comparison row shows; null where the run has not produced them (yet). */
export interface ComparisonRow {
  readonly id: string;
  readonly title: string;
  readonly params: number | null;
  readonly testAccuracy: number | null;
  readonly testLoss: number | null;
  /** Last epoch's validation accuracy, for runs stopped or still training. */
  readonly valAccuracy: number | null;
  readonly trainingMs: number | null;
  readonly samplesPerSecond: number | null;
  readonly status: RunView['status'];
  /** A reconstruct run (an autoencoder) has no accuracy: its accuracy fields stay null. */
  readonly task: TrainingTask;
}

/** A comparison row: finished runs report their own totals; running ones their latest figures. */
export function comparisonRow(run: RunView): ComparisonRow {
  const last = run.epochs.at(-1);
  const task = runTask(run);
  const classifies = task === 'classify';
  return {
    id: run.id,
    title: run.title,
    params: run.totalParams,
    testAccuracy: classifies ? (run.result?.testAccuracy ?? null) : null,
    testLoss: run.result?.testLoss ?? null,
    valAccuracy: classifies ? (last?.valAccuracy ?? null) : null,
    trainingMs: run.trainingMs ?? run.progress?.elapsedMs ?? null,
    samplesPerSecond: run.samplesPerSecond ?? run.progress?.samplesPerSecond ?? null,
    status: run.status,
    task,
  };
}
