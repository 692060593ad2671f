import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { moveNodes, removeItems } from '../shared/graph/edits';
import { hasTrainedModel } from '../shared/api/backendApi';
import { useBackend } from './backend/useBackend';
import { autoLayout } from './canvas/autoLayout';
import { GraphCanvas } from './canvas/GraphCanvas';
import { ComparePanel } from './compare/ComparePanel';
import { useInsightInput } from './insight/insightInput';
import { InsightTab } from './insight/InsightTab';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { Dialog } from './shell/Dialog';
import { ExportDialog } from './shell/ExportDialog';
import { OpenDialog, SaveAsDialog } from './shell/FileDialogs';
import { openProject, saveProject } from './shell/projectActions';
import { StartScreen } from './shell/StartScreen';
import { SHORTCUTS, useShortcuts } from './shell/useShortcuts';
import { useMenuCommands } from './shell/useMenuCommands';
import { redo, undo, useProjectStore } from './state/projectStore';
import { SummaryPanel } from './summary/SummaryPanel';
import { TrainingDashboard } from './training/TrainingDashboard';
import { useRunsStore } from './training/runsStore';

type Tab = 'Build' | 'Train' | 'Compare' | 'Insight';
type DialogName = 'open' | 'import' | 'saveAs' | 'export' | 'help' | null;

const AUTOSAVE_MS = 5000;

type Panel = 'palette' | 'inspector' | 'summary';

function Workspace() {
  const api = useBackend();
  const project = useProjectStore((s) => s.project);
  const dirty = useProjectStore((s) => s.dirty);
  const path = useProjectStore((s) => s.path);
  const [tab, setTab] = useState<Tab>('Build');
  const [dialog, setDialog] = useState<DialogName>(null);
  const [status, setStatus] = useState('');
  // The run the Insight tab looks into, once it has finished.
  const trainedRun = useRunsStore((s) => {
    const run = s.activeRunId ? s.runs[s.activeRunId] : undefined;
    return run ? hasTrainedModel(run.status) : false;
  });
  const flow = useReactFlow();

  const actions = useMemo(
    () => ({
      save: () => {
        if (!useProjectStore.getState().path) return setDialog('saveAs');
        saveProject(api).then(
          (p) => setStatus(p ? `Saved to ${p}` : ''),
          (e: unknown) => setStatus(`Could not save: ${e instanceof Error ? e.message : String(e)}`),
        );
      },
      layout: () => useProjectStore.getState().editGraph((g) => moveNodes(g, autoLayout(g))),
      fit: () => void flow.fitView({ padding: 0.2 }),
      help: () => setDialog('help'),
    }),
    [api, flow],
  );
  useShortcuts(actions);

  const [hidden, setHidden] = useState<ReadonlySet<Panel>>(new Set());
  const toggle = (panel: Panel) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(panel)) next.add(panel);
      return next;
    });
  const withProject = (f: () => void) => () => {
    if (useProjectStore.getState().project) f();
  };
  useMenuCommands({
    new: () => useProjectStore.getState().close(),
    open: () => setDialog('open'),
    openRecent: (p) => {
      if (!p) return;
      api.openProject(p).then(
        (opened) => opened && openProject(opened.project, opened.path),
        (e: unknown) => setStatus(`Could not open ${p}: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    save: withProject(actions.save),
    saveAs: withProject(() => setDialog('saveAs')),
    importKeras: () => setDialog('import'),
    export: withProject(() => setDialog('export')),
    undo,
    redo,
    delete: withProject(() => {
      const { selection, editGraph } = useProjectStore.getState();
      const ids = new Set(selection);
      editGraph((g) => removeItems(g, ids, ids));
    }),
    selectAll: withProject(() => {
      const store = useProjectStore.getState();
      store.select(store.project?.graph.nodes.map((n) => n.id) ?? []);
    }),
    fitView: actions.fit,
    zoomIn: () => void flow.zoomIn(),
    zoomOut: () => void flow.zoomOut(),
    togglePalette: () => toggle('palette'),
    toggleInspector: () => toggle('inspector'),
    toggleSummary: () => toggle('summary'),
    shortcuts: actions.help,
  });

  // Autosave: a recovery copy every few seconds while there are unsaved edits.
  useEffect(() => {
    if (!project || !dirty) return;
    const t = setTimeout(() => void api.autosave(project).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [api, project, dirty]);

  useEffect(() => {
    document.title = project ? `${project.name}${dirty ? ' •' : ''} — NetCanvas` : 'NetCanvas';
  }, [project, dirty]);

  return (
    <div className="nc-app">
      <header className="nc-topbar">
        <span className="nc-logo">NetCanvas</span>
        <div role="toolbar" aria-label="File">
          <button type="button" onClick={() => useProjectStore.getState().close()}>
            New
          </button>
          <button type="button" onClick={() => setDialog('open')}>
            Open
          </button>
          <button type="button" onClick={actions.save} disabled={!project}>
            Save
          </button>
          <button type="button" onClick={() => setDialog('saveAs')} disabled={!project}>
            Save As
          </button>
          <button type="button" onClick={() => setDialog('import')}>
            Import
          </button>
          <button type="button" onClick={() => setDialog('export')} disabled={!project}>
            Export
          </button>
        </div>
        <div role="toolbar" aria-label="Edit">
          <button type="button" onClick={undo} disabled={!project}>
            Undo
          </button>
          <button type="button" onClick={redo} disabled={!project}>
            Redo
          </button>
          <button type="button" onClick={actions.layout} disabled={!project}>
            Auto-layout
          </button>
          <button type="button" onClick={actions.help} aria-label="Keyboard shortcuts">
            ?
          </button>
        </div>
        {project && (
          <div role="tablist" aria-label="Views">
            {(['Build', 'Train', 'Compare', 'Insight'] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                {t}
              </button>
            ))}
          </div>
        )}
        <span className="nc-project-name" title={path ?? 'not saved yet'}>
          {project ? `${project.name}${dirty ? ' (unsaved)' : ''}` : ''}
        </span>
        <span role="status" className="nc-status">
          {status}
        </span>
      </header>
      {!project ? (
        <StartScreen onShowCompare={() => setTab('Compare')} onOpen={() => setDialog('open')} />
      ) : tab === 'Build' ? (
        <div className="nc-build">
          {!hidden.has('palette') && <Palette />}
          <GraphCanvas />
          {!(hidden.has('inspector') && hidden.has('summary')) && (
            <div className="nc-side">
              {!hidden.has('inspector') && <Inspector onLookInside={trainedRun ? () => setTab('Insight') : undefined} />}
              {!hidden.has('summary') && <SummaryPanel />}
            </div>
          )}
        </div>
      ) : tab === 'Train' ? (
        <TrainingDashboard
          project={project}
          onDatasetChange={(ref, info) => {
            const store = useProjectStore.getState();
            store.setDataset(ref);
            if (info)
              store.editGraph((g) => ({
                ...g,
                nodes: g.nodes.map((n) => (n.type === 'InputLayer' ? { ...n, params: { ...n.params, shape: [...info.inputShape] } } : n)),
              }));
          }}
          onSettingsChange={(s) => useProjectStore.getState().setTraining(s)}
          onOpenProject={(p) => openProject(p, null)}
          onLookInside={(image) => {
            const id = useRunsStore.getState().activeRunId;
            if (id) useInsightInput.getState().remember(id, image, null);
            setTab('Insight');
          }}
        />
      ) : tab === 'Compare' ? (
        <ComparePanel onOpenProject={(p) => openProject(p, null)} />
      ) : (
        <InsightTab />
      )}
      {dialog === 'open' && <OpenDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <OpenDialog title="Import Keras model" onClose={() => setDialog(null)} />}
      {dialog === 'saveAs' && <SaveAsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} projectName={project?.name ?? ''} />}
      {dialog === 'help' && (
        <Dialog title="Keyboard shortcuts" onClose={() => setDialog(null)}>
          <table>
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">{keys}</th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Dialog>
      )}
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Workspace />
    </ReactFlowProvider>
  );
}
