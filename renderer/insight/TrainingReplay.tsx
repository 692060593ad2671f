import { Slider } from 'radix-ui';
import { useEffect, useId, useState } from 'react';
import type { EpochSnapshots } from '../../shared/training/epochSnapshots';
import { bestEpochReason } from '../../shared/training/bestEpoch';
import { useBackend } from '../backend/useBackend';
import { ConfusionMatrix } from '../training/ConfusionMatrix';
import { formatPercent } from '../training/format';
import { FeatureMaps } from './FeatureMaps';
import { KernelImages } from './KernelsAndHistograms';
import { ReplayActions } from './ReplayActions';
import { REPLAY_CONFUSION_SAMPLES, useReplayEpoch } from './useReplayEpoch';
import { errorMessage } from '../../shared/errors/errorMessage';

export interface TrainingReplayProps {
  readonly runId: string;
  /** The input the Insight view shows (drawn or picked), or null before there is one. */
  readonly pixels: readonly number[] | null;
  readonly classNames: readonly string[];
}

/** Accessible names in the replay start with this, so they differ from the run's own view above. */
const PREFIX = 'Replay: ';

/** 2 → "2nd", 11 → "11th". */
const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/**
 * "Training replay": an Epoch slider over the epochs whose weights the run kept, showing the
 * current input's class probabilities, the feature maps, the kernels and the confusion matrix as
 * they were after that epoch; the best epoch marked, exportable, and usable as the run's model.
 */
export function TrainingReplay({ runId, pixels, classNames }: TrainingReplayProps) {
  const api = useBackend();
  const [snapshots, setSnapshots] = useState<EpochSnapshots | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  const labelId = useId();
  useEffect(() => {
    let live = true;
    api.epochSnapshots(runId).then(
      (s) => {
        if (!live) return;
        setSnapshots(s);
        // Start at the best epoch when it was kept, else at the last one.
        const at = s.best ? s.epochs.indexOf(s.best.epoch) : -1;
        setIndex(s.epochs.length === 0 ? null : at >= 0 ? at : s.epochs.length - 1);
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, runId]);
  const epochs = snapshots?.epochs ?? [];
  const epoch = index === null ? null : (epochs[index] ?? null);
  const { view, confusion, error } = useReplayEpoch(api, runId, epoch, pixels);
  const best = snapshots?.best ?? null;
  const last = epochs[epochs.length - 1] ?? 0;

  let body;
  if (loadError) body = <p role="alert">{`The kept epochs could not be listed: ${loadError}`}</p>;
  else if (!snapshots)
    body = <p className="nc-insight-note">Looking for the epochs this run kept…</p>;
  else if (epochs.length === 0 || epoch === null || index === null)
    body = (
      <p className="nc-insight-note">{snapshots.note ?? 'This run kept no epoch to replay.'}</p>
    );
  else {
    const probabilities = view?.prediction?.probabilities ?? [];
    const top = probabilities.indexOf(Math.max(...probabilities));
    body = (
      <>
        <div className="nc-replay-slider">
          <span id={labelId}>Epoch</span>
          <Slider.Root
            className="nc-smoothing nc-replay-track"
            min={0}
            max={Math.max(1, epochs.length - 1)}
            step={1}
            value={[index]}
            disabled={epochs.length < 2}
            onValueChange={([v]) => setIndex(Math.min(epochs.length - 1, Math.max(0, v ?? 0)))}
            aria-labelledby={labelId}
          >
            <Slider.Track className="nc-smoothing-track">
              <Slider.Range className="nc-smoothing-range" />
            </Slider.Track>
            <Slider.Thumb
              className="nc-smoothing-thumb"
              aria-label="Epoch"
              aria-valuetext={`Epoch ${epoch} of ${last}${best?.epoch === epoch ? ', the best' : ''}`}
            />
          </Slider.Root>
          <span className="nc-replay-epoch">{`After epoch ${epoch} of ${last}`}</span>
        </div>
        <ol className="nc-replay-ticks" aria-label="Kept epochs">
          {epochs.map((e, i) => (
            <li key={e}>
              <button
                type="button"
                className="nc-link"
                aria-pressed={i === index}
                onClick={() => setIndex(i)}
              >
                {best?.epoch === e ? `${e} ★` : String(e)}
              </button>
            </li>
          ))}
        </ol>
        {best && (
          <p className="nc-insight-note">
            {`Best epoch ${best.epoch}: the ${bestEpochReason(best)} (${best.value.toFixed(4)}).`}
            {snapshots.every !== null && snapshots.every > 1
              ? ` To stay within 200 MB this run kept every ${ordinal(snapshots.every)} epoch, plus the first, the best and the last.`
              : ''}
          </p>
        )}
        {snapshots.note && <p className="nc-insight-note">{snapshots.note}</p>}
        {error && <p role="alert">{error}</p>}
        <ReplayActions runId={runId} epoch={epoch} snapshots={snapshots} onChanged={setSnapshots} />
        {view === null ? (
          <p className="nc-insight-note">{`Loading epoch ${epoch}…`}</p>
        ) : (
          <div className="nc-replay-view" data-epoch={view.epoch} data-ms={Math.round(view.ms)}>
            {view.prediction ? (
              <ol
                className="nc-insight-probabilities"
                aria-label={`${PREFIX}probabilities after epoch ${view.epoch}`}
              >
                {probabilities.map((p, i) => (
                  <li key={i} aria-current={i === top ? 'true' : undefined}>
                    <span>{classNames[i] ?? String(i)}</span>
                    <meter
                      min={0}
                      max={1}
                      value={p}
                      aria-label={`${classNames[i] ?? String(i)} after epoch ${view.epoch}`}
                    />
                    <span>{`${(p * 100).toFixed(1)}%`}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="nc-insight-note">
                Draw a digit or pick a test image to see how the network answered it after each
                epoch.
              </p>
            )}
            {view.prediction && (
              <FeatureMaps
                activations={view.prediction.activations}
                leftOut={view.prediction.leftOut}
                labelPrefix={PREFIX}
              />
            )}
            <KernelImages kernels={view.kernels} labelPrefix={PREFIX} />
          </div>
        )}
        {confusion ? (
          <section aria-label={`${PREFIX}confusion matrix after epoch ${confusion.epoch}`}>
            <h4>{`After epoch ${confusion.epoch}: ${formatPercent(confusion.accuracy)} right on the first ${confusion.samples.toLocaleString('en-US')} test images`}</h4>
            <ConfusionMatrix
              confusion={confusion.confusion}
              classNames={classNames}
              perClassAccuracy={confusion.perClassAccuracy}
            />
          </section>
        ) : (
          <p className="nc-insight-note">{`Scoring epoch ${epoch} on the first ${REPLAY_CONFUSION_SAMPLES.toLocaleString('en-US')} test images…`}</p>
        )}
      </>
    );
  }
  return (
    <section className="nc-replay" role="region" aria-label="Training replay">
      <h3>Training replay</h3>
      {body}
    </section>
  );
}
