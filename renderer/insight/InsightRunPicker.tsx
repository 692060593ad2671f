import { hasTrainedModel } from '../../shared/api/backendApi';
import { RECONSTRUCTION_LOSS_WORDS } from '../../shared/training/task';
import { datasetLabel } from '../compare/runSummary';
import { formatLoss, formatPercent } from '../training/format';
import { runTask } from '../training/runTask';
import { useRunsStore } from '../training/runsStore';

/**
 * Insight without a chosen run: the finished runs (and stopped ones, which keep their model),
 * each with a button to look inside it; or, before any, what to do first.
 */
export function InsightRunPicker({ onChosen }: { onChosen?: () => void } = {}) {
  const order = useRunsStore((s) => s.order);
  const runs = useRunsStore((s) => s.runs);
  const setActive = useRunsStore((s) => s.setActive);
  const trained = order.flatMap((id) => {
    const run = runs[id];
    return run && hasTrainedModel(run.status) ? [run] : [];
  });
  return (
    <main className="nc-insight-empty" aria-label="Insight">
      <section className="nc-card" aria-label="Choose a run to look inside">
        <h2>Look inside a trained network</h2>
        {trained.length === 0 ? (
          <p>
            No trained run yet. Train a network on the Train tab; once its run is done (or stopped),
            choose it here to draw a digit, see what it predicts and what each layer sees.
          </p>
        ) : (
          <>
            <p>Choose a run: draw or pick an input and watch every layer answer, cell by cell.</p>
            <ul className="nc-insight-runs">
              {trained.map((run) => (
                <li key={run.id}>
                  <div>
                    <strong>{run.title}</strong>
                    <span className="nc-insight-note">
                      {[
                        datasetLabel(run.request?.dataset),
                        run.totalParams !== null
                          ? `${run.totalParams.toLocaleString('en-US')} parameters`
                          : null,
                        // An autoencoder has no accuracy: its test score is the reconstruction loss.
                        !run.result
                          ? run.status
                          : runTask(run) === 'reconstruct'
                            ? `test ${RECONSTRUCTION_LOSS_WORDS} ${formatLoss(run.result.testLoss)}`
                            : `test accuracy ${formatPercent(run.result.testAccuracy)}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </div>
                  <button
                    type="button"
                    className="nc-primary"
                    aria-label={`Look inside ${run.title}`}
                    onClick={() => {
                      setActive(run.id);
                      onChosen?.();
                    }}
                  >
                    Look inside
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
