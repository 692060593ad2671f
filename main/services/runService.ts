import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ExportFormat, ExportResult, ModelInsight, Prediction, RunRecord, RunRequest, RunStatus, Unsubscribe } from '../../shared/api/backendApi';
import { hasTrainedModel } from '../../shared/api/backendApi';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import type { CellImages } from '../../shared/insight/mistakes';
import type { RobustnessScores } from '../../shared/insight/robustness';
import type { RunEvent, RunId } from '../../shared/training/runEvents';
import type { HostToWorker, ReplyMessage, WorkerOptions } from '../training/workerMessages';
import { isWorkerToHost } from '../training/workerMessages';
import type { RunService } from './serviceTypes';

/** How a run's process ended. */
export interface WorkerExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** The end of what the process wrote to stderr (V8's "heap out of memory" lands there). */
  readonly stderrTail: string;
}

/** The host's handle on one training process, whatever started it. */
export interface WorkerHandle {
  send(message: HostToWorker): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process has ended for any reason. */
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Ends the process at once. */
  kill(): void;
}

/** Starts the training process for one run (Electron passes one built on utilityProcess). */
export type SpawnWorker = (runId: RunId) => WorkerHandle;

/**
 * The worker's TypeScript entry, run through tsx. A function, not a constant: the Electron
 * bundle is CommonJS, where `import.meta.url` does not exist, and it names its own entry.
 */
export const trainWorkerPath = (): string => fileURLToPath(new URL('../training/trainWorker.ts', import.meta.url));

const STDERR_TAIL = 4000;

/**
 * The default spawn: `child_process.fork` of the worker's .ts entry under tsx, with structured
 * clone IPC. `execArgv` adds Node flags (e.g. `--max-old-space-size=4096`).
 */
export function forkWorker(execArgv: readonly string[] = [], entry: string = trainWorkerPath()): SpawnWorker {
  // A bundled .cjs entry (the desktop app) runs as it is; the .ts source needs tsx.
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return () => {
    const child = fork(entry, [], {
      execArgv: [...loader, ...execArgv],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let tail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    return {
      send: (m) => {
        if (child.connected) child.send(m);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        // 'close' waits for stderr to drain, so the tail is complete.
        child.once('close', (code, signal) => listener({ code, signal, stderrTail: tail }));
      },
      kill: () => child.kill('SIGKILL'),
    };
  };
}

export interface RunServiceOptions {
  /** Starts a run's process; default {@link forkWorker}(). */
  readonly spawn?: SpawnWorker;
  /** Passed to every worker (memory limit, event rate, ...). */
  readonly workerOptions?: WorkerOptions;
}

/** A plain sentence for a training process that ended without saying why. */
export function exitReason(exit: WorkerExit): string {
  if (/heap out of memory|Allocation failed|Out of memory/i.test(exit.stderrTail))
    return 'The training process ran out of memory and ended. Use a smaller batch size or a smaller network, or close other programs.';
  if (exit.signal === 'SIGKILL')
    return 'The training process was killed (SIGKILL); the system may have run out of memory. Use a smaller batch size or a smaller network.';
  const last = exit.stderrTail.trim().split('\n').filter((l) => l.trim() !== '').at(-1);
  const how = exit.signal ? `by signal ${exit.signal}` : `with exit code ${String(exit.code)}`;
  return `The training process ended unexpectedly ${how}${last ? `: ${last.trim()}` : ''}.`;
}

interface LiveRun {
  record: RunRecord;
  worker: WorkerHandle | null;
  pending: Map<number, { resolve: (m: ReplyMessage) => void; reject: (e: Error) => void }>;
}

const FINISHED: ReadonlySet<RunStatus> = new Set(['done', 'stopped', 'failed']);

/**
 * Runs each training in its own process. A run's process stays alive after training, holding the
 * model for predict and export, until the run is replaced (a new run with the same title starts)
 * or the service is disposed. A process that crashes marks only its run failed.
 */
export function createRunService(options: RunServiceOptions = {}): RunService {
  const spawn = options.spawn ?? forkWorker();
  const runs = new Map<RunId, LiveRun>();
  const listeners = new Set<(event: RunEvent) => void>();
  let nextRequest = 1;

  const publish = (event: RunEvent): void => {
    for (const l of listeners) l(event);
  };

  const update = (run: LiveRun, patch: Partial<RunRecord>): void => {
    run.record = { ...run.record, ...patch };
  };

  const endWorker = (run: LiveRun, why: string): void => {
    const w = run.worker;
    run.worker = null;
    for (const p of run.pending.values()) p.reject(new Error(why));
    run.pending.clear();
    if (w) {
      w.send({ type: 'exit' });
      w.kill();
    }
  };

  const onEvent = (run: LiveRun, event: RunEvent): void => {
    switch (event.type) {
      case 'started':
        update(run, { status: 'running', backend: event.backend });
        break;
      case 'epoch':
        update(run, { epochs: [...run.record.epochs, event] });
        break;
      case 'done':
        update(run, { status: 'done', result: event.result, samplesPerSecond: event.samplesPerSecond, trainingMs: event.trainingMs });
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
  };

  const ask = (
    id: RunId,
    message:
      | { type: 'predict'; pixels: readonly number[] }
      | { type: 'insight' }
      | { type: 'export'; format: ExportFormat; target: string }
      | { type: 'layerArithmetic'; layer: string; pixels: readonly number[] }
      | { type: 'cellImages'; trueClass: number; predictedClass: number; limit: number }
      | { type: 'robustness'; samples: number },
  ): Promise<ReplyMessage> => {
    const run = runs.get(id);
    if (!run) return Promise.reject(new Error(`There is no run ${id}.`));
    if (!run.worker || !hasTrainedModel(run.record.status))
      return Promise.reject(new Error(`Run '${run.record.title}' has no trained model (it is ${run.record.status}).`));
    const requestId = nextRequest++;
    const worker = run.worker;
    return new Promise((resolve, reject) => {
      run.pending.set(requestId, { resolve, reject });
      worker.send({ ...message, requestId });
    });
  };

  const answer = (m: ReplyMessage): unknown => {
    if (!m.ok) throw new Error(m.error);
    return m.value;
  };

  return {
    start(request: RunRequest): Promise<RunId> {
      const id = randomUUID();
      for (const other of runs.values())
        if (other.record.title === request.title && FINISHED.has(other.record.status)) endWorker(other, 'The run was replaced.');
      const run: LiveRun = {
        record: {
          id,
          title: request.title,
          request,
          status: 'queued',
          startedAtMs: Date.now(),
          totalParams: inferGraph(request.graph).totals.total,
          backend: null,
          epochs: [],
          result: null,
          samplesPerSecond: null,
          trainingMs: null,
          error: null,
        },
        worker: null,
        pending: new Map(),
      };
      runs.set(id, run);
      const worker = spawn(id);
      run.worker = worker;
      worker.onMessage((m) => {
        if (!isWorkerToHost(m)) return;
        if (m.type === 'event') onEvent(run, m.event);
        else {
          const p = run.pending.get(m.requestId);
          run.pending.delete(m.requestId);
          p?.resolve(m);
        }
      });
      worker.onExit((exit) => {
        if (run.worker !== worker) return; // ended on purpose
        run.worker = null;
        const reason = exitReason(exit);
        for (const p of run.pending.values()) p.reject(new Error(reason));
        run.pending.clear();
        // After done or stopped only the held model is lost; the result stays.
        if (FINISHED.has(run.record.status)) return;
        update(run, { status: 'failed', error: reason });
        publish({ type: 'failed', runId: id, code: /memory/.test(reason) ? 'outOfMemory' : 'crash', message: reason });
      });
      worker.send({ type: 'start', runId: id, request, options: options.workerOptions ?? {} });
      return Promise.resolve(id);
    },

    stop(id: RunId): Promise<void> {
      const run = runs.get(id);
      if (!run) return Promise.reject(new Error(`There is no run ${id}.`));
      if (FINISHED.has(run.record.status)) return Promise.resolve();
      run.worker?.send({ type: 'stop' });
      return Promise.resolve();
    },

    list: () => [...runs.values()].map((r) => r.record),

    onEvent(listener: (event: RunEvent) => void): Unsubscribe {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    predict: async (id: RunId, pixels: readonly number[]): Promise<Prediction> =>
      answer(await ask(id, { type: 'predict', pixels: [...pixels] })) as Prediction,

    insight: async (id: RunId): Promise<ModelInsight> => answer(await ask(id, { type: 'insight' })) as ModelInsight,

    layerArithmetic: async (id: RunId, layer: string, pixels: readonly number[]): Promise<LayerArithmetic> =>
      answer(await ask(id, { type: 'layerArithmetic', layer, pixels: [...pixels] })) as LayerArithmetic,

    cellImages: async (id: RunId, trueClass: number, predictedClass: number, limit: number): Promise<CellImages> =>
      answer(await ask(id, { type: 'cellImages', trueClass, predictedClass, limit })) as CellImages,

    robustness: async (id: RunId, samples: number): Promise<RobustnessScores> =>
      answer(await ask(id, { type: 'robustness', samples })) as RobustnessScores,

    exportRun: async (id: RunId, format: ExportFormat, target: string): Promise<ExportResult> =>
      answer(await ask(id, { type: 'export', format, target })) as ExportResult,

    dispose(): Promise<void> {
      for (const run of runs.values()) {
        if (!FINISHED.has(run.record.status)) update(run, { status: 'stopped' });
        endWorker(run, 'NetCanvas is closing.');
      }
      return Promise.resolve();
    },
  };
}
