// The training loop of one run: Keras `fit` semantics (epochs, shuffling, validation per epoch,
// EarlyStopping, ModelCheckpoint(save_best_only)), written out so that a stop request takes
// effect after the current batch, progress is throttled for a chart, and a NaN loss ends the run
// with an explanation instead of silently training garbage.
import * as tf from '@tensorflow/tfjs';
import { batchAugmenter } from '../../datasets/augmentBatch';
import { epochOrder, iterateBatches } from '../../datasets/batches';
import type { SamplePlan, SplitSamples } from '../../datasets/batches';
import type { BatchPoint, RunEvent, RunId } from '../../shared/training/runEvents';
import type { Monitor, TrainingSettings } from '../../shared/training/settings';
import { monitorForTask, taskOf } from '../../shared/training/task';
import type { BatchMetrics, BatchStep } from '../compute/webgpuTrainStep';
import { evaluateSplit, nextTick } from './evaluateSplit';
import { nanMessage } from './nanMessage';
import { reconstructions } from './reconstructions';

export interface TrainLoopInput {
  readonly runId: RunId;
  readonly model: tf.LayersModel;
  readonly plan: SamplePlan;
  readonly settings: TrainingSettings;
  readonly classes: number;
  /** The model's input shape without the batch dimension. */
  readonly inputShape: readonly number[];
  /** The last layer's name and activation, for the NaN explanation. */
  readonly outputLayer?: { readonly name: string; readonly activation: string | null };
  /**
   * Trains each batch instead of `model.trainOnBatch` (the WebGPU step): its loss and accuracy
   * come back a few batches later, so the loop never waits for the GPU after each batch.
   */
  readonly batchStep?: BatchStep;
  /** A reconstruct run's few test images, reconstructed at each epoch end for the dashboard. */
  readonly preview?: SplitSamples;
}

/** Batches the GPU may be ahead of the metrics read back before the loop waits (and down to how many). */
const MAX_AHEAD = 48;
const SETTLE_TO = 16;

export interface TrainLoopHooks {
  readonly emit: (event: RunEvent) => void;
  /** Polled after every batch. */
  readonly shouldStop: () => boolean;
  /** At most this many batch events per second (default 10); each carries every batch since the last. */
  readonly batchEventsPerSecond?: number;
  readonly now?: () => number;
  /** Awaited after each epoch's event, with the weights as that epoch left them (the replay's snapshots). */
  readonly afterEpoch?: (event: EpochEvent) => Promise<void>;
}

/** How training ended. */
export type TrainOutcome =
  | {
      readonly status: 'done';
      readonly samplesPerSecond: number;
      readonly trainingMs: number;
      /** 1-based epoch whose weights the model now holds (keepBest), or the best one seen; null when not tracked. */
      readonly bestEpoch: number | null;
      readonly stoppedEarly: boolean;
      readonly epochsRun: number;
    }
  | { readonly status: 'stopped'; readonly trainingMs: number }
  | { readonly status: 'nan'; readonly message: string };

type EpochEvent = Extract<RunEvent, { type: 'epoch' }>;

/** The metric to watch, falling back to its training twin when there is no validation data (Keras would only warn). */
function effectiveMonitor(monitor: Monitor, hasValidation: boolean): Monitor {
  if (hasValidation) return monitor;
  return monitor === 'val_loss' ? 'loss' : monitor === 'val_accuracy' ? 'accuracy' : monitor;
}

function monitorValue(e: EpochEvent, monitor: Monitor): number | null {
  switch (monitor) {
    case 'loss':
      return e.loss;
    case 'accuracy':
      return e.accuracy;
    case 'val_loss':
      return e.valLoss;
    case 'val_accuracy':
      return e.valAccuracy;
  }
}

/** Like Keras's `mode='auto'`: losses go down, accuracies up. */
const improves = (monitor: Monitor, value: number, best: number | null): boolean =>
  best === null || (monitor.endsWith('loss') ? value < best : value > best);

/**
 * Trains `model` on the plan's samples. Epochs and batches in events are 1-based. Resolves when
 * training ends: all epochs done, early stopping, a stop request, or a NaN loss.
 */
export async function trainLoop(
  input: TrainLoopInput,
  hooks: TrainLoopHooks,
): Promise<TrainOutcome> {
  const { model, plan, settings, classes, runId } = input;
  const step = input.batchStep;
  const now = hooks.now ?? (() => performance.now());
  const minGapMs = 1000 / (hooks.batchEventsPerSecond ?? 10);
  const trainCount = plan.train.indices.length;
  // An autoencoder's target is its own input batch: no labels, no accuracy.
  const reconstruct = taskOf(settings) === 'reconstruct';
  const sparse = settings.loss === 'sparse_categorical_crossentropy';
  const hasValidation = plan.validation !== null && plan.validation.indices.length > 0;
  const watch =
    settings.earlyStopping ??
    (settings.keepBest ? { monitor: 'val_loss' as const, patience: Infinity } : null);
  const monitor = watch
    ? effectiveMonitor(monitorForTask(watch.monitor, taskOf(settings)), hasValidation)
    : null;
  // Training batches only: validation and test images are scored as they are.
  const augment = batchAugmenter(settings.augmentation, plan.train.split.shape, settings.seed);

  let trainingMs = 0;
  let samplesDone = 0;
  let lastValidationMs = 0;
  let lastEmit = -Infinity;
  let best: number | null = null;
  let bestEpoch: number | null = null;
  let bestWeights: tf.Tensor[] | null = null;
  let wait = 0;
  let stoppedEarly = false;
  let epochsRun = 0;
  // Batches not yet reported: each event carries them all, so the chart gets every batch's own
  // values while the events stay throttled.
  let points: BatchPoint[] = [];
  const started = now();
  const speed = () => (trainingMs > 0 ? (samplesDone / trainingMs) * 1000 : 0);
  const eta = (epoch: number) => {
    const left = settings.epochs * trainCount - samplesDone;
    const perSample = samplesDone > 0 ? trainingMs / samplesDone : 0;
    return Math.max(0, left * perSample + (settings.epochs - epoch + 1) * lastValidationMs);
  };

  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const order = settings.shuffle
        ? epochOrder(plan.train.indices, settings.seed, epoch - 1)
        : plan.train.indices;
      let lossSum = 0;
      let accSum = 0;
      let seen = 0;
      let batch = 0;
      // Batches whose loss and accuracy have come back (all of them, without a batch step).
      let measured = 0;
      /** Adds batches' results to the epoch's means; false at a NaN loss, `measured` naming its batch. */
      const account = (results: readonly BatchMetrics[]): boolean => {
        for (const r of results) {
          measured++;
          if (!Number.isFinite(r.loss)) return false;
          lossSum += r.loss * r.size;
          accSum += r.accuracy * r.size;
          seen += r.size;
          // Each batch's own values for the chart; with a batch step they arrive a few batches late.
          points.push({ epoch, batch: measured, loss: r.loss, accuracy: r.accuracy });
        }
        return true;
      };
      let t0 = now();
      const emitBatch = (e: number, b: number, at: number) => {
        lastEmit = at;
        hooks.emit({
          type: 'batch',
          runId,
          epoch: e,
          batch: b,
          loss: lossSum / Math.max(seen, 1),
          accuracy: accSum / Math.max(seen, 1),
          points,
          samplesPerSecond: speed(),
          elapsedMs: at - started,
          etaMs: eta(e),
        });
        points = [];
      };
      const flush = (e: number, b: number) => {
        if (points.length > 0) emitBatch(e, b, now());
      };
      for (const b of iterateBatches(plan.train.split, order, {
        batchSize: settings.batchSize,
        oneHotClasses: sparse || reconstruct ? 0 : classes,
      })) {
        batch++;
        const xs = tf.tensor(
          augment ? augment(b.pixels, b.size, epoch, batch) : b.pixels,
          [b.size, ...input.inputShape],
          'float32',
        );
        const ys = reconstruct
          ? xs
          : sparse
            ? tf.tensor2d(Float32Array.from(b.labels), [b.size, 1])
            : tf.tensor2d(b.oneHot ?? new Float32Array(0), [b.size, classes]);
        let results: readonly BatchMetrics[];
        try {
          if (step) {
            step.run(xs, ys);
            results = step.outstanding > MAX_AHEAD ? await step.settle(SETTLE_TO) : step.arrived();
          } else {
            const result = await model.trainOnBatch(xs, ys);
            const [loss = NaN, accuracy = NaN] = Array.isArray(result) ? result : [result];
            results = [{ loss, accuracy: reconstruct ? 0 : accuracy, size: b.size }];
          }
        } finally {
          xs.dispose();
          if (ys !== xs) ys.dispose();
        }
        const t1 = now();
        trainingMs += t1 - t0;
        samplesDone += b.size;
        if (!account(results))
          return {
            status: 'nan',
            message: nanMessage(settings, epoch, measured, input.outputLayer),
          };
        if (points.length > 0 && t1 - lastEmit >= minGapMs) emitBatch(epoch, batch, t1);
        // trainOnBatch's awaits resolve as microtasks; yield a macrotask so IPC (a stop) gets in.
        await nextTick();
        if (hooks.shouldStop()) {
          flush(epoch, batch);
          return { status: 'stopped', trainingMs };
        }
        t0 = now();
      }
      if (step && !account(await step.settle(0)))
        return { status: 'nan', message: nanMessage(settings, epoch, measured, input.outputLayer) };
      // The epoch's last batches go out before its epoch event, whatever the throttle says.
      flush(epoch, batch);
      epochsRun = epoch;
      const v0 = now();
      const val =
        hasValidation && plan.validation
          ? await evaluateSplit(model, plan.validation, {
              batchSize: Math.max(settings.batchSize, 128),
              classes,
              inputShape: input.inputShape,
              task: taskOf(settings),
            })
          : null;
      const shown =
        reconstruct && input.preview
          ? await reconstructions(
              model,
              input.preview.split,
              input.preview.indices,
              input.inputShape,
            )
          : null;
      lastValidationMs = now() - v0;
      if (hooks.shouldStop()) return { status: 'stopped', trainingMs };
      const event: EpochEvent = {
        type: 'epoch',
        runId,
        epoch,
        loss: lossSum / Math.max(seen, 1),
        accuracy: accSum / Math.max(seen, 1),
        valLoss: val?.loss ?? null,
        valAccuracy: reconstruct ? null : (val?.accuracy ?? null),
        samplesPerSecond: speed(),
        elapsedMs: now() - started,
        etaMs: eta(epoch + 1),
        ...(shown ? { reconstructions: shown } : {}),
      };
      hooks.emit(event);
      await hooks.afterEpoch?.(event);
      if (monitor && watch) {
        const value = monitorValue(event, monitor);
        if (value !== null && Number.isFinite(value) && improves(monitor, value, best)) {
          best = value;
          bestEpoch = epoch;
          wait = 0;
          if (settings.keepBest) {
            // ModelCheckpoint(save_best_only=True): remember this epoch's weights (moving means included).
            tf.dispose(bestWeights ?? []);
            bestWeights = model.getWeights().map((w) => w.clone());
          }
        } else if (++wait >= watch.patience && settings.earlyStopping) {
          stoppedEarly = true;
          break;
        }
      }
      if (hooks.shouldStop()) return { status: 'stopped', trainingMs };
    }
    if (settings.keepBest && bestWeights) model.setWeights(bestWeights);
    return {
      status: 'done',
      samplesPerSecond: speed(),
      trainingMs,
      bestEpoch,
      stoppedEarly,
      epochsRun,
    };
  } finally {
    tf.dispose(bestWeights ?? []);
  }
}
