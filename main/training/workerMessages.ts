// The typed protocol between a run's host (runService) and its training process (trainWorker).
// Every message crosses a process boundary via `child_process` IPC with `serialization: 'advanced'`
// (structured clone), so typed arrays and nested objects arrive intact.
import type {
  DistributionStrategy,
  ExportFormat,
  ExportResult,
  ModelInsight,
  Prediction,
  RunRequest,
} from '../../shared/api/backendApi';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import type { CellImages } from '../../shared/insight/mistakes';
import type { RobustnessScores } from '../../shared/insight/robustness';
import type { EpochConfusion, EpochSnapshots } from '../../shared/training/epochSnapshots';
import type {
  BackendChoice,
  ConfusionResult,
  RunEvent,
  RunId,
} from '../../shared/training/runEvents';

/** How the host wants a run trained, beyond what the learner chose in the request. */
export interface WorkerOptions {
  /** A folder holding a tfjs `model.json` + weights to start from instead of fresh weights. */
  readonly weightsFrom?: string | null;
  /** Refuse to train when the estimate exceeds this many MB (default: free memory). */
  readonly memoryLimitMB?: number | null;
  /**
   * Where `auto` keeps its backend timings per network shape and machine (default: the user's
   * cache folder, `defaultBackendTimingsFile`); null measures before every run.
   */
  readonly backendTimingsFile?: string | null;
  /** XNNPACK threads for the wasm backend; the host shares the cores among parallel runs. */
  readonly wasmThreads?: number | null;
  /** At most this many `batch` events per second (default 10: enough for a live chart). */
  readonly batchEventsPerSecond?: number;
  /** How many misclassified test images to send back (default 24). */
  readonly misclassifiedSamples?: number;
  /**
   * MB of the host's training budget the other running runs are expected to take: the memory check
   * counts them as taken, since free memory at this worker's start does not show what they will
   * still allocate. With `memoryBudgetMB`, the limit is the smaller of free memory and the budget
   * less this.
   */
  readonly reservedMB?: number;
  /** All the memory the host lets its runs train in together, MB (default: free memory only). */
  readonly memoryBudgetMB?: number | null;
  /**
   * A folder to keep the trained model in (tfjs files plus what predict and Insight need), so the
   * host can end this process when it idles and start another that loads the model on demand.
   */
  readonly keepModelIn?: string | null;
}

/** Host → worker: train this (sent once, first). */
export interface StartMessage {
  readonly type: 'start';
  readonly runId: RunId;
  readonly request: RunRequest;
  readonly options: WorkerOptions;
}

/** Host → worker: load a run's trained model kept by an earlier worker (sent once, first). */
export interface LoadMessage {
  readonly type: 'load';
  readonly runId: RunId;
  readonly request: RunRequest;
  /** The folder the training worker kept the model in (`WorkerOptions.keepModelIn`). */
  readonly modelDir: string;
  /** The compute backend the run trained on (the same numbers come back on it). */
  readonly backend: BackendChoice;
}

/** Host → worker: stop training after the current batch. */
export interface StopMessage {
  readonly type: 'stop';
}

/** Host → worker: class probabilities and per-layer activations for one input. */
export interface PredictMessage {
  readonly type: 'predict';
  readonly requestId: number;
  /** One sample's pixels, 0–255, height × width × channels. */
  readonly pixels: readonly number[];
  /** Answer with the weights as they were after this epoch (the training replay); absent: the run's model. */
  readonly epoch?: number;
}

/** Host → worker: the trained model's kernels and weight histograms (before and after training). */
export interface InsightMessage {
  readonly type: 'insight';
  readonly requestId: number;
  /** The weights after this epoch (the training replay); absent: the run's model. */
  readonly epoch?: number;
}

/** Host → worker: one layer's input, output and weights for one input (the step-by-step view). */
export interface LayerArithmeticMessage {
  readonly type: 'layerArithmetic';
  readonly requestId: number;
  readonly layer: string;
  readonly pixels: readonly number[];
}

/** Host → worker: a confusion-matrix cell's test images with saliency maps (Insight's Mistakes). */
export interface CellImagesMessage {
  readonly type: 'cellImages';
  readonly requestId: number;
  readonly trueClass: number;
  readonly predictedClass: number;
  readonly limit: number;
}

/** Host → worker: accuracy on transformed copies of the test images (the fair experiment). */
export interface RobustnessMessage {
  readonly type: 'robustness';
  readonly requestId: number;
  readonly samples: number;
}

/** Host → worker: write the trained model in `format` to `target`. */
export interface ExportMessage {
  readonly type: 'export';
  readonly requestId: number;
  readonly format: ExportFormat;
  readonly target: string;
  /** How an exported Python script trains (one device when absent). */
  readonly strategy?: DistributionStrategy;
  /** Export the weights as they were after this epoch; absent: the run's model. */
  readonly epoch?: number;
}

/** Host → worker: the confusion matrix of one replayed epoch on the first test images. */
export interface EpochConfusionMessage {
  readonly type: 'epochConfusion';
  readonly requestId: number;
  readonly epoch: number;
  readonly samples: number;
}

/**
 * Host → worker: make epoch `epoch`'s weights the run's model (the final ones are kept aside), or
 * with `epoch` null the kept final weights again; with `score`, score the test split with them.
 */
export interface UseEpochMessage {
  readonly type: 'useEpoch';
  readonly requestId: number;
  readonly epoch: number | null;
  /** The run has a test result: score the new model on the test split, so the result stays its own. */
  readonly score: boolean;
  /** How many misclassified images the new result samples (as `WorkerOptions.misclassifiedSamples`). */
  readonly misclassifiedSamples?: number;
}

/** The run's model changed: which epochs are kept and its model's epoch, and its new test result when scored. */
export interface ModelChange {
  readonly snapshots: EpochSnapshots;
  readonly result: ConfusionResult | null;
}

/** Host → worker: free everything and end the process. */
export interface ExitMessage {
  readonly type: 'exit';
}

export type HostToWorker =
  | StartMessage
  | LoadMessage
  | StopMessage
  | PredictMessage
  | InsightMessage
  | ExportMessage
  | LayerArithmeticMessage
  | CellImagesMessage
  | RobustnessMessage
  | EpochConfusionMessage
  | UseEpochMessage
  | ExitMessage;

/** The requests that get a reply, by kind. */
export type RequestMessage =
  | PredictMessage
  | InsightMessage
  | ExportMessage
  | LayerArithmeticMessage
  | CellImagesMessage
  | RobustnessMessage
  | EpochConfusionMessage
  | UseEpochMessage;
export type RequestKind = RequestMessage['type'];

/** Worker → host: a progress event for the dashboard. */
export interface EventMessage {
  readonly type: 'event';
  readonly event: RunEvent;
}

/** What a request is answered with, by its kind. */
export type ReplyValue =
  | { readonly kind: 'predict'; readonly value: Prediction }
  | { readonly kind: 'insight'; readonly value: ModelInsight }
  | { readonly kind: 'export'; readonly value: ExportResult }
  | { readonly kind: 'layerArithmetic'; readonly value: LayerArithmetic }
  | { readonly kind: 'cellImages'; readonly value: CellImages }
  | { readonly kind: 'robustness'; readonly value: RobustnessScores }
  | { readonly kind: 'epochConfusion'; readonly value: EpochConfusion }
  | { readonly kind: 'useEpoch'; readonly value: ModelChange };

/** What a request of kind `K` is answered with. */
export type ReplyValueOf<K extends RequestKind> = Extract<
  ReplyValue,
  { readonly kind: K }
>['value'];

/**
 * Why a request failed, so the host can give it the right API code: a file that cannot be written
 * (disk full, permission), a model that cannot be exported as it is, no model to answer with, or
 * anything else.
 */
export type ReplyFailureCode = 'writeFailed' | 'invalidModel' | 'noModel' | 'internal';

/** Worker → host: the answer to a predict, insight or export request. */
export type ReplyMessage =
  | ({ readonly type: 'reply'; readonly requestId: number; readonly ok: true } & ReplyValue)
  | {
      readonly type: 'reply';
      readonly requestId: number;
      readonly ok: false;
      readonly code: ReplyFailureCode;
      readonly error: string;
    };

/**
 * Worker → host: the trained model is kept on disk (`WorkerOptions.keepModelIn`), so this process
 * may be ended when idle. Sent before the run's `done` or `stopped` event.
 */
export interface KeptMessage {
  readonly type: 'kept';
}

/** Worker → host: which epochs' weights are kept for the replay (after each epoch, and on load). */
export interface SnapshotsMessage {
  readonly type: 'snapshots';
  readonly snapshots: EpochSnapshots;
}

export type WorkerToHost = EventMessage | ReplyMessage | KeptMessage | SnapshotsMessage;

const HOST_TYPES: ReadonlySet<string> = new Set([
  'start',
  'load',
  'stop',
  'predict',
  'insight',
  'export',
  'exit',
  'layerArithmetic',
  'cellImages',
  'robustness',
  'epochConfusion',
  'useEpoch',
]);
const WORKER_TYPES: ReadonlySet<string> = new Set(['event', 'reply', 'kept', 'snapshots']);

const hasType = (m: unknown, types: ReadonlySet<string>): boolean =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as { type?: unknown }).type === 'string' &&
  types.has((m as { type: string }).type);

/** Narrows an IPC message received by the worker. */
export const isHostToWorker = (m: unknown): m is HostToWorker => hasType(m, HOST_TYPES);

/** Narrows an IPC message received by the host. */
export const isWorkerToHost = (m: unknown): m is WorkerToHost => hasType(m, WORKER_TYPES);
