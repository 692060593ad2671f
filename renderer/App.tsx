import { ReactFlowProvider } from '@xyflow/react';
import { Tabs, Tooltip } from 'radix-ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentProps } from 'react';
import type { CommandId } from '../shared/commands/commands';
import { hasTrainedModel } from '../shared/api/backendApi';
import type { MenuCommand } from '../shared/api/apiSchemas';
import { setInputShape } from '../shared/graph/edits';
import type { ProjectFile } from '../shared/project/projectFile';
import { useBackend } from './backend/useBackend';
import { ChallengePanel } from './challenge/ChallengePanel';
import { GraphCanvas } from './canvas/GraphCanvas';
import { ComparePanel } from './compare/ComparePanel';
import { useInsightInput } from './insight/insightInput';
import { InsightTab } from './insight/InsightTab';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { ExportDialog } from './shell/ExportDialog';
import { OpenDialog, SaveAsDialog } from './shell/FileDialogs';
import { keepUnsavedWork, openProject, saveProject } from './shell/projectActions';
import { ShortcutsSheet } from './shell/ShortcutsSheet';
import { StartScreen } from './shell/StartScreen';
import { TopBar } from './shell/TopBar';
import type { Tab } from './shell/TopBar';
import { UnsavedChangesDialog } from './shell/UnsavedChangesDialog';
import { useAppCommands } from './shell/useAppCommands';
import type { Panel, ShellActions } from './shell/useAppCommands';
import { useMenuCommands, useMenuEnabled } from './shell/useMenuCommands';
import type { MenuHandlers } from './shell/useMenuCommands';
import { useShortcuts } from './shell/useShortcuts';
import { useProjectStore } from './state/projectStore';
import { SummaryPanel } from './summary/SummaryPanel';
import { TrainingDashboard } from './training/TrainingDashboard';
import { useRunsStore } from './training/runsStore';
import { errorMessage } from '../shared/errors/errorMessage';

type DialogName = 'open' | 'import' | 'saveAs' | 'export' | 'help' | null;

const AUTOSAVE_MS = 5000;

/**
 * What follows every edit without drawing anything: the recovery copy a few seconds after the last
 * unsaved edit, and the window title. Its own component, so an edit renders this and not the shell.
 */
function AutosaveAndTitle() {
  const api = useBackend();
  const project = useProjectStore((s) => s.project);
  const dirty = useProjectStore((s) => s.dirty);
  useEffect(() => {
    if (!project || !dirty) return;
    const t = setTimeout(() => void api.autosave(project).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [api, project, dirty]);
  useEffect(() => {
    document.title = project ? `${project.name}${dirty ? ' •' : ''} — NetCanvas` : 'NetCanvas';
  }, [project, dirty]);
  return null;
}

/** The Train tab's dashboard, reading the project itself (the shell does not follow every edit). */
function TrainTab(props: Omit<ComponentProps<typeof TrainingDashboard>, 'project'>) {
  const project = useProjectStore((s) => s.project);
  return project && <TrainingDashboard project={project} {...props} />;
}

function Workspace() {
  const api = useBackend();
  // Whether a project is open and its name, not the project: the shell stays put while the
  // learner edits (each keystroke in a setting makes a new project object).
  const hasProject = useProjectStore((s) => s.project !== null);
  const projectName = useProjectStore((s) => s.project?.name ?? '');
  const [tab, setTab] = useState<Tab>('Build');
  const [dialog, setDialog] = useState<DialogName>(null);
  const [status, setStatus] = useState('');
  // The run the Insight tab looks into, once it has finished.
  const trainedRun = useRunsStore((s) => {
    const run = s.activeRunId ? s.runs[s.activeRunId] : undefined;
    return run ? hasTrainedModel(run.status) : false;
  });

  /** Runs `then` once unsaved work is saved or knowingly thrown away; never when the learner cancels. */
  const guarded = useCallback(
    (then: () => void) => {
      keepUnsavedWork(api).then(
        (go) => go && then(),
        (e: unknown) => setStatus(`Could not save: ${errorMessage(e)}`),
      );
    },
    [api],
  );
  const replaceProject = useCallback(
    (p: ProjectFile, path: string | null = null) => guarded(() => openProject(p, path)),
    [guarded],
  );

  const [hidden, setHidden] = useState<ReadonlySet<Panel>>(new Set());
  const shell = useMemo<ShellActions>(
    () => ({
      newProject: () => guarded(() => useProjectStore.getState().close()),
      showDialog: (name) =>
        name === 'open' || name === 'import' ? guarded(() => setDialog(name)) : setDialog(name),
      save: () => {
        if (!useProjectStore.getState().path) return setDialog('saveAs');
        saveProject(api).then(
          (p) => setStatus(p ? `Saved to ${p}` : ''),
          (e: unknown) => setStatus(`Could not save: ${errorMessage(e)}`),
        );
      },
      togglePanel: (panel) =>
        setHidden((h) => {
          const next = new Set(h);
          if (!next.delete(panel)) next.add(panel);
          return next;
        }),
    }),
    [api, guarded],
  );
  const commands = useAppCommands(shell);
  useShortcuts(commands);

  // Closing the window: the browser asks on its own (beforeunload); the desktop app's main process
  // sees the close cancelled and sends 'closeWindow', answered with our own question.
  const closing = useRef(false);
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (closing.current || !useProjectStore.getState().dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  const menuHandlers = useMemo(() => {
    const handlers: Partial<Record<MenuCommand, (path?: string) => void>> = {
      openRecent: (p) => {
        if (!p) return;
        guarded(() => {
          api.openProject(p).then(
            (opened) => opened && openProject(opened.project, opened.path),
            (e: unknown) => setStatus(`Could not open ${p}: ${errorMessage(e)}`),
          );
        });
      },
      closeWindow: () =>
        guarded(() => {
          closing.current = true;
          window.close();
        }),
    };
    for (const [id, binding] of Object.entries(commands) as [
      CommandId,
      (typeof commands)[CommandId],
    ][])
      handlers[id] = () => {
        if (binding.enabled) binding.run();
      };
    return handlers as MenuHandlers;
  }, [api, commands, guarded]);
  useMenuCommands(menuHandlers);
  useMenuEnabled(commands);

  const sideHidden = hidden.has('inspector') && hidden.has('summary');
  const togglePanel = (which: 'palette' | 'side') => {
    if (which === 'palette') return shell.togglePanel('palette');
    setHidden((h) => {
      const next = new Set(h);
      for (const p of ['inspector', 'summary'] as const)
        if (sideHidden) next.delete(p);
        else next.add(p);
      return next;
    });
  };

  return (
    <Tabs.Root
      className="nc-app"
      value={tab}
      onValueChange={(v) => setTab(v as Tab)}
      activationMode="manual"
    >
      <TopBar
        commands={commands}
        tab={tab}
        status={status}
        panels={{ palette: !hidden.has('palette'), side: !sideHidden }}
        onTogglePanel={togglePanel}
      />
      <AutosaveAndTitle />
      {!hasProject ? (
        <StartScreen
          onShowCompare={() => setTab('Compare')}
          onOpen={() => shell.showDialog('open')}
          onOpenProject={(p) => replaceProject(p)}
        />
      ) : (
        <>
          <Tabs.Content value="Build" className="nc-view">
            <div
              className={`nc-build${hidden.has('palette') ? ' nc-no-palette' : ''}${sideHidden ? ' nc-no-side' : ''}`}
            >
              {!hidden.has('palette') && <Palette />}
              <GraphCanvas />
              {!sideHidden && (
                // Focusable, so the keyboard can scroll it (axe: scrollable-region-focusable).
                <div className="nc-side" role="region" aria-label="Layer details" tabIndex={0}>
                  <ChallengePanel />
                  {!hidden.has('inspector') && (
                    <Inspector onLookInside={trainedRun ? () => setTab('Insight') : undefined} />
                  )}
                  {!hidden.has('summary') && <SummaryPanel />}
                </div>
              )}
            </div>
          </Tabs.Content>
          <Tabs.Content value="Train" className="nc-view">
            <TrainTab
              onDatasetChange={(ref, info) => {
                const store = useProjectStore.getState();
                store.setDataset(ref);
                if (info) store.editGraph((g) => setInputShape(g, info.inputShape));
              }}
              onSettingsChange={(s) => useProjectStore.getState().setTraining(s)}
              onOpenProject={(p) => replaceProject(p)}
              onLookInside={(image) => {
                const id = useRunsStore.getState().activeRunId;
                if (id) useInsightInput.getState().remember(id, image, null);
                setTab('Insight');
              }}
            />
          </Tabs.Content>
          <Tabs.Content value="Compare" className="nc-view">
            <ComparePanel onOpenProject={(p) => replaceProject(p)} />
          </Tabs.Content>
          <Tabs.Content value="Insight" className="nc-view">
            <InsightTab />
          </Tabs.Content>
        </>
      )}
      {dialog === 'open' && <OpenDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && (
        <OpenDialog title="Import Keras model" onClose={() => setDialog(null)} />
      )}
      {dialog === 'saveAs' && <SaveAsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && (
        <ExportDialog onClose={() => setDialog(null)} projectName={projectName} />
      )}
      {dialog === 'help' && <ShortcutsSheet onClose={() => setDialog(null)} />}
      <UnsavedChangesDialog />
    </Tabs.Root>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Tooltip.Provider delayDuration={400}>
        <Workspace />
      </Tooltip.Provider>
    </ReactFlowProvider>
  );
}
