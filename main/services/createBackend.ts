// Composes the backend API both shells serve from the services that do the work. The shells
// differ only in how a null path is resolved (a native dialog on the desktop, the workspace in
// the web shell) and in how training processes are started (passed in as `runs`).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo, ExportRequest, ExportResult, NetCanvasApi, RunRecord, Unsubscribe } from '../../shared/api/backendApi';
import type { RunEvent } from '../../shared/training/runEvents';
import { describeDataset, listDatasets } from '../../datasets/loadDataset';
import { datasetPreview, testImages } from '../../datasets/preview';
import { EXPORT_TARGETS, exportFolderName, exportSlug } from '../export/exportFolder';
import { zipExport } from '../export/zipExport';
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

/** `folder`, or `folder-2`, `folder-3`, … when it exists already (two exports in the same minute). */
function freshFolder(folder: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? folder : `${folder}-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

function need<T>(service: T | undefined, what: string): T {
  if (!service) throw new ApiError('unavailable', `${what} is not available in this build of NetCanvas.`);
  return service;
}

/** The backend API over `services`, as both shells serve it. */
export function createBackend(services: BackendServices): NetCanvasApi {
  const { projects } = services;
  /** Where an export goes: the given path, or a new folder named after the project and the time. */
  const exportTarget = async (request: ExportRequest, name: string): Promise<{ target: string; folder: string | null }> => {
    if (request.path !== null) return { target: projects.resolvePath(request.path), folder: null };
    const suggested = exportFolderName(name, new Date());
    const chosen = services.choosePath ? await services.choosePath('export', suggested) : freshFolder(projects.resolvePath(join('exports', suggested)));
    if (chosen === null) throw new ApiError('badRequest', 'Export cancelled.');
    const folder = projects.resolvePath(chosen);
    await mkdir(folder, { recursive: true });
    return { target: EXPORT_TARGETS[request.format](folder, exportSlug(name)), folder };
  };
  /** The files, the folder, and in the web shell one .zip of them for the Download button. */
  const exported = async (result: ExportResult, folder: string | null): Promise<ExportResult> => {
    if (folder === null) return result;
    return { ...result, folder, ...(services.shell === 'web' ? { archive: await zipExport(folder, result.files) } : {}) };
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
        const runs = need(services.runs, 'Training');
        // A run's export is named after its project (the run's title), not its id.
        const title = runs.list().find((r) => r.id === source.runId)?.title ?? source.runId;
        const { target, folder } = await exportTarget(request, title);
        return exported(await runs.exportRun(source.runId, request.format, target), folder);
      }
      const { target, folder } = await exportTarget(request, source.name);
      return exported(await need(services.exports, 'Export').exportGraph(source.graph, source.settings, source.name, request.format, target), folder);
    },
    predict: (runId, pixels) => need(services.runs, 'Training').predict(runId, pixels),
    modelInsight: (runId) => need(services.runs, 'Training').insight(runId),
  };
}
