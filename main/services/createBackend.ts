// Composes the backend API both shells serve from the services that do the work. The shells
// differ in how a null path is resolved (a native dialog on the desktop, the workspace in the web
// shell), in which paths they accept (their PathGuard) and in how training processes are started
// (passed in as `runs`).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type {
  AppInfo,
  ExportRequest,
  ExportResult,
  NetCanvasApi,
  RunRecord,
  RunRequest,
  Unsubscribe,
} from '../../shared/api/backendApi';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { RunEvent } from '../../shared/training/runEvents';
import { describeWriteError } from '../export/atomicWrite';
import { describeDataset, listDatasets } from '../../datasets/loadDataset';
import { datasetPreview, testImages } from '../../datasets/preview';
import { exportFileIn, exportFolderName, exportSlug } from '../export/exportFolder';
import { zipExport } from '../export/zipExport';
import { ApiError } from './apiError';
import type { ProjectService } from './projectService';
import { projectFileName } from './projectService';
import type { PathGuard } from './pathGuard';
import type { BackendProbe, ExportService, RunService } from './serviceTypes';

export interface BackendServices {
  readonly shell: AppInfo['shell'];
  readonly version: string;
  readonly projects: ProjectService;
  /** Training; absent where this build cannot train (the API then says so). */
  readonly runs?: RunService;
  readonly exports?: ExportService;
  readonly backends?: BackendProbe;
  /**
   * Confines data-set folders (the web shell: any process on this machine can call it, and a
   * preview returns the pixels of whatever folder it names). Relative folders resolve against the
   * workspace. Absent on the desktop, where the learner types the folder into the app itself.
   */
  readonly datasetGuard?: PathGuard;
  /** Asks the user for a path (desktop dialogs); without it null paths go to the workspace. */
  readonly choosePath?: (
    purpose: 'open' | 'save' | 'export',
    suggestedName: string,
  ) => Promise<string | null>;
}

/** `folder`, or `folder-2`, `folder-3`, … when it exists already (two exports in the same minute). */
function freshFolder(folder: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? folder : `${folder}-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

function need<T>(service: T | undefined, what: string): T {
  if (!service)
    throw new ApiError('unavailable', `${what} is not available in this build of NetCanvas.`);
  return service;
}

/** The backend API over `services`, as both shells serve it. */
export function createBackend(services: BackendServices): NetCanvasApi {
  const { projects } = services;
  /** Where an export goes: the given path, or a new folder named after the project and the time. */
  const exportTarget = async (
    request: ExportRequest,
    name: string,
  ): Promise<{ target: string; folder: string | null }> => {
    if (request.path !== null) {
      const target = await projects.resolvePath(request.path);
      // As a save does, create the folder a given path goes into.
      await mkdir(dirname(target), { recursive: true }).catch((e: unknown) => {
        throw describeWriteError(dirname(target), e);
      });
      return { target, folder: null };
    }
    const suggested = exportFolderName(name, new Date());
    const chosen = services.choosePath
      ? await services.choosePath('export', suggested)
      : freshFolder(await projects.resolvePath(join('exports', suggested)));
    if (chosen === null) throw new ApiError('badRequest', 'Export cancelled.');
    const folder = await projects.resolvePath(chosen);
    // As a save does, create the folder the export goes into.
    await mkdir(folder, { recursive: true }).catch((e: unknown) => {
      throw describeWriteError(folder, e);
    });
    return { target: exportFileIn(folder, exportSlug(name), request.format), folder };
  };
  /** The files, the folder, and in the web shell one .zip of them for the Download button. */
  const exported = async (result: ExportResult, folder: string | null): Promise<ExportResult> => {
    if (folder === null) return result;
    return {
      ...result,
      folder,
      ...(services.shell === 'web' ? { archive: await zipExport(folder, result.files) } : {}),
    };
  };
  const guardRef = async <R extends DatasetRef>(ref: R): Promise<R> => {
    const guard = services.datasetGuard;
    if (!guard || !('path' in ref) || ref.path === undefined) return ref;
    return { ...ref, path: await guard.check(ref.path) };
  };
  const guardRequest = async (request: RunRequest): Promise<RunRequest> => ({
    ...request,
    dataset: await guardRef(request.dataset),
  });
  return {
    appInfo: () =>
      Promise.resolve({
        shell: services.shell,
        version: services.version,
        workspaceDir: projects.workspace,
      }),

    listProjects: () => projects.list(),
    openProject: async (path) => {
      const chosen = path ?? (services.choosePath ? await services.choosePath('open', '') : null);
      return chosen === null ? null : projects.open(chosen);
    },
    saveProject: async (project, path) => {
      const chosen =
        path ??
        (services.choosePath
          ? await services.choosePath('save', projectFileName(project.name))
          : null);
      if (chosen === null && services.choosePath) return null;
      return projects.save(project, chosen);
    },
    autosave: (project) => projects.autosave(project),
    recoverAutosave: () => projects.recover(),
    discardAutosave: () => projects.discardAutosave(),

    listDatasets: () => listDatasets(),
    describeDataset: async (ref) => describeDataset(await guardRef(ref)),
    datasetPreview: async (ref, perClass) => datasetPreview(await guardRef(ref), perClass),
    testImages: async (ref, start, count) => testImages(await guardRef(ref), start, count),

    listBackends: () => need(services.backends, 'Backend probing').listBackends(),

    startRun: async (request) => need(services.runs, 'Training').start(await guardRequest(request)),
    stopRun: (id) => need(services.runs, 'Training').stop(id),
    listRuns: (): Promise<RunRecord[]> => Promise.resolve(services.runs?.list() ?? []),
    onRunEvent: (listener: (event: RunEvent) => void): Unsubscribe =>
      services.runs?.onEvent(listener) ?? (() => undefined),

    exportModel: async (request) => {
      const { source } = request;
      if ('runId' in source) {
        const runs = need(services.runs, 'Training');
        // A run's export is named after its project (the run's title), not its id.
        const title = runs.list().find((r) => r.id === source.runId)?.title ?? source.runId;
        // One epoch of the training replay is named after it too.
        const { target, folder } = await exportTarget(
          request,
          source.epoch === undefined ? title : `${title} epoch ${source.epoch}`,
        );
        return exported(
          await runs.exportRun(
            source.runId,
            request.format,
            target,
            request.strategy,
            source.epoch,
          ),
          folder,
        );
      }
      const { target, folder } = await exportTarget(request, source.name);
      return exported(
        await need(services.exports, 'Export').exportGraph(
          source.graph,
          source.settings,
          source.name,
          request.format,
          target,
          request.strategy,
        ),
        folder,
      );
    },
    predict: (runId, pixels, epoch) =>
      need(services.runs, 'Training').predict(runId, pixels, epoch),
    modelInsight: (runId, epoch) => need(services.runs, 'Training').insight(runId, epoch),
    layerArithmetic: (runId, layer, pixels) =>
      need(services.runs, 'Training').layerArithmetic(runId, layer, pixels),
    cellImages: (runId, trueClass, predictedClass, limit) =>
      need(services.runs, 'Training').cellImages(runId, trueClass, predictedClass, limit),
    robustness: (runId, samples) => need(services.runs, 'Training').robustness(runId, samples),
    epochSnapshots: (runId) => need(services.runs, 'Training').epochSnapshots(runId),
    epochConfusion: (runId, epoch, samples) =>
      need(services.runs, 'Training').epochConfusion(runId, epoch, samples),
    useEpoch: (runId, epoch) => need(services.runs, 'Training').useEpoch(runId, epoch),
    restoreFinalWeights: (runId) => need(services.runs, 'Training').restoreFinalWeights(runId),
  };
}
