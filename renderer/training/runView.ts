import type {
  RunProgressReport,
  RunRecord,
  RunRequest,
  RunStatus,
} from '../../shared/api/backendApi';
import type { SkippedImages } from '../../shared/training/skippedImages';
import type {
  BackendReport,
  ConfusionResult,
  RunEvent,
  RunId,
} from '../../shared/training/runEvents';

export type EpochEvent = Extract<RunEvent, { type: 'epoch' }>;
export type FailedEvent = Extract<RunEvent, { type: 'failed' }>;

/** The latest batch report of a running run: what the progress bar shows. */
export type RunProgress = RunProgressReport;

/**
 * A run as the dashboard and the comparison see it: the backend's record plus what the event
 * stream adds while it trains (progress, the evaluating phase, the failure code).
 */
export interface RunView {
  readonly id: RunId;
  readonly title: string;
  /** Null for a run first heard of through its events, until its record or request arrives. */
  readonly request: RunRequest | null;
  readonly status: RunStatus;
  /** True between the last epoch and the test result. */
  readonly evaluating: boolean;
  readonly startedAtMs: number;
  readonly totalParams: number | null;
  readonly backend: BackendReport | null;
  readonly trainSamples: number | null;
  /** Images of the data set left out because they could not be read, and why (from the started event). */
  readonly skippedImages?: SkippedImages | null;
  /** Epochs the run was asked for (early stopping may end it sooner). */
  readonly epochsPlanned: number | null;
  readonly batchesPerEpoch: number | null;
  readonly progress: RunProgress | null;
  readonly epochs: readonly EpochEvent[];
  readonly result: ConfusionResult | null;
  readonly samplesPerSecond: number | null;
  readonly trainingMs: number | null;
  readonly bestEpoch: number | null;
  readonly stoppedEarly: boolean;
  readonly error: {
    readonly code: FailedEvent['code'] | 'request';
    readonly message: string;
  } | null;
  /** While the run waits for a free place: 1 starts next. */
  readonly queuePosition: number | null;
  /** How many runs this machine trains at once (known once a run has queued). */
  readonly maxRunning: number | null;
}

/** A run the renderer knows nothing about yet, named by what it has. */
export function emptyRun(id: RunId, nowMs: number, request: RunRequest | null = null): RunView {
  return {
    id,
    title: request?.title ?? `Run ${id}`,
    request,
    status: 'queued',
    evaluating: false,
    startedAtMs: nowMs,
    totalParams: null,
    backend: null,
    trainSamples: null,
    epochsPlanned: request?.settings.epochs ?? null,
    batchesPerEpoch: null,
    progress: null,
    epochs: [],
    result: null,
    samplesPerSecond: null,
    trainingMs: null,
    bestEpoch: null,
    stoppedEarly: false,
    error: null,
    queuePosition: null,
    maxRunning: null,
  };
}

/** The view of a run the backend already knows (runs from before this window opened). */
export function runFromRecord(record: RunRecord): RunView {
  return {
    ...emptyRun(record.id, record.startedAtMs, record.request),
    title: record.title,
    status: record.status,
    totalParams: record.totalParams,
    backend: record.backend,
    trainSamples: record.trainSamples,
    batchesPerEpoch: record.batchesPerEpoch,
    progress: record.progress,
    epochs: record.epochs,
    bestEpoch: record.bestEpoch,
    stoppedEarly: record.stoppedEarly,
    result: record.result,
    samplesPerSecond: record.samplesPerSecond,
    trainingMs: record.trainingMs,
    error: record.error === null ? null : { code: 'crash', message: record.error },
    queuePosition: record.queuePosition ?? null,
  };
}
