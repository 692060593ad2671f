// The open project: what cannot be derived (graph, data set, settings, name, file path) and the
// selection. Shapes, counts and errors are never stored: `useGraphReport` derives them. Undo and
// redo come from zundo over the project alone; selection and paths are not part of history.
import { temporal } from 'zundo';
import { create } from 'zustand';
import { lockedBlocks } from '../../shared/challenges/challengeProject';
import { keepLocked } from '../../shared/graph/edits';
import type { Graph } from '../../shared/graph/types';
import type { ProjectFile } from '../../shared/project/projectFile';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { TrainingSettings } from '../../shared/training/settings';

export interface ProjectState {
  /** null: the start screen. */
  readonly project: ProjectFile | null;
  /** Where the project was last saved or opened from; null until the first save. */
  readonly path: string | null;
  readonly dirty: boolean;
  readonly selection: readonly string[];
  /** Why the last edit left a challenge's locked block as it was; null when it did not. */
  readonly lockNotice: string | null;
  /** When this project was opened (ms): a challenge counts only the runs started since. */
  readonly openedAtMs: number;
  open: (project: ProjectFile, path: string | null) => void;
  close: () => void;
  /** One undoable edit of the graph. */
  editGraph: (edit: (graph: Graph) => Graph) => void;
  setDataset: (dataset: DatasetRef) => void;
  setTraining: (training: TrainingSettings) => void;
  rename: (name: string) => void;
  select: (ids: readonly string[]) => void;
  markSaved: (path: string) => void;
}

export const useProjectStore = create<ProjectState>()(
  temporal(
    (set, get) => {
      const update = (change: (p: ProjectFile) => ProjectFile) => {
        const { project } = get();
        if (project) set({ project: change(project), dirty: true });
      };
      return {
        project: null,
        path: null,
        dirty: false,
        selection: [],
        lockNotice: null,
        openedAtMs: 0,
        open: (project, path) => {
          set({
            project,
            path,
            dirty: false,
            selection: [],
            lockNotice: null,
            openedAtMs: Date.now(),
          });
          // A freshly opened project starts a new history: undo never crosses into another file.
          useProjectStore.temporal.getState().clear();
        },
        close: () =>
          set({ project: null, path: null, dirty: false, selection: [], lockNotice: null }),
        editGraph: (edit) => {
          const { project } = get();
          if (!project) return;
          // A challenge's locked blocks come back as they were, whatever the edit did to them.
          const { graph, refused } = keepLocked(
            project.graph,
            edit(project.graph),
            lockedBlocks(project),
          );
          const lockNotice =
            refused.length > 0
              ? `${refused.join(', ')} ${refused.length === 1 ? 'is' : 'are'} locked by the challenge: it cannot be deleted or changed.`
              : null;
          if (graph === project.graph) return set({ lockNotice });
          set({ project: { ...project, graph }, dirty: true, lockNotice });
        },
        setDataset: (dataset) => update((p) => ({ ...p, dataset })),
        // A challenge's fixed settings stay as the challenge sets them.
        setTraining: (training) =>
          update((p) => ({ ...p, training: { ...training, ...p.challenge?.fixedSettings } })),
        rename: (name) => update((p) => ({ ...p, name })),
        select: (ids) => set({ selection: ids }),
        markSaved: (path) => set({ path, dirty: false }),
      };
    },
    {
      partialize: (s) => ({ project: s.project }),
      equality: (a, b) => a.project === b.project,
      limit: 200,
    },
  ),
);

export const undo = () => useProjectStore.temporal.getState().undo();
export const redo = () => useProjectStore.temporal.getState().redo();
