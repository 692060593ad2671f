import type { TrainingSettings } from './settings';
import type { SkippedImages } from './skippedImages';
import type { Reconstruction } from './task';

export type RunId = string;

/** Compute backends, fastest first, as design.md orders them. */
export const COMPUTE_BACKENDS = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type ComputeBackend = (typeof COMPUTE_BACKENDS)[number];
export type BackendChoice = ComputeBackend | 'auto';

/** Which backend a run uses and why the faster ones were not used. */
export interface BackendReport {
  readonly name: ComputeBackend;
  readonly skipped: readonly { readonly name: ComputeBackend; readonly reason: string }[];
  /** With `auto`: the training steps timed on each backend that loaded, the fastest chosen. */
  readonly measured?: BackendMeasurement;
}

/** One backend's speed on the run's own network, as `auto` timed it before training. */
export interface BackendTiming {
  readonly name: ComputeBackend;
  readonly samplesPerSecond: number;
  /** Timed steps (0: only the first step, compilation included, fitted in the time allowed). */
  readonly steps: number;
}

/** How `auto` chose: timings of the backends it measured and why others were not measured. */
export interface BackendMeasurement {
  /** Fastest first. */
  readonly timings: readonly BackendTiming[];
  readonly notMeasured: readonly { readonly name: ComputeBackend; readonly reason: string }[];
  /** True when the timings come from an earlier run of the same network shape on this machine. */
  readonly cached: boolean;
  /** Milliseconds spent measuring in this run (0 when cached). */
  readonly ms: number;
}

export interface ConfusionResult {
  readonly testLoss: number;
  readonly testAccuracy: number;
  /** confusion[true][predicted] counts. */
  readonly confusion: readonly (readonly number[])[];
  readonly perClassAccuracy: readonly number[];
  /** A sample of wrongly classified test images with what the network thought. */
  readonly misclassified: readonly {
    readonly index: number;
    readonly trueLabel: number;
    readonly predicted: number;
    readonly probabilities: readonly number[];
    readonly pixels: readonly number[];
  }[];
  /** A reconstruct run's test images beside their reconstruction (its accuracy fields are then 0 and empty). */
  readonly reconstructions?: readonly Reconstruction[];
}

/** One training batch's own loss and accuracy (not averaged with the batches before it). Both 1-based. */
export interface BatchPoint {
  readonly epoch: number;
  readonly batch: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** Progress a training process streams back; throttled to what a chart needs. */
export type RunEvent =
  | {
      /**
       * The run waits for a free place: the machine already trains as many runs as it holds.
       * `position` 1 starts next; the event is sent again whenever the position changes.
       */
      readonly type: 'queued';
      readonly runId: RunId;
      readonly position: number;
      /** How many runs may train at once on this machine. */
      readonly maxRunning: number;
    }
  | {
      readonly type: 'started';
      readonly runId: RunId;
      readonly backend: BackendReport;
      readonly settings: TrainingSettings;
      readonly trainSamples: number;
      readonly validationSamples: number;
      readonly batchesPerEpoch: number;
      readonly estimatedMemoryMB: number;
      /** Images of the data set that could not be read and were left out, and why (image folders). */
      readonly skippedImages?: SkippedImages;
    }
  | {
      readonly type: 'batch';
      readonly runId: RunId;
      /** The latest batch (1-based), as the progress line reports it. */
      readonly epoch: number;
      readonly batch: number;
      /** Mean over the epoch so far, as Keras's progress bar prints it (the CLI's bar). */
      readonly loss: number;
      readonly accuracy: number;
      /**
       * Every batch since the previous batch event, each with its own values: what a per-batch
       * chart draws. Events are throttled; no batch is left out of these lists.
       */
      readonly points: readonly BatchPoint[];
      readonly samplesPerSecond: number;
      readonly elapsedMs: number;
      readonly etaMs: number;
    }
  | {
      readonly type: 'epoch';
      readonly runId: RunId;
      readonly epoch: number;
      readonly loss: number;
      readonly accuracy: number;
      readonly valLoss: number | null;
      readonly valAccuracy: number | null;
      readonly samplesPerSecond: number;
      readonly elapsedMs: number;
      readonly etaMs: number;
      /** A reconstruct run's few test images beside what the network made of them after this epoch. */
      readonly reconstructions?: readonly Reconstruction[];
    }
  | { readonly type: 'evaluating'; readonly runId: RunId }
  | {
      readonly type: 'done';
      readonly runId: RunId;
      readonly result: ConfusionResult;
      readonly samplesPerSecond: number;
      readonly trainingMs: number;
      readonly bestEpoch: number | null;
      readonly stoppedEarly: boolean;
    }
  | { readonly type: 'stopped'; readonly runId: RunId }
  | {
      readonly type: 'failed';
      readonly runId: RunId;
      readonly code: 'crash' | 'nan' | 'outOfMemory' | 'dataset' | 'invalidModel' | 'backend';
      readonly message: string;
    };
