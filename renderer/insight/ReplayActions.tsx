import { useState } from 'react';
import type { ExportResult } from '../../shared/api/backendApi';
import type { EpochSnapshots } from '../../shared/training/epochSnapshots';
import { useBackend } from '../backend/useBackend';
import { Dialog } from '../shell/Dialog';
import { download } from '../shell/ExportDialog';
import { errorMessage } from '../../shared/errors/errorMessage';

export interface ReplayActionsProps {
  readonly runId: string;
  /** The epoch the replay shows. */
  readonly epoch: number;
  readonly snapshots: EpochSnapshots;
  /** The run's model changed: the new list of kept epochs. */
  readonly onChanged: (snapshots: EpochSnapshots) => void;
}

/**
 * What a learner can do with a replayed epoch: export its weights (the best epoch's in one
 * click) through the same export as the run's model, or make them the run's model, after a plain
 * confirmation; the final weights are kept, so nothing is lost.
 */
export function ReplayActions({ runId, epoch, snapshots, onChanged }: ReplayActionsProps) {
  const api = useBackend();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{
    readonly text: string;
    readonly result?: ExportResult;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const best =
    snapshots.best && snapshots.epochs.includes(snapshots.best.epoch) ? snapshots.best.epoch : null;

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    work()
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  const exportEpoch = (e: number) =>
    run(async () => {
      const result = await api.exportModel({
        source: { runId, epoch: e },
        format: 'tfjs',
        path: null,
      });
      setDone({
        text: `Epoch ${e}'s weights were exported to ${result.folder ?? result.files[0] ?? 'the export folder'}.`,
        result,
      });
    });
  const useAsModel = () =>
    run(async () => {
      setConfirming(false);
      const next = await api.useEpoch(runId, epoch);
      onChanged(next);
      setDone({
        text: `The run's model is now the weights after epoch ${epoch}. The final weights are kept beside them.`,
      });
    });

  return (
    <div className="nc-replay-actions">
      <button type="button" disabled={busy} onClick={() => exportEpoch(epoch)}>
        Export this epoch
      </button>
      {best !== null && (
        <button type="button" disabled={busy} onClick={() => exportEpoch(best)}>
          {`Export the best epoch (${best})`}
        </button>
      )}
      <button
        type="button"
        disabled={busy || snapshots.modelEpoch === epoch}
        onClick={() => setConfirming(true)}
      >
        Use as the run’s model
      </button>
      {snapshots.modelEpoch !== null && (
        <p className="nc-insight-note">{`The run’s model holds the weights after epoch ${snapshots.modelEpoch}.`}</p>
      )}
      {done && (
        <p role="status">
          {done.text}
          {done.result?.archive && (
            <button
              type="button"
              className="nc-link"
              onClick={() => done.result?.archive && download(done.result.archive)}
            >
              {`Download ${done.result.archive.name}`}
            </button>
          )}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {confirming && (
        <Dialog
          title={`Use epoch ${epoch} as the run’s model?`}
          onClose={() => setConfirming(false)}
        >
          <p>
            {`Predictions, Insight and exports of this run will use the weights as they were after epoch ${epoch}. `}
            The run’s final weights are kept as a snapshot beside them, so nothing is lost. The test
            result on the Train tab stays the final weights’ result.
          </p>
          <div className="nc-dialog-actions">
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="nc-primary" onClick={useAsModel}>
              {`Use epoch ${epoch}`}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
