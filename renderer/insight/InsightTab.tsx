import { useEffect, useState } from 'react';
import type { DatasetInfo } from '../../shared/training/datasetTypes';
import { useBackend } from '../backend/useBackend';
import { useRunsStore } from '../training/runsStore';
import { InsightPanel } from './InsightPanel';

/** The Insight view: draw an input for the run shown on the Train tab and look inside the network. */
export function InsightTab() {
  const api = useBackend();
  const runId = useRunsStore((s) => s.activeRunId);
  const run = useRunsStore((s) => (s.activeRunId ? s.runs[s.activeRunId] : undefined));
  const [info, setInfo] = useState<DatasetInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dataset = run?.request?.dataset;
  useEffect(() => {
    if (!dataset) return;
    api.describeDataset(dataset).then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api, dataset]);
  if (!runId || !run || run.status !== 'done')
    return (
      <main className="nc-insight-empty">
        <p>Train a network on the Train tab; once its run is done, draw a digit here to see what it predicts and what each layer sees.</p>
      </main>
    );
  if (error) return <p role="alert">{error}</p>;
  if (!info) return <p>Loading the data set’s description…</p>;
  return (
    <main className="nc-insight">
      <InsightPanel runId={runId} inputShape={info.inputShape} classNames={info.classNames} />
    </main>
  );
}
