import { useId, useState } from 'react';
import type { DistributionStrategy, ExportFormat, ExportResult } from '../../shared/api/backendApi';
import { hasTrainedModel } from '../../shared/api/backendApi';
import { DISTRIBUTION_STRATEGIES, EXPORT_FORMATS } from '../../shared/api/exportFormats';
import { formatPercent } from '../training/format';
import { useRunsConnection, useRunsStore } from '../training/runsStore';
import type { RunView } from '../training/runView';
import { Dialog } from './Dialog';
import { exportGraph } from './projectActions';
import { errorMessage } from '../../shared/errors/errorMessage';

/** "done · 97.8% · 14:32" or "stopped early, trained so far · 14:32": enough to tell runs apart. */
function runLabel(run: RunView): string {
  const time = new Date(run.startedAtMs).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  const how =
    run.status === 'stopped'
      ? 'stopped, weights so far'
      : `done · test accuracy ${formatPercent(run.result?.testAccuracy)}`;
  return `${run.title} · ${how} · started ${time}`;
}

/** Saves the bytes of a base64 .zip as a download, the web shell's way to hand over files. */
export function download(archive: { readonly name: string; readonly base64: string }): void {
  const bytes = Uint8Array.from(atob(archive.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = archive.name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser the URL long enough to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ExportDialogProps {
  readonly onClose: () => void;
  /** The open project's name: its runs (runs are titled after their project) are listed first. */
  readonly projectName: string;
}

/**
 * Export the drawn network or a trained run. The files land in a folder named after the project
 * and the time; in the web shell a Download button hands them over as one .zip.
 */
export function ExportDialog({ onClose, projectName }: ExportDialogProps) {
  const api = useRunsConnection();
  const order = useRunsStore((s) => s.order);
  const runs = useRunsStore((s) => s.runs);
  const [format, setFormat] = useState<ExportFormat>('keras-json');
  const [strategy, setStrategy] = useState<DistributionStrategy>('single');
  const [runId, setRunId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const formatId = useId();
  const strategyId = useId();
  const sourceId = useId();

  // Runs that hold a trained model: finished ones and ones stopped part way.
  const trained = order
    .map((id) => runs[id])
    .filter((r): r is RunView => r !== undefined && hasTrainedModel(r.status));
  const ownTitle = projectName.trim() || 'Untitled network';
  const own = trained.filter((r) => r.title === ownTitle);
  const others = trained.filter((r) => r.title !== ownTitle);

  return (
    <Dialog title="Export" onClose={onClose}>
      <form
        className="nc-export-form"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          setResult(null);
          setBusy(true);
          exportGraph(api, format, runId || null, strategy)
            .then(setResult, (err: unknown) => setError(errorMessage(err)))
            .finally(() => setBusy(false));
        }}
      >
        <label htmlFor={formatId}>Format</label>
        <select
          id={formatId}
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        {format === 'python' && (
          <>
            <label htmlFor={strategyId}>Train on</label>
            <select
              id={strategyId}
              value={strategy}
              onChange={(e) => setStrategy(e.target.value as DistributionStrategy)}
            >
              {DISTRIBUTION_STRATEGIES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={sourceId}>From</label>
        <select id={sourceId} value={runId} onChange={(e) => setRunId(e.target.value)}>
          <option value="">The network as drawn (no trained weights)</option>
          {own.length > 0 && (
            <optgroup label={`Trained runs of ${ownTitle}`}>
              {own.map((r) => (
                <option key={r.id} value={r.id}>
                  {runLabel(r)}
                </option>
              ))}
            </optgroup>
          )}
          {others.length > 0 && (
            <optgroup label="Trained runs of other projects">
              {others.map((r) => (
                <option key={r.id} value={r.id}>
                  {runLabel(r)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button type="submit" disabled={busy}>
          {busy ? 'Exporting…' : 'Export files'}
        </button>
      </form>
      {result && (
        <div role="status" className="nc-export-result">
          <p>{result.folder ? `Saved in the folder ${result.folder}:` : 'Written:'}</p>
          <ul aria-label="Exported files">
            {result.files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          {result.archive && (
            <button type="button" onClick={() => result.archive && download(result.archive)}>
              Download {result.archive.name}
            </button>
          )}
        </div>
      )}
      {error && <p role="alert">{error}</p>}
    </Dialog>
  );
}
