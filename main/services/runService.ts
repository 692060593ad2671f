// Training runs, each in its own process. At most as many train at once as the machine holds (by
// cores and by memory); the others wait in a queue whose positions are published as run events. A
// finished run's process keeps its model on disk and is ended when idle; predict, Insight and
// export start a new one that loads the model on demand.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  DistributionStrategy,
  ExportFormat,
  ExportResult,
  ModelInsight,
  Prediction,
  RunRecord,
  RunRequest,
  RunStatus,
  Unsubscribe,
} from '../../shared/api/backendApi';
import { hasTrainedModel, newRunRecord } from '../../shared/api/backendApi';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import type { CellImages } from '../../shared/insight/mistakes';
import type { RobustnessScores } from '../../shared/insight/robustness';
import type { RunEvent, RunId } from '../../shared/training/runEvents';
import { lowestLossEpoch } from '../../shared/training/bestEpoch';
import type { EpochConfusion, EpochSnapshots } from '../../shared/training/epochSnapshots';
import { NO_SNAPSHOTS_NOTE } from '../../shared/training/epochSnapshots';
import type {
  ReplyMessage,
  ReplyValue,
  RequestKind,
  WorkerOptions,
} from '../training/workerMessages';
import { isWorkerToHost } from '../training/workerMessages';
import { ApiError } from './apiError';
import { forkWorker } from './forkWorker';
import type { SpawnWorker, WorkerHandle } from './forkWorker';
import {
  defaultMaxRunning,
  defaultMemoryBudgetMB,
  requestMemoryMB,
  shareOfCores,
} from './runCapacity';
import type { RunService } from './serviceTypes';
import { exitFailure } from './workerExit';

export interface RunServiceOptions {
  /** Starts a run's process; default {@link forkWorker}(). */
  readonly spawn?: SpawnWorker;
  /** Passed to every worker (memory limit, event rate, ...). */
  readonly workerOptions?: WorkerOptions;
  /** Runs that train at once (default {@link defaultMaxRunning}). */
  readonly maxRunning?: number;
  /** Memory all runs train in together, MB (default {@link defaultMemoryBudgetMB}). */
  readonly memoryBudgetMB?: number;
  /** How long a finished run's process waits for a request before it ends (default 60 s). */
  readonly idleMs?: number;
  /** Where finished runs keep their models (default: a new temporary folder, removed by dispose). */
  readonly modelStore?: string;
}

/** A request to a run's process, by kind, without its request id. */
type Request =
  | { readonly type: 'predict'; readonly pixels: readonly number[]; readonly epoch?: number }
  | { readonly type: 'insight'; readonly epoch?: number }
  | {
      readonly type: 'export';
      readonly format: ExportFormat;
      readonly target: string;
      readonly strategy?: DistributionStrategy;
      readonly epoch?: number;
    }
  | { readonly type: 'epochConfusion'; readonly epoch: number; readonly samples: number }
  | {
      readonly type: 'useEpoch';
      readonly epoch: number | null;
      readonly score: boolean;
      readonly misclassifiedSamples?: number;
    }
  | { readonly type: 'layerArithmetic'; readonly layer: string; readonly pixels: readonly number[] }
  | {
      readonly type: 'cellImages';
      readonly trueClass: number;
      readonly predictedClass: number;
      readonly limit: number;
    }
  | { readonly type: 'robustness'; readonly samples: number };

interface Pending {
  readonly resolve: (m: ReplyMessage) => void;
  readonly reject: (e: Error) => void;
}

interface LiveRun {
  record: RunRecord;
  worker: WorkerHandle | null;
  pending: Map<number, Pending>;
  /** Expected memory, MB: the host's estimate, then the process's own (data set included). */
  estimateMB: number;
  /** True from its process's start until training ends: the run holds one of the places. */
  training: boolean;
  /** The trained model is on disk in `modelDir`, so the process may end when idle. */
  kept: boolean;
  readonly modelDir: string;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

const FINISHED: ReadonlySet<RunStatus> = new Set(['done', 'stopped', 'failed']);

const VERB: Record<RequestKind, string> = {
  predict: 'predict with',
  insight: 'look inside',
  export: 'export',
  layerArithmetic: 'step through',
  cellImages: 'show the mistakes of',
  robustness: 'score the robustness of',
  epochConfusion: 'replay',
  useEpoch: 'change the model of',
};

/** An epoch argument only when there is one, so the worker's messages stay as they were without. */
const atEpoch = (epoch: number | undefined): { epoch?: number } =>
  epoch === undefined ? {} : { epoch };

/** A failed reply as the API reports it: the code follows what went wrong in the process. */
function replyError(m: Extract<ReplyMessage, { ok: false }>): Error {
  switch (m.code) {
    case 'writeFailed':
      return new ApiError('writeFailed', m.error);
    case 'invalidModel':
      return new ApiError('invalidModel', m.error);
    case 'noModel':
      return new ApiError('conflict', m.error);
    case 'internal':
      return new Error(m.error);
  }
}

/**
 * Runs each training in its own process, at most `maxRunning` at once and within the memory
 * budget; a process that crashes marks only its run failed.
 */
export function createRunService(options: RunServiceOptions = {}): RunService {
  const spawn = options.spawn ?? forkWorker();
  const maxRunning = Math.max(1, options.maxRunning ?? defaultMaxRunning());
  const budgetMB = options.memoryBudgetMB ?? defaultMemoryBudgetMB();
  const idleMs = options.idleMs ?? 60_000;
  let store = options.modelStore ?? null;
  const ownStore = options.modelStore === undefined;
  const runs = new Map<RunId, LiveRun>();
  const queue: LiveRun[] = [];
  const listeners = new Set<(event: RunEvent) => void>();
  let nextRequest = 1;

  const publish = (event: RunEvent): void => {
    for (const l of listeners) l(event);
  };

  const update = (run: LiveRun, patch: Partial<RunRecord>): void => {
    run.record = { ...run.record, ...patch };
  };

  const training = (): LiveRun[] => [...runs.values()].filter((r) => r.training);
  const reservedMB = (except?: LiveRun): number =>
    training().reduce((sum, r) => (r === except ? sum : sum + r.estimateMB), 0);

  const clearIdle = (run: LiveRun): void => {
    if (run.idleTimer) clearTimeout(run.idleTimer);
    run.idleTimer = null;
  };

  const endWorker = (run: LiveRun, why: string): void => {
    clearIdle(run);
    const w = run.worker;
    run.worker = null;
    for (const p of run.pending.values()) p.reject(new Error(why));
    run.pending.clear();
    if (w) {
      w.send({ type: 'exit' });
      w.kill();
    }
  };

  /** A finished run whose model is on disk gives its process back once nothing is asked of it. */
  const scheduleIdle = (run: LiveRun): void => {
    clearIdle(run);
    if (
      !run.worker ||
      !run.kept ||
      run.training ||
      run.pending.size > 0 ||
      !hasTrainedModel(run.record.status)
    )
      return;
    run.idleTimer = setTimeout(() => endWorker(run, 'The run was idle.'), idleMs);
    run.idleTimer.unref?.();
  };

  const publishQueue = (): void => {
    queue.forEach((run, i) => {
      const position = i + 1;
      if (run.record.queuePosition === position) return;
      update(run, { queuePosition: position });
      publish({ type: 'queued', runId: run.record.id, position, maxRunning });
    });
  };

  /** Starts queued runs while there is a place and their memory fits beside the others'. */
  const pump = (): void => {
    for (;;) {
      const next = queue[0];
      if (!next) break;
      const busy = training();
      if (busy.length >= maxRunning) break;
      // Alone, a run always starts: its own memory check then says whether it fits at all.
      if (busy.length > 0 && reservedMB() + next.estimateMB > budgetMB) break;
      queue.shift();
      launch(next);
    }
    publishQueue();
  };

  const finishTraining = (run: LiveRun): void => {
    if (!run.training) return;
    run.training = false;
    pump();
  };

  const onEvent = (run: LiveRun, event: RunEvent): void => {
    switch (event.type) {
      case 'started':
        run.estimateMB = event.estimatedMemoryMB;
        update(run, {
          status: 'running',
          backend: event.backend,
          trainSamples: event.trainSamples,
          batchesPerEpoch: event.batchesPerEpoch,
          queuePosition: null,
        });
        break;
      case 'batch': {
        const { epoch, batch, samplesPerSecond, elapsedMs, etaMs } = event;
        update(run, {
          batches: [...run.record.batches, ...event.points],
          progress: { epoch, batch, samplesPerSecond, elapsedMs, etaMs },
        });
        break;
      }
      case 'epoch': {
        const { epoch, samplesPerSecond, elapsedMs, etaMs } = event;
        const batch = run.record.batchesPerEpoch ?? run.record.progress?.batch ?? 0;
        update(run, {
          epochs: [...run.record.epochs, event],
          progress: { epoch, batch, samplesPerSecond, elapsedMs, etaMs },
        });
        break;
      }
      case 'done':
        update(run, {
          status: 'done',
          result: event.result,
          samplesPerSecond: event.samplesPerSecond,
          trainingMs: event.trainingMs,
          bestEpoch: event.bestEpoch,
          stoppedEarly: event.stoppedEarly,
        });
        break;
      case 'stopped':
        update(run, { status: 'stopped' });
        break;
      case 'failed':
        update(run, { status: 'failed', error: event.message });
        endWorker(run, event.message);
        break;
      default:
        break;
    }
    publish(event);
    if (FINISHED.has(run.record.status)) {
      finishTraining(run);
      scheduleIdle(run);
    }
  };

  /** Connects a new process to `run`: its events, replies and end. */
  const attach = (run: LiveRun, worker: WorkerHandle): void => {
    run.worker = worker;
    worker.onMessage((m) => {
      if (!isWorkerToHost(m) || run.worker !== worker) return;
      if (m.type === 'event') onEvent(run, m.event);
      else if (m.type === 'kept') run.kept = true;
      else if (m.type === 'snapshots') update(run, { snapshots: m.snapshots });
      else {
        const p = run.pending.get(m.requestId);
        run.pending.delete(m.requestId);
        p?.resolve(m);
        scheduleIdle(run);
      }
    });
    worker.onExit((exit) => {
      if (run.worker !== worker) return; // ended on purpose
      run.worker = null;
      clearIdle(run);
      const failure = exitFailure(exit);
      for (const p of run.pending.values()) p.reject(new Error(failure.message));
      run.pending.clear();
      // After done or stopped only the process is lost: the result stays, the model is on disk.
      if (!FINISHED.has(run.record.status)) {
        update(run, { status: 'failed', error: failure.message });
        publish({ type: 'failed', runId: run.record.id, ...failure });
      }
      finishTraining(run);
    });
  };

  const modelDirFor = (id: RunId): string => {
    store ??= mkdtempSync(join(tmpdir(), 'netcanvas-runs-'));
    return join(store, id);
  };

  const launch = (run: LiveRun): void => {
    run.training = true;
    update(run, { queuePosition: null });
    const worker = spawn(run.record.id);
    attach(run, worker);
    worker.send({
      type: 'start',
      runId: run.record.id,
      request: run.record.request,
      options: {
        ...options.workerOptions,
        reservedMB: reservedMB(run),
        memoryBudgetMB: budgetMB,
        keepModelIn: run.modelDir,
        // The cores shared among the runs training now (this one included): two runs at once on
        // eight cores get four wasm threads each instead of eight each fighting over them.
        wasmThreads:
          options.workerOptions?.wasmThreads ??
          shareOfCores(availableParallelism(), training().length),
      },
    });
  };

  const find = (id: RunId): LiveRun => {
    const run = runs.get(id);
    if (!run)
      throw new ApiError(
        'notFound',
        `There is no run with the id '${id}' (runs are forgotten when NetCanvas restarts).`,
      );
    return run;
  };

  /** Sends `request` to the run's process (starting one that loads the kept model if needed). */
  async function ask(id: RunId, request: Request): Promise<ReplyValue> {
    const run = find(id);
    const { title, status, error } = run.record;
    if (status === 'failed')
      throw new ApiError(
        'conflict',
        `Run '${title}' failed, so there is no trained model to ${VERB[request.type]}${error ? `: ${error}` : '.'}`,
      );
    if (!hasTrainedModel(status))
      throw new ApiError(
        'conflict',
        `Run '${title}' is still ${status}; wait until it has finished to ${VERB[request.type]} it.`,
      );
    let worker = run.worker;
    if (!worker) {
      if (!run.kept)
        throw new ApiError('conflict', `Run '${title}' no longer holds its model; train it again.`);
      // The idle process was ended: a new one loads the model the first one kept.
      worker = spawn(id);
      attach(run, worker);
      const backend = run.record.backend?.name ?? run.record.request.backend;
      worker.send({
        type: 'load',
        runId: id,
        request: run.record.request,
        modelDir: run.modelDir,
        backend,
      });
    }
    clearIdle(run);
    const requestId = nextRequest++;
    const reply = await new Promise<ReplyMessage>((resolve, reject) => {
      run.pending.set(requestId, { resolve, reject });
      worker.send({ ...request, requestId });
    });
    if (!reply.ok) throw replyError(reply);
    return reply;
  }

  const mismatch = (asked: RequestKind, got: ReplyValue): Error =>
    new Error(`The training process answered a ${asked} request with ${got.kind}.`);

  /**
   * Makes epoch `epoch`'s weights (null: the final ones again) the run's model. A run with a test
   * result has it scored again with the new model, recorded and published as its `done` event
   * again, so every view of the run (dashboard, run list, Compare) shows its model's numbers.
   */
  async function changeModel(id: RunId, epoch: number | null): Promise<EpochSnapshots> {
    const run = find(id);
    const score = run.record.status === 'done' && run.record.result !== null;
    const misclassified = options.workerOptions?.misclassifiedSamples;
    const reply = await ask(id, {
      type: 'useEpoch',
      epoch,
      score,
      ...(misclassified === undefined ? {} : { misclassifiedSamples: misclassified }),
    });
    if (reply.kind !== 'useEpoch') throw mismatch('useEpoch', reply);
    const { snapshots, result } = reply.value;
    update(run, { snapshots, ...(result ? { result } : {}) });
    const r = run.record;
    if (result && r.status === 'done')
      publish({
        type: 'done',
        runId: id,
        result,
        samplesPerSecond: r.samplesPerSecond ?? 0,
        trainingMs: r.trainingMs ?? 0,
        bestEpoch: r.bestEpoch,
        stoppedEarly: r.stoppedEarly,
      });
    return snapshots;
  }

  return {
    start(request: RunRequest): Promise<RunId> {
      const id = randomUUID();
      for (const other of runs.values())
        if (other.record.title === request.title && FINISHED.has(other.record.status))
          endWorker(other, 'The run was replaced.');
      const run: LiveRun = {
        record: newRunRecord(id, request, Date.now(), inferGraph(request.graph).totals.total),
        worker: null,
        pending: new Map(),
        estimateMB: requestMemoryMB(request),
        training: false,
        kept: false,
        modelDir: modelDirFor(id),
        idleTimer: null,
      };
      runs.set(id, run);
      queue.push(run);
      pump();
      return Promise.resolve(id);
    },

    stop(id: RunId): Promise<void> {
      // In a promise, so an unknown id rejects rather than throws.
      return new Promise((resolve) => {
        const run = find(id);
        const queued = queue.indexOf(run);
        if (queued >= 0) {
          // Never started: it just leaves the queue, and the ones behind it move up.
          queue.splice(queued, 1);
          update(run, { status: 'stopped', queuePosition: null });
          publish({ type: 'stopped', runId: id });
          pump();
        } else if (!FINISHED.has(run.record.status)) run.worker?.send({ type: 'stop' });
        resolve();
      });
    },

    list: () => [...runs.values()].map((r) => r.record),

    onEvent(listener: (event: RunEvent) => void): Unsubscribe {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    // Each reply is narrowed by its kind: the worker's answer is typed, never cast.
    async predict(id: RunId, pixels: readonly number[], epoch?: number): Promise<Prediction> {
      const reply = await ask(id, { type: 'predict', pixels: [...pixels], ...atEpoch(epoch) });
      if (reply.kind === 'predict') return reply.value;
      throw mismatch('predict', reply);
    },
    async insight(id: RunId, epoch?: number): Promise<ModelInsight> {
      const reply = await ask(id, { type: 'insight', ...atEpoch(epoch) });
      if (reply.kind === 'insight') return reply.value;
      throw mismatch('insight', reply);
    },
    async exportRun(
      id: RunId,
      format: ExportFormat,
      target: string,
      strategy?: DistributionStrategy,
      epoch?: number,
    ): Promise<ExportResult> {
      const reply = await ask(id, {
        type: 'export',
        format,
        target,
        ...(strategy ? { strategy } : {}),
        ...atEpoch(epoch),
      });
      if (reply.kind === 'export') return reply.value;
      throw mismatch('export', reply);
    },
    async layerArithmetic(
      id: RunId,
      layer: string,
      pixels: readonly number[],
    ): Promise<LayerArithmetic> {
      const reply = await ask(id, { type: 'layerArithmetic', layer, pixels: [...pixels] });
      if (reply.kind === 'layerArithmetic') return reply.value;
      throw mismatch('layerArithmetic', reply);
    },
    async cellImages(
      id: RunId,
      trueClass: number,
      predictedClass: number,
      limit: number,
    ): Promise<CellImages> {
      const reply = await ask(id, { type: 'cellImages', trueClass, predictedClass, limit });
      if (reply.kind === 'cellImages') return reply.value;
      throw mismatch('cellImages', reply);
    },
    async robustness(id: RunId, samples: number): Promise<RobustnessScores> {
      const reply = await ask(id, { type: 'robustness', samples });
      if (reply.kind === 'robustness') return reply.value;
      throw mismatch('robustness', reply);
    },

    // The training replay: which epochs are kept (from the record, no process needed), one epoch's
    // confusion matrix, and making an epoch's weights the run's model.
    epochSnapshots(id: RunId): Promise<EpochSnapshots> {
      return new Promise((resolve) => {
        const { snapshots, epochs } = find(id).record;
        resolve(
          snapshots ?? {
            epochs: [],
            every: null,
            best: lowestLossEpoch(epochs),
            modelEpoch: null,
            note: NO_SNAPSHOTS_NOTE,
          },
        );
      });
    },
    async epochConfusion(id: RunId, epoch: number, samples: number): Promise<EpochConfusion> {
      const reply = await ask(id, { type: 'epochConfusion', epoch, samples });
      if (reply.kind === 'epochConfusion') return reply.value;
      throw mismatch('epochConfusion', reply);
    },
    useEpoch: (id: RunId, epoch: number): Promise<EpochSnapshots> => changeModel(id, epoch),
    restoreFinalWeights: (id: RunId): Promise<EpochSnapshots> => changeModel(id, null),

    dispose(): Promise<void> {
      queue.length = 0;
      for (const run of runs.values()) {
        if (!FINISHED.has(run.record.status)) update(run, { status: 'stopped' });
        run.training = false;
        endWorker(run, 'NetCanvas is closing.');
      }
      if (ownStore && store) rmSync(store, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
