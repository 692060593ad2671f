// An in-memory backend for renderer tests of the shell: a workspace of projects, an autosave
// slot and exports that list the files they would write. Anything else fails the way a backend
// without that service would, unless the test passes its own implementation in `overrides`.
import type { ExportRequest, ExportResult, NetCanvasApi, OpenedProject } from '../../shared/api/backendApi';
import type { ProjectFile } from '../../shared/project/projectFile';
import { BackendError } from './backendError';

export interface FakeApi extends NetCanvasApi {
  /** Saved projects by path, as the workspace holds them. */
  readonly projects: Map<string, ProjectFile>;
  /** Every call made, by method name, in order. */
  readonly calls: string[];
  autosaved: ProjectFile | null;
}

const missing = (method: string) => () => Promise.reject(new BackendError('unavailable', `${method} is not available in this test backend.`));

export function createFakeApi(overrides: Partial<NetCanvasApi> = {}): FakeApi {
  const projects = new Map<string, ProjectFile>();
  const calls: string[] = [];
  const open = (path: string): OpenedProject => {
    const project = projects.get(path);
    if (!project) throw new BackendError('notFound', `No project at ${path}.`);
    return { path, project };
  };
  const exportModel = (request: ExportRequest): ExportResult => {
    const name = 'runId' in request.source ? request.source.runId : request.source.name;
    const dir = `/workspace/exports/${name}`;
    const files = { tfjs: [`${dir}/model.json`], 'keras-json': [`${dir}.keras.json`], python: [`${dir}.py`] }[request.format];
    return { files };
  };
  const api: FakeApi = {
    projects,
    calls,
    autosaved: null,
    appInfo: () => Promise.resolve({ shell: 'web', version: '0.0.0-test', workspaceDir: '/workspace' }),
    listProjects: () =>
      Promise.resolve([...projects].map(([path, p]) => ({ path, name: p.name, modifiedMs: 0 }))),
    openProject: (path) => (path === null ? Promise.resolve(null) : Promise.resolve().then(() => open(path))),
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
    listDatasets: missing('listDatasets'),
    describeDataset: missing('describeDataset'),
    datasetPreview: missing('datasetPreview'),
    testImages: missing('testImages'),
    listBackends: missing('listBackends'),
    startRun: missing('startRun'),
    stopRun: missing('stopRun'),
    listRuns: () => Promise.resolve([]),
    onRunEvent: () => () => undefined,
    exportModel: (request) => Promise.resolve().then(() => exportModel(request)),
    predict: missing('predict'),
    modelInsight: missing('modelInsight'),
    layerArithmetic: missing('layerArithmetic'),
    cellImages: missing('cellImages'),
    robustness: missing('robustness'),
    ...overrides,
  };
  // Record calls without changing what they answer.
  const methods = api as unknown as Record<string, unknown>;
  for (const key of Object.keys(methods)) {
    const f = methods[key];
    if (typeof f !== 'function' || key === 'onRunEvent') continue;
    methods[key] = (...args: unknown[]) => {
      calls.push(key);
      return (f as (...a: unknown[]) => unknown)(...args);
    };
  }
  return api;
}
