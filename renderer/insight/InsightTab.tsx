import { useState } from 'react';
import { hasTrainedModel } from '../../shared/api/backendApi';
import type { ModelInsight } from '../../shared/api/backendApi';
import type { DatasetInfo } from '../../shared/training/datasetTypes';
import { useBackendQuery } from '../backend/useBackendQuery';
import { useProjectStore } from '../state/projectStore';
import { useRunsStore } from '../training/runsStore';
import { InsightPanel } from './InsightPanel';
import { runTask } from '../training/runTask';
import { InsightRunPicker } from './InsightRunPicker';

/**
 * The Insight view: draw an input (or pick a test image) for the run shown on the Train tab and
 * look inside the network. The block selected on the canvas is the layer brought into view.
 */
export function InsightTab() {
  const runId = useRunsStore((s) => s.activeRunId);
  const run = useRunsStore((s) => (s.activeRunId ? s.runs[s.activeRunId] : undefined));
  const [choosing, setChoosing] = useState(false);
  const dataset = run?.request?.dataset;
  // A finished run, or one the learner stopped early: both keep their model.
  const done = run ? hasTrainedModel(run.status) : false;
  // The canvas selection names a layer of the project; the run was built from a graph with the same names.
  const focusLayer = useProjectStore((s) => {
    const id = s.selection[0];
    return s.project?.graph.nodes.find((n) => n.id === id)?.name ?? null;
  });

  const { data: info, error } = useBackendQuery<DatasetInfo>(
    (api) => (dataset ? api.describeDataset(dataset) : null),
    [dataset],
  );
  const { data: insight, error: insightError } = useBackendQuery<ModelInsight>(
    (api) => (runId && done ? api.modelInsight(runId) : null),
    [runId, done],
  );

  if (!runId || !run || !done || choosing)
    return <InsightRunPicker onChosen={() => setChoosing(false)} />;
  if (error) return <p role="alert">{error}</p>;
  if (!info) return <p>Loading the data set’s description…</p>;
  return (
    <main className="nc-insight-tab">
      <div className="nc-insight-title">
        <h2>{`Inside “${run.request?.title ?? 'this run'}”`}</h2>
        <button type="button" className="nc-link" onClick={() => setChoosing(true)}>
          Choose another run
        </button>
      </div>
      {insightError && <p role="alert">{`The weights could not be read: ${insightError}`}</p>}
      <InsightPanel
        runId={runId}
        inputShape={info.inputShape}
        classNames={info.classNames}
        dataset={dataset}
        misclassified={run.result?.misclassified ?? []}
        kernels={insight?.kernels}
        histograms={insight?.histograms}
        focusLayer={focusLayer}
        task={runTask(run)}
      />
    </main>
  );
}
