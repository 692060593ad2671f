// Scripted event sequences for renderer tests: a run that trains, validates and finishes.
import type {
  BatchPoint,
  ConfusionResult,
  RunEvent,
  RunId,
} from '../../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../../shared/training/settings';

export const startedEvent = (
  runId: RunId,
  batchesPerEpoch = 4,
  epochs = DEFAULT_TRAINING.epochs,
): Extract<RunEvent, { type: 'started' }> => ({
  type: 'started',
  runId,
  backend: {
    name: 'wasm',
    skipped: [{ name: 'tensorflow', reason: 'tfjs-node is not installed' }],
  },
  settings: { ...DEFAULT_TRAINING, epochs },
  trainSamples: batchesPerEpoch * 64,
  validationSamples: 32,
  batchesPerEpoch,
  estimatedMemoryMB: 40,
});

/** A batch report; by default it carries just this batch, with the same loss and accuracy. */
export const batchEvent = (
  runId: RunId,
  epoch: number,
  batch: number,
  loss: number,
  accuracy: number,
  points: readonly BatchPoint[] = [{ epoch, batch, loss, accuracy }],
): RunEvent => ({
  type: 'batch',
  runId,
  epoch,
  batch,
  loss,
  accuracy,
  points,
  samplesPerSecond: 1000 + batch,
  elapsedMs: 1000 * batch,
  etaMs: 60_000 - 1000 * batch,
});

export const epochEvent = (
  runId: RunId,
  epoch: number,
  loss: number,
  accuracy: number,
): RunEvent => ({
  type: 'epoch',
  runId,
  epoch,
  loss,
  accuracy,
  valLoss: loss + 0.05,
  valAccuracy: accuracy - 0.02,
  samplesPerSecond: 1200,
  elapsedMs: 5000 * epoch,
  etaMs: 5000,
});

/** A two-class result: 3 of 4 test images right, the wrong one a 1 read as 0. */
export const twoClassResult = (testAccuracy: number, testLoss: number): ConfusionResult => ({
  testAccuracy,
  testLoss,
  confusion: [
    [2, 0],
    [1, 1],
  ],
  perClassAccuracy: [1, 0.5],
  misclassified: [
    { index: 3, trueLabel: 1, predicted: 0, probabilities: [0.7, 0.3], pixels: [255, 0, 0, 255] },
  ],
});

export const doneEvent = (
  runId: RunId,
  testAccuracy: number,
  testLoss: number,
  samplesPerSecond = 1500,
  trainingMs = 12_000,
): RunEvent => ({
  type: 'done',
  runId,
  result: twoClassResult(testAccuracy, testLoss),
  samplesPerSecond,
  trainingMs,
  bestEpoch: null,
  stoppedEarly: false,
});
