import { useState } from 'react';
import type { ExportResult } from '../../shared/api/backendApi';
import type { EpochSnapshots } from '../../shared/training/epochSnapshots';
import type { ConfusionResult } from '../../shared/training/runEvents';
import { RECONSTRUCTION_LOSS_WORDS } from '../../shared/training/task';
import { formatLoss, formatPercent } from '../training/format';
import { runTask } from '../training/runTask';
import { useRunsConnection, useRunsStore } from '../training/runsStore';
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
 * confirmation; the final weights are kept, so nothing is lost, and "Restore the final weights"
 * brings them back. Either way the backend scores the test set again, so the run's test result
 * (dashboard, run list, Compare) is its model's; the new score is shown here once it arrives.
 */
export function ReplayActions({ runId, epoch, snapshots, onChanged }: ReplayActionsProps) {
  const api = useRunsConnection();
  const run = useRunsStore((s) => s.runs[runId]);
  const result = run?.result ?? null;
  // The test result before the model last changed: a different one is the new weights' score.
  const [scoredFrom, setScoredFrom] = useState<ConfusionResult | null | undefined>(undefined);
  const rescored = scoredFrom !== undefined && result !== null && result !== scoredFrom;
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{
    readonly text: string;
    readonly result?: ExportResult;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // True while the run's model changes (and its test set is scored again).
  const [changing, setChanging] = useState(false);
  const best =
    snapshots.best && snapshots.epochs.includes(snapshots.best.epoch) ? snapshots.best.epoch : null;

  const work = (task: () => Promise<void>, changesModel = false) => {
    setBusy(true);
    setChanging(changesModel);
    setError(null);
    setDone(null);
    task()
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => {
        setBusy(false);
        setChanging(false);
      });
  };
  const exportEpoch = (e: number) =>
    work(async () => {
      const exported = await api.exportModel({
        source: { runId, epoch: e },
        format: 'tfjs',
        path: null,
      });
      setDone({
        text: `Epoch ${e}'s weights were exported to ${exported.folder ?? exported.files[0] ?? 'the export folder'}.`,
        result: exported,
      });
    });
  const useAsModel = () =>
    work(async () => {
      setConfirming(false);
      setScoredFrom(result);
      const next = await api.useEpoch(runId, epoch);
      onChanged(next);
      setDone({
        text: `The run's model is now the weights after epoch ${epoch}. The final weights are kept beside them.`,
      });
    }, true);
  const restoreFinal = () =>
    work(async () => {
      setScoredFrom(result);
      const next = await api.restoreFinalWeights(runId);
      onChanged(next);
      setDone({ text: "The run's model holds its final weights again." });
    }, true);
  const score =
    rescored &&
    (run && runTask(run) === 'reconstruct'
      ? `test ${RECONSTRUCTION_LOSS_WORDS} ${formatLoss(result.testLoss)}`
      : `test accuracy ${formatPercent(result.testAccuracy)}, test loss ${formatLoss(result.testLoss)}`);

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
        <button type="button" disabled={busy} onClick={restoreFinal}>
          Restore the final weights
        </button>
      )}
      {snapshots.modelEpoch !== null && (
        <p className="nc-insight-note">{`The run’s model holds the weights after epoch ${snapshots.modelEpoch}.`}</p>
      )}
      {changing && result !== null && (
        <p className="nc-insight-note">Scoring the test set with the new weights…</p>
      )}
      {score && (
        <p className="nc-insight-note">{`The run’s test result, scored again with the weights it now holds: ${score}.`}</p>
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
            The run’s final weights are kept as a snapshot beside them, so nothing is lost. The
            run’s test result is scored again with these weights, on the Train tab and in Compare
            too.
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
