import type { Graph } from '../graph/types';
import type { DistributionStrategy, ExportFormat } from './exportFormats';
import type { ProjectFile } from '../project/projectFile';
import type { LayerKernels, WeightHistogram } from '../explain/insightData';
import type { LayerArithmetic } from '../insight/layerArithmetic';
import type { CellImages } from '../insight/mistakes';
import type { RobustnessScores } from '../insight/robustness';
import type {
  DatasetInfo,
  DatasetPreview,
  DatasetProblem,
  DatasetRef,
  TestImages,
} from '../training/datasetTypes';
import type { TrainingSettings } from '../training/settings';
import type { EpochConfusion, EpochSnapshots } from '../training/epochSnapshots';
import type {
  BackendChoice,
  BackendReport,
  BatchPoint,
  ComputeBackend,
  ConfusionResult,
  RunEvent,
  RunId,
} from '../training/runEvents';

export type Unsubscribe = () => void;

// The export formats' home is exportFormats.ts; re-exported because every side names them with the API.
export type { DistributionStrategy, ExportFormat };

/** Which shell hosts the renderer; the view adapts menus and dialogs, never its logic. */
export interface AppInfo {
  readonly shell: 'electron' | 'web';
  readonly version: string;
  /** Where the web shell keeps projects and exports; the desktop default folder for dialogs. */
  readonly workspaceDir: string;
}

export interface ProjectEntry {
  readonly path: string;
  readonly name: string;
  readonly modifiedMs: number;
}

export interface OpenedProject {
  readonly path: string;
  readonly project: ProjectFile;
}

/** Compute backends and whether each can load here, for the dashboard's picker. */
export interface BackendAvailability {
  readonly name: ComputeBackend;
  readonly available: boolean;
  /** Why it cannot be used (not installed, no GPU, ...). */
  readonly reason: string | null;
}

export interface BackendListing {
  readonly backends: readonly BackendAvailability[];
  /** What `auto` would pick, and why the faster ones were skipped. */
  readonly auto: BackendReport;
}

export interface DatasetListing {
  readonly available: readonly DatasetInfo[];
  readonly missing: readonly DatasetProblem[];
}

/** Everything a training run needs; the graph is compiled to a Keras topology in the backend. */
export interface RunRequest {
  /** Shown in the runs list ("MLP", "CNN"). */
  readonly title: string;
  readonly graph: Graph;
  readonly dataset: DatasetRef;
  readonly settings: TrainingSettings;
  readonly backend: BackendChoice;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'stopped' | 'failed';

/** A run in one of these states holds a trained model to predict with, look into and export. */
export const hasTrainedModel = (status: RunStatus): boolean =>
  status === 'done' || status === 'stopped';

/** Where a run got to: its latest epoch and batch (1-based), speed and time. */
export interface RunProgressReport {
  readonly epoch: number;
  readonly batch: number;
  readonly samplesPerSecond: number;
  readonly elapsedMs: number;
  readonly etaMs: number;
}

/** A run as the runs list and the comparison view show it. */
export interface RunRecord {
  readonly id: RunId;
  readonly title: string;
  readonly request: RunRequest;
  readonly status: RunStatus;
  readonly startedAtMs: number;
  readonly totalParams: number;
  readonly backend: BackendReport | null;
  /** Per-epoch history (loss, accuracy, val_*); the dashboard draws it. */
  readonly epochs: readonly Extract<RunEvent, { type: 'epoch' }>[];
  /** Every batch's own loss and accuracy so far, in order: the per-batch curves. */
  readonly batches: readonly BatchPoint[];
  /** The latest progress report, so a run opened later shows where it got to. */
  readonly progress: RunProgressReport | null;
  /** Training samples and batches per epoch, once the run has started. */
  readonly trainSamples: number | null;
  readonly batchesPerEpoch: number | null;
  /** 1-based epoch whose weights the model holds (keep best), when tracked. */
  readonly bestEpoch: number | null;
  readonly stoppedEarly: boolean;
  readonly result: ConfusionResult | null;
  readonly samplesPerSecond: number | null;
  readonly trainingMs: number | null;
  readonly error: string | null;
  /** While queued: 1 starts next (absent or null once the run trains). */
  readonly queuePosition?: number | null;
  /** The epochs whose weights are kept for the training replay, and the best epoch (lowest loss). */
  readonly snapshots?: EpochSnapshots | null;
}

/**
 * A run as it is the moment it is asked for: queued, nothing trained, measured or failed yet. The
 * one place the empty record is written, so a new RunRecord field has one default.
 */
export function newRunRecord(
  id: RunId,
  request: RunRequest,
  startedAtMs: number,
  totalParams: number,
): RunRecord {
  return {
    id,
    title: request.title,
    request,
    status: 'queued',
    startedAtMs,
    totalParams,
    backend: null,
    epochs: [],
    batches: [],
    progress: null,
    trainSamples: null,
    batchesPerEpoch: null,
    bestEpoch: null,
    stoppedEarly: false,
    result: null,
    samplesPerSecond: null,
    trainingMs: null,
    error: null,
    queuePosition: null,
    snapshots: null,
  };
}

export interface ExportRequest {
  /** A finished run (weights included) or a bare graph (architecture only). */
  readonly source:
    | { readonly runId: RunId; readonly epoch?: number }
    | { readonly graph: Graph; readonly settings: TrainingSettings; readonly name: string };
  readonly format: ExportFormat;
  /** How an exported Python script trains (one device when absent); other formats ignore it. */
  readonly strategy?: DistributionStrategy;
  /**
   * Folder (tfjs) or file path; null lets the shell choose a folder named after the project and
   * the time (a dialog on the desktop, the workspace's exports/ on the web).
   */
  readonly path: string | null;
}

export interface ExportResult {
  /** Every file written, absolute paths. */
  readonly files: readonly string[];
  /** The folder the files were written to, when the shell chose it (named after the project and the time). */
  readonly folder?: string;
  /** The web shell's one-file download of the same files: a .zip, base64-encoded. */
  readonly archive?: { readonly name: string; readonly base64: string };
}

/** Class probabilities and per-layer activations for one input (insight views). */
export interface Prediction {
  readonly probabilities: readonly number[];
  /**
   * Layer name → activations (flattened), shape without the batch dimension and Keras class, in
   * the network's order: every layer whose output is feature maps (H×W×C) or a vector.
   */
  readonly activations: Readonly<
    Record<
      string,
      {
        readonly shape: readonly number[];
        readonly values: readonly number[];
        readonly kerasClass?: string;
      }
    >
  >;
  /** The layers not drawn (Dropout, Flatten...: their output repeats their input), and why. */
  readonly leftOut?: readonly LeftOutLayer[];
}

/** A layer the insight views leave out, and why in a learner's words ("passes its input on unchanged when predicting"). */
export interface LeftOutLayer {
  readonly name: string;
  readonly kerasClass: string;
  readonly reason: string;
}

/** What a trained run's weights look like, for the insight views. */
export interface ModelInsight {
  /** Each Conv2D layer's kernels as small images. */
  readonly kernels: readonly LayerKernels[];
  /** Every weight tensor's histogram when the run started (fresh or loaded weights) and now. */
  readonly histograms: {
    readonly before: readonly WeightHistogram[];
    readonly after: readonly WeightHistogram[];
  };
}

/**
 * The one interface between the renderer and the backend. Implemented by the Electron preload
 * bridge, by the web shell's HTTP/WebSocket client, and by an in-memory fake in tests.
 * Every argument crosses a process boundary and is validated on the backend side.
 */
export interface NetCanvasApi {
  appInfo(): Promise<AppInfo>;

  listProjects(): Promise<ProjectEntry[]>;
  /** `null` path: ask the user (native dialog on desktop). Returns null when cancelled. */
  openProject(path: string | null): Promise<OpenedProject | null>;
  /** `null` path: ask the user (Save As). Atomic: writes a temporary file, then renames. */
  saveProject(project: ProjectFile, path: string | null): Promise<OpenedProject | null>;
  /** Saves a recovery copy; cheap enough to call every few seconds. */
  autosave(project: ProjectFile): Promise<void>;
  /** The recovery copy left by a session that did not close cleanly, if any. */
  recoverAutosave(): Promise<ProjectFile | null>;
  discardAutosave(): Promise<void>;

  listDatasets(): Promise<DatasetListing>;
  describeDataset(ref: DatasetRef): Promise<DatasetInfo>;
  datasetPreview(ref: DatasetRef, perClass: number): Promise<DatasetPreview>;
  /** Test images `start` .. `start + count - 1` of the data set's test split, with their labels. */
  testImages(ref: DatasetRef, start: number, count: number): Promise<TestImages>;

  listBackends(): Promise<BackendListing>;

  startRun(request: RunRequest): Promise<RunId>;
  stopRun(id: RunId): Promise<void>;
  listRuns(): Promise<RunRecord[]>;
  onRunEvent(listener: (event: RunEvent) => void): Unsubscribe;

  exportModel(request: ExportRequest): Promise<ExportResult>;
  /** With `epoch`: the answer of the weights as they were after that epoch (the training replay). */
  predict(runId: RunId, pixels: readonly number[], epoch?: number): Promise<Prediction>;
  /** With `epoch`: the kernels and weights as they were after that epoch. */
  modelInsight(runId: RunId, epoch?: number): Promise<ModelInsight>;
  /** One Conv2D, pooling or Dense layer's input, output and weights for one input, to redo its arithmetic. */
  layerArithmetic(runId: RunId, layer: string, pixels: readonly number[]): Promise<LayerArithmetic>;
  /** Confusion-matrix cell (true, predicted): its test images, surest first, with saliency maps. */
  cellImages(
    runId: RunId,
    trueClass: number,
    predictedClass: number,
    limit: number,
  ): Promise<CellImages>;
  /** Accuracy on the first `samples` test images, untouched, shifted, rotated, noisy and inverted. */
  robustness(runId: RunId, samples: number): Promise<RobustnessScores>;
  /** Which epochs of a run can be replayed (their weights are kept), its best epoch, and why any are missing. */
  epochSnapshots(runId: RunId): Promise<EpochSnapshots>;
  /** The confusion matrix after epoch `epoch`, on the first `samples` test images. */
  epochConfusion(runId: RunId, epoch: number, samples: number): Promise<EpochConfusion>;
  /**
   * Makes epoch `epoch`'s weights the run's model; the final weights are kept as a snapshot. A
   * finished run's test result is scored again with them and sent as its `done` event again.
   */
  useEpoch(runId: RunId, epoch: number): Promise<EpochSnapshots>;
  /** Makes the run's final weights its model again (after `useEpoch`), its test result scored again the same way. */
  restoreFinalWeights(runId: RunId): Promise<EpochSnapshots>;
}

/** Names of the API methods, for the preload bridge and the HTTP router to enumerate. */
export const API_METHODS = [
  'appInfo',
  'listProjects',
  'openProject',
  'saveProject',
  'autosave',
  'recoverAutosave',
  'discardAutosave',
  'listDatasets',
  'describeDataset',
  'datasetPreview',
  'testImages',
  'listBackends',
  'startRun',
  'stopRun',
  'listRuns',
  'exportModel',
  'predict',
  'modelInsight',
  'layerArithmetic',
  'cellImages',
  'robustness',
  'epochSnapshots',
  'epochConfusion',
  'useEpoch',
  'restoreFinalWeights',
] as const satisfies readonly Exclude<keyof NetCanvasApi, 'onRunEvent'>[];

export type ApiMethod = (typeof API_METHODS)[number];
