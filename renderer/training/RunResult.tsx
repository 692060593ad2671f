import type { DatasetInfo } from '../../shared/training/datasetTypes';
import { ConfusionMatrix } from './ConfusionMatrix';
import { formatCount, formatDuration, formatLoss, formatPercent } from './format';
import { PredictionGrid } from './PredictionGrid';
import type { PredictionGridProps } from './PredictionGrid';
import type { RunView } from './runView';
import { runTask } from './runTask';

/** A finished run: test accuracy and loss, the confusion matrix and the misread test images. */
export function RunResult({
  run,
  info,
  onLookInside,
}: {
  run: RunView;
  info: DatasetInfo | null;
  onLookInside?: PredictionGridProps['onLookInside'];
}) {
  const result = run.result;
  if (!result) return null;
  const classNames = info?.classNames ?? result.confusion.map((_, i) => String(i));
  // An autoencoder is judged by its reconstruction loss alone; its images are in the strip above.
  if (runTask(run) === 'reconstruct')
    return (
      <section className="nc-result" aria-label="Test result">
        <dl className="nc-metrics">
          <div>
            <dt>Test reconstruction loss</dt>
            <dd>{formatLoss(result.testLoss)}</dd>
          </div>
          <div>
            <dt>Training time</dt>
            <dd>{formatDuration(run.trainingMs)}</dd>
          </div>
          <div>
            <dt>Speed</dt>
            <dd>
              {run.samplesPerSecond === null
                ? '–'
                : `${formatCount(run.samplesPerSecond)} samples/s`}
            </dd>
          </div>
        </dl>
      </section>
    );
  return (
    <section className="nc-result" aria-label="Test result">
      <dl className="nc-metrics">
        <div>
          <dt>Test accuracy</dt>
          <dd>{formatPercent(result.testAccuracy)}</dd>
        </div>
        <div>
          <dt>Test loss</dt>
          <dd>{formatLoss(result.testLoss)}</dd>
        </div>
        <div>
          <dt>Training time</dt>
          <dd>{formatDuration(run.trainingMs)}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>
            {run.samplesPerSecond === null ? '–' : `${formatCount(run.samplesPerSecond)} samples/s`}
          </dd>
        </div>
        {run.bestEpoch !== null && (
          <div>
            <dt>Best epoch</dt>
            <dd>
              {run.bestEpoch}
              {run.stoppedEarly ? ' (stopped early)' : ''}
            </dd>
          </div>
        )}
      </dl>
      <ConfusionMatrix
        confusion={result.confusion}
        classNames={classNames}
        perClassAccuracy={result.perClassAccuracy}
        mistakes={
          info && run.status === 'done'
            ? { runId: run.id, shape: info.inputShape, onLookInside }
            : undefined
        }
      />
      <PredictionGrid
        result={result}
        classNames={classNames}
        shape={info?.inputShape ?? null}
        onLookInside={onLookInside}
      />
    </section>
  );
}
