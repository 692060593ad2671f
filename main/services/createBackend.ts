// Composes the backend API both shells serve from the services that do the work. The shells
// differ only in how a null path is resolved (a native dialog on the desktop, the workspace in
// the web shell) and in how training processes are started (passed in as `runs`).
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppInfo, ExportRequest, NetCanvasApi, RunRecord, Unsubscribe } from '../../shared/api/backendApi';
import type { RunEvent } from '../../shared/training/runEvents';
import { describeDataset, listDatasets } from '../../datasets/loadDataset';
import { datasetPreview, testImages } from '../../datasets/preview';
import { ApiError } from './apiError';
import type { ProjectService } from './projectService';
import { projectFileName } from './projectService';
import type { BackendProbe, ExportService, RunService } from './serviceTypes';

export interface BackendServices {
  readonly shell: AppInfo['shell'];
  readonly version: string;
  readonly projects: ProjectService;
  /** Training; absent where this build cannot train (the API then says so). */
  readonly runs?: RunService;
  readonly exports?: ExportService;
  readonly backends?: BackendProbe;
  /** Asks the user for a path (desktop dialogs); without it null paths go to the workspace. */
  readonly choosePath?: (purpose: 'open' | 'save' | 'export', suggestedName: string) => Promise<string | null>;
}

function need<T>(service: T | undefined, what: string): T {
  if (!service) throw new ApiError('unavailable', `${what} is not available in this build of NetCanvas.`);
  return service;
}

const EXPORT_NAMES = { tfjs: '', 'keras-json': '.keras.json', python: '.py' } as const;

/** The backend API over `services`, as both shells serve it. */
export function createBackend(services: BackendServices): NetCanvasApi {
  const { projects } = services;
  const exportTarget = async (request: ExportRequest, name: string): Promise<string> => {
    if (request.path !== null) return projects.resolvePath(request.path);
    const suggested = `${projectFileName(name).replace(/\.netcanvas\.json$/, '')}${EXPORT_NAMES[request.format]}`;
    const chosen = services.choosePath ? await services.choosePath('export', suggested) : join('exports', suggested);
    if (chosen === null) throw new ApiError('badRequest', 'Export cancelled.');
    const target = projects.resolvePath(chosen);
    // The workspace's exports/ folder does not exist until the first export.
    await mkdir(dirname(target), { recursive: true });
    return target;
  };
  return {
    appInfo: () => Promise.resolve({ shell: services.shell, version: services.version, workspaceDir: projects.workspace }),

    listProjects: () => projects.list(),
    openProject: async (path) => {
      const chosen = path ?? (services.choosePath ? await services.choosePath('open', '') : null);
      return chosen === null ? null : projects.open(chosen);
    },
    saveProject: async (project, path) => {
      const chosen = path ?? (services.choosePath ? await services.choosePath('save', projectFileName(project.name)) : null);
      if (chosen === null && services.choosePath) return null;
      return projects.save(project, chosen);
    },
    autosave: (project) => projects.autosave(project),
    recoverAutosave: () => projects.recover(),
    discardAutosave: () => projects.discardAutosave(),

    listDatasets: () => listDatasets(),
    describeDataset: (ref) => describeDataset(ref),
    datasetPreview: (ref, perClass) => datasetPreview(ref, perClass),
    testImages: (ref, start, count) => testImages(ref, start, count),

    listBackends: () => need(services.backends, 'Backend probing').listBackends(),

    startRun: (request) => need(services.runs, 'Training').start(request),
    stopRun: (id) => need(services.runs, 'Training').stop(id),
    listRuns: (): Promise<RunRecord[]> => Promise.resolve(services.runs?.list() ?? []),
    onRunEvent: (listener: (event: RunEvent) => void): Unsubscribe => services.runs?.onEvent(listener) ?? (() => undefined),

    exportModel: async (request) => {
      const { source } = request;
      if ('runId' in source) {
        const target = await exportTarget(request, source.runId);
        return need(services.runs, 'Training').exportRun(source.runId, request.format, target);
      }
      const target = await exportTarget(request, source.name);
      return need(services.exports, 'Export').exportGraph(source.graph, source.settings, source.name, request.format, target);
    },
    predict: (runId, pixels) => need(services.runs, 'Training').predict(runId, pixels),
    modelInsight: (runId) => need(services.runs, 'Training').insight(runId),
    layerArithmetic: (runId, layer, pixels) => need(services.runs, 'Training').layerArithmetic(runId, layer, pixels),
    cellImages: (runId, trueClass, predictedClass, limit) => need(services.runs, 'Training').cellImages(runId, trueClass, predictedClass, limit),
    robustness: (runId, samples) => need(services.runs, 'Training').robustness(runId, samples),
  };
}
