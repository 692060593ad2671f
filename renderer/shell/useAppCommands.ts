import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { CommandId } from '../../shared/commands/commands';
import { moveNodes, removeItems } from '../../shared/graph/edits';
import { autoLayout } from '../canvas/autoLayout';
import { redo, undo, useProjectStore } from '../state/projectStore';
import { canPaste, copySelection, paste } from './clipboard';

/** What a command does now, and whether it can. */
export interface CommandBinding {
  readonly enabled: boolean;
  readonly run: () => void;
}

/** Every command of the table, bound: the toolbar, the shortcuts and the menu read these. */
export type CommandBindings = Readonly<Record<CommandId, CommandBinding>>;

export type Panel = 'palette' | 'inspector' | 'summary';

/** What the app shell provides to the commands (dialogs and panels are its state). */
export interface ShellActions {
  readonly newProject: () => void;
  readonly showDialog: (name: 'open' | 'import' | 'saveAs' | 'export' | 'help') => void;
  readonly save: () => void;
  readonly togglePanel: (panel: Panel) => void;
}

/** Binds each command to the project store, the canvas view and the shell. */
export function useAppCommands(shell: ShellActions): CommandBindings {
  const flow = useReactFlow();
  const hasProject = useProjectStore((s) => s.project !== null);
  const hasSelection = useProjectStore((s) => s.selection.length > 0);
  const canUndo = useStore(useProjectStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useProjectStore.temporal, (s) => s.futureStates.length > 0);
  return useMemo(() => {
    const on = (enabled: boolean, run: () => void): CommandBinding => ({ enabled, run });
    const doc = (run: () => void) => on(hasProject, run);
    return {
      new: on(true, shell.newProject),
      open: on(true, () => shell.showDialog('open')),
      save: doc(shell.save),
      saveAs: doc(() => shell.showDialog('saveAs')),
      importKeras: on(true, () => shell.showDialog('import')),
      export: doc(() => shell.showDialog('export')),
      undo: on(hasProject && canUndo, undo),
      redo: on(hasProject && canRedo, redo),
      cut: on(hasSelection, () => copySelection(true)),
      copy: on(hasSelection, () => copySelection(false)),
      // Read at run time: the clipboard is not React state.
      paste: doc(() => {
        if (canPaste()) paste();
      }),
      delete: on(hasSelection, () => {
        const { selection, editGraph } = useProjectStore.getState();
        const ids = new Set(selection);
        editGraph((g) => removeItems(g, ids, ids));
      }),
      selectAll: doc(() => {
        const store = useProjectStore.getState();
        store.select(store.project?.graph.nodes.map((n) => n.id) ?? []);
      }),
      layout: doc(() => useProjectStore.getState().editGraph((g) => moveNodes(g, autoLayout(g)))),
      fitView: doc(() => void flow.fitView({ padding: 0.2 })),
      zoomIn: doc(() => void flow.zoomIn()),
      zoomOut: doc(() => void flow.zoomOut()),
      togglePalette: doc(() => shell.togglePanel('palette')),
      toggleInspector: doc(() => shell.togglePanel('inspector')),
      toggleSummary: doc(() => shell.togglePanel('summary')),
      shortcuts: on(true, () => shell.showDialog('help')),
    };
  }, [shell, flow, hasProject, hasSelection, canUndo, canRedo]);
}
