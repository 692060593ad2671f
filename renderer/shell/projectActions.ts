// What the File menu and the top bar do, in one place: both shells call these.
import type {
  DistributionStrategy,
  ExportFormat,
  ExportResult,
  NetCanvasApi,
} from '../../shared/api/backendApi';
import { CHALLENGE_SUFFIX } from '../../shared/challenges/challengeFile';
import { challengeProject } from '../../shared/challenges/challengeProject';
import { isChallengeJson, parseChallengeFile } from '../../shared/challenges/parseChallenge';
import { parseJsonText } from '../../shared/json/parseJsonText';
import { newProject } from '../../shared/project/newProject';
import { parseProjectFile } from '../../shared/project/parseProject';
import type { ProjectFile } from '../../shared/project/projectFile';
import { readModelText } from '../../shared/summary/readModelText';
import { useProjectStore } from '../state/projectStore';
import { askToSave } from './unsavedChanges';

export function openProject(project: ProjectFile, path: string | null): void {
  // A teacher's challenge file starts a new project: Save asks for a name instead of overwriting it.
  useProjectStore.getState().open(project, path?.endsWith(CHALLENGE_SUFFIX) ? null : path);
}

/** A new project holding only an Input block for 28×28 grayscale images. */
export function emptyProject(): ProjectFile {
  return newProject('Untitled', {
    nodes: [
      {
        id: 'n0',
        type: 'InputLayer',
        name: 'input_layer',
        params: { shape: [28, 28, 1] },
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
  });
}

/** Saves to the project's path, or under `name` when given (Save As) or when it has none yet. */
export async function saveProject(api: NetCanvasApi, name?: string): Promise<string | null> {
  const { project, path } = useProjectStore.getState();
  if (!project) return null;
  const toSave = name ? { ...project, name } : project;
  const saved = await api.saveProject(toSave, name ? null : path);
  if (!saved) return null;
  if (name) useProjectStore.getState().rename(name);
  useProjectStore.getState().markSaved(saved.path);
  await api.discardAutosave();
  return saved.path;
}

/** Opens the text of a file the learner picked: a NetCanvas project or challenge, or a Keras / tfjs model.json. */
export function openFileText(text: string, fileName: string): void {
  let challenge = false;
  try {
    challenge = isChallengeJson(parseJsonText(text));
  } catch {
    // Not JSON: the project reader below says so.
  }
  if (challenge) return openProject(challengeProject(parseChallengeFile(text)), null);
  try {
    openProject(parseProjectFile(text), null);
    return;
  } catch {
    // Not a project: try it as a Keras model below, which gives the more useful error.
  }
  const model = readModelText(text);
  openProject(newProject(model.name || fileName.replace(/\.json$/i, ''), model.graph), null);
}

export async function exportGraph(
  api: NetCanvasApi,
  format: ExportFormat,
  runId: string | null,
  strategy: DistributionStrategy = 'single',
): Promise<ExportResult | null> {
  const { project } = useProjectStore.getState();
  if (!project) return null;
  return api.exportModel({
    source: runId
      ? { runId }
      : { graph: project.graph, settings: project.training, name: project.name },
    format,
    ...(format === 'python' ? { strategy } : {}),
    path: null,
  });
}

/**
 * Makes unsaved work safe before something replaces or closes it: asks "Save changes to NAME?"
 * and saves (under the project's name when it has no file yet) or forgets the autosave copy.
 * Resolves false when the learner cancels; rejects when the save fails (nothing is lost then).
 */
export async function keepUnsavedWork(api: NetCanvasApi): Promise<boolean> {
  const { project, dirty, path } = useProjectStore.getState();
  if (!project || !dirty) return true;
  const answer = await askToSave(project.name);
  if (answer === 'cancel') return false;
  if (answer === 'discard') {
    // Thrown away on purpose: the next start must not offer it as lost work.
    await api.discardAutosave().catch(() => undefined);
    return true;
  }
  await saveProject(api, path ? undefined : project.name);
  return true;
}
