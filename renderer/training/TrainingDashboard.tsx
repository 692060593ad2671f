import { useCallback, useMemo, useState } from 'react';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { RunRequest } from '../../shared/api/backendApi';
import { skippedImagesNote } from '../../shared/training/skippedImages';
import { newProject } from '../../shared/project/newProject';
import type { ProjectFile } from '../../shared/project/projectFile';
import type { DatasetInfo, DatasetRef } from '../../shared/training/datasetTypes';
import type { TrainingSettings } from '../../shared/training/settings';
import { taskMismatch, taskOf } from '../../shared/training/task';
import { BackendChoiceNote } from './BackendChoiceNote';
import { BackendPicker } from './BackendPicker';
import { DatasetPicker } from './DatasetPicker';
import { RunCharts } from './RunCharts';
import { lowestLossEpoch } from '../../shared/training/bestEpoch';
import { RunError } from './RunError';
import { RunProgress } from './RunProgress';
import type { PredictionGridProps } from './PredictionGrid';
import { RunResult } from './RunResult';
import { RunSettings } from './RunSettings';
import { ReconstructionStrip } from './ReconstructionStrip';
import { runTask } from './runTask';
import { useRunsConnection, useRunsStore } from './runsStore';
import { ChallengePanel } from '../challenge/ChallengePanel';
import { SettingsForm } from './SettingsForm';
import './training.css';
import { errorMessage } from '../../shared/errors/errorMessage';

export interface TrainingDashboardProps {
  readonly project: ProjectFile;
  readonly onDatasetChange: (ref: DatasetRef, info: DatasetInfo | null) => void;
  readonly onSettingsChange: (settings: TrainingSettings) => void;
  readonly onOpenProject: (project: ProjectFile) => void;
  /** Opens a misread test image in the Insight view, when the app has one. */
  readonly onLookInside?: PredictionGridProps['onLookInside'];
}

const isLive = (status: string | undefined) => status === 'queued' || status === 'running';

/** Pick data and settings, train the canvas's network, watch it learn, and read the test result. */
export function TrainingDashboard({
  project,
  onDatasetChange,
  onSettingsChange,
  onOpenProject,
  onLookInside,
}: TrainingDashboardProps) {
  const api = useRunsConnection();
  const activeRunId = useRunsStore((s) => s.activeRunId);
  const run = useRunsStore((s) => (s.activeRunId ? s.runs[s.activeRunId] : undefined));
  const order = useRunsStore((s) => s.order);
  const runs = useRunsStore((s) => s.runs);
  const backendChoice = useRunsStore((s) => s.backendChoice);
  const { setActive, registerRun, registerRejected, setBackendChoice } = useRunsStore.getState();
  const [info, setInfo] = useState<DatasetInfo | null>(null);
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const [starting, setStarting] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  const onInvalidChange = useCallback((fields: readonly string[]) => setInvalid(fields), []);

  const classes = info?.classNames.length;
  const report = useMemo(
    () => inferGraph(project.graph, classes === undefined ? {} : { classes }),
    [project.graph, classes],
  );
  const firstError = report.issues.find((i) => i.severity === 'error');
  // Can the output be compared with what the task compares it with (the input image, or the classes)?
  const ends =
    report.inputIds.length === 1 && report.outputIds.length === 1
      ? [report.inputIds[0] ?? '', report.outputIds[0] ?? '']
      : null;
  const endShapes = ends?.map((nodeId) => report.nodes.get(nodeId)?.outputShape?.slice(1));
  const outputName = project.graph.nodes.find((n) => n.id === ends?.[1])?.name ?? 'output';
  const task = taskOf(project.training);
  const mismatch =
    endShapes?.[0] && endShapes[1] && !firstError
      ? taskMismatch(task, endShapes[0], endShapes[1], outputName)
      : null;
  const blocker =
    project.graph.nodes.length === 0
      ? 'The canvas is empty: add layers (or open a template) to train.'
      : firstError
        ? `Fix the network first: ${firstError.message}`
        : invalid.length > 0
          ? `Fix the settings first: ${invalid.join(', ')}.`
          : mismatch;
  const running = isLive(run?.status);

  const train = () => {
    const request: RunRequest = {
      title: project.name.trim() || 'Untitled network',
      graph: project.graph,
      dataset: project.dataset,
      settings: project.training,
      backend: backendChoice,
    };
    setStarting(true);
    setStopError(null);
    api
      .startRun(request)
      .then((id) => {
        registerRun(id, request, report.totals.total);
        setActive(id);
      })
      .catch((e: unknown) => setActive(registerRejected(request, errorMessage(e))))
      .finally(() => setStarting(false));
  };

  const stop = () => {
    if (!run) return;
    api
      .stopRun(run.id)
      .catch((e: unknown) => setStopError(`Could not stop ${run.title}: ${errorMessage(e)}`));
  };

  return (
    <div className="nc-dashboard">
      <aside className="nc-dashboard-setup" aria-label="Training setup">
        <ChallengePanel />
        <DatasetPicker
          value={project.dataset}
          onChange={onDatasetChange}
          onDescribed={setInfo}
          augmentation={project.training.augmentation}
          seed={project.training.seed}
        />
        <SettingsForm
          settings={project.training}
          onChange={onSettingsChange}
          onInvalidChange={onInvalidChange}
          fixed={Object.keys(project.challenge?.fixedSettings ?? {})}
        />
        <BackendPicker value={backendChoice} onChange={setBackendChoice} />
      </aside>
      <section className="nc-dashboard-run" aria-label="Training run">
        <div className="nc-run-controls">
          <button
            type="button"
            className="nc-primary"
            onClick={train}
            disabled={running || starting || blocker !== null}
          >
            Train
          </button>
          <button type="button" onClick={stop} disabled={!running}>
            Stop
          </button>
          {order.length > 0 && (
            <label className="nc-run-select">
              Showing run{' '}
              <select value={activeRunId ?? ''} onChange={(e) => setActive(e.target.value || null)}>
                {activeRunId === null && <option value="">(none)</option>}
                {order.map((id) => (
                  <option key={id} value={id}>
                    {runs[id]?.title ?? id} · {runs[id]?.status}
                  </option>
                ))}
              </select>
            </label>
          )}
          {run?.request && (
            <button
              type="button"
              onClick={() => {
                const r = run.request;
                if (r) onOpenProject(newProject(r.title, r.graph, r.dataset, r.settings));
              }}
            >
              Open this run&apos;s network
            </button>
          )}
        </div>
        {blocker && !running && <p className="nc-blocker">{blocker}</p>}
        {/* A network that gives back its input is an autoencoder: one click sets the task it needs. */}
        {blocker === mismatch && mismatch && task === 'classify' && !running && (
          <button
            type="button"
            onClick={() => onSettingsChange({ ...project.training, task: 'reconstruct' })}
          >
            Train it to reconstruct its input
          </button>
        )}
        {stopError && (
          <p className="nc-error" role="alert">
            {stopError}
          </p>
        )}
        {run ? (
          <>
            <h3 className="nc-run-title">
              {run.title}
              {run.backend && <span className="nc-run-backend"> on {run.backend.name}</span>}
            </h3>
            {run.backend && <BackendChoiceNote report={run.backend} />}
            <RunSettings run={run} />
            {run.error?.code !== 'request' && <RunProgress run={run} />}
            {run.skippedImages && (
              <p className="nc-run-skipped" role="note">
                {skippedImagesNote(run.skippedImages)}
              </p>
            )}
            <RunError run={run} />
            {/* A run refused before it began has nothing to draw. */}
            {run.error?.code !== 'request' && (
              <RunCharts
                key={run.id}
                runId={run.id}
                epochs={run.request?.settings.epochs ?? run.epochsPlanned}
                task={runTask(run)}
                best={lowestLossEpoch(run.epochs)}
              />
            )}
            {runTask(run) === 'reconstruct' && (
              <ReconstructionStrip run={run} shape={info?.inputShape ?? null} />
            )}
            <RunResult run={run} info={info} onLookInside={onLookInside} />
          </>
        ) : (
          <p className="nc-empty">
            {task === 'reconstruct'
              ? 'Press Train to train the network on the canvas to reconstruct its input. Its reconstruction loss and a few test images beside their reconstruction will be shown here as it learns.'
              : 'Press Train to train the network on the canvas. Its loss and accuracy will be drawn here as it learns.'}
          </p>
        )}
      </section>
    </div>
  );
}
