import { useState } from 'react';
import { hasTrainedModel } from '../../shared/api/backendApi';
import { ROBUSTNESS_CONDITIONS } from '../../shared/insight/robustness';
import type { RobustnessScores } from '../../shared/insight/robustness';
import { useBackend } from '../backend/useBackend';
import { formatPercent } from '../training/format';
import type { RunView } from '../training/runView';
import { errorMessage } from '../../shared/errors/errorMessage';

/** How many test images each copy holds: the same first ones for every run, enough for a steady percentage. */
export const ROBUSTNESS_SAMPLES = 2000;

/**
 * "Robustness": each compared run's accuracy on the untouched test images and on copies shifted,
 * rotated, noisy and inverted, side by side: the lesson's claim as numbers the learner produced.
 */
export function Robustness({
  runs,
  colors,
  samples = ROBUSTNESS_SAMPLES,
}: {
  runs: readonly RunView[];
  colors: readonly string[];
  samples?: number;
}) {
  const api = useBackend();
  const [scores, setScores] = useState<Readonly<Record<string, RobustnessScores | string>>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const ready = runs.filter((r) => hasTrainedModel(r.status));
  const score = async () => {
    setScores({});
    for (const run of ready) {
      setBusy(run.title);
      try {
        const s = await api.robustness(run.id, samples);
        setScores((all) => ({ ...all, [run.id]: s }));
      } catch (e) {
        setScores((all) => ({ ...all, [run.id]: errorMessage(e) }));
      }
    }
    setBusy(null);
  };
  const scored = runs.filter((r) => scores[r.id] !== undefined);
  return (
    <section className="nc-robustness" aria-label="Robustness">
      <h3>Robustness: the same test images, moved and disturbed</h3>
      <p className="nc-note">{`Each run answers the first ${samples.toLocaleString('en-US')} test images as they are, shifted by 2 and by 4 pixels, rotated by ±15°, with noise, and inverted.`}</p>
      <button
        type="button"
        className="nc-primary"
        disabled={busy !== null || ready.length === 0}
        onClick={() => void score()}
      >
        Score robustness
      </button>
      {ready.length < runs.length && (
        <p className="nc-note">Runs still training, or failed, are left out.</p>
      )}
      {busy && <p role="status">{`Scoring ${busy}…`}</p>}
      {scored.length > 0 && (
        <table className="nc-robustness-table">
          <caption>Test accuracy on each copy</caption>
          <thead>
            <tr>
              <th scope="col">test images</th>
              {scored.map((r) => (
                <th
                  key={r.id}
                  scope="col"
                  style={{
                    borderBottom: `3px solid ${colors[runs.indexOf(r) % colors.length] ?? '#8a8a8a'}`,
                  }}
                >
                  {r.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROBUSTNESS_CONDITIONS.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                {scored.map((r) => {
                  const s = scores[r.id];
                  if (typeof s === 'string')
                    return <td key={r.id}>{c.id === 'original' ? s : ''}</td>;
                  const v = s?.accuracy[c.id];
                  return (
                    <td key={r.id}>
                      <span
                        className="nc-robustness-bar"
                        style={{ width: `${Math.round((v ?? 0) * 100)}%` }}
                        aria-hidden="true"
                      />
                      <span>{formatPercent(v)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
