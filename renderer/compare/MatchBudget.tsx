import { useId, useState } from 'react';
import type { RunRequest } from '../../shared/api/backendApi';
import { BudgetError, matchBudget } from '../../shared/insight/matchBudget';
import type { BudgetMatch } from '../../shared/insight/matchBudget';
import { formatCount } from '../training/format';
import { useBackend } from '../backend/useBackend';
import { useRunsStore } from '../training/runsStore';
import { errorMessage } from '../../shared/errors/errorMessage';

/** "Conv2D 32 → MaxPooling2D → Flatten → Dense 153 → Dense 10": the matched network at a glance. */
function layersLine(match: BudgetMatch): string {
  return match.graph.nodes
    .filter((n) => n.type !== 'InputLayer')
    .map((n) => {
      const size = n.params['units'] ?? n.params['filters'];
      return typeof size === 'number' ? `${n.type} ${size}` : n.type;
    })
    .join(' → ');
}

/**
 * "Match parameter budget": for a run's CNN, a feed-forward network with about as many parameters
 * (or the other way round), trained with the same data and settings, so that the comparison is fair.
 */
export function MatchBudget() {
  const api = useBackend();
  const id = useId();
  const order = useRunsStore((s) => s.order);
  const runs = useRunsStore((s) => s.runs);
  const candidates = order.flatMap((rid) => {
    const run = runs[rid];
    return run?.request ? [{ id: rid, title: run.title, request: run.request }] : [];
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [match, setMatch] = useState<{
    readonly source: RunRequest;
    readonly match: BudgetMatch;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  if (candidates.length === 0) return null;
  const source = candidates.find((c) => c.id === chosen) ?? candidates[0];

  const build = () => {
    setStarted(null);
    if (!source) return;
    try {
      setMatch({ source: source.request, match: matchBudget(source.request.graph) });
      setError(null);
    } catch (e) {
      setMatch(null);
      setError(
        e instanceof BudgetError
          ? e.message
          : `The network could not be matched: ${errorMessage(e)}`,
      );
    }
  };
  const train = () => {
    if (!match || !source) return;
    const { backendChoice, registerRun, registerRejected, compare } = useRunsStore.getState();
    const request: RunRequest = {
      ...match.source,
      title: `${match.match.title} (matches ${match.source.title})`,
      graph: match.match.graph,
      backend: backendChoice,
    };
    api.startRun(request).then(
      (runId) => {
        registerRun(runId, request, match.match.params);
        // The fair pair, side by side: the original and its match.
        compare([source.id, runId]);
        setStarted(request.title);
      },
      (e: unknown) => {
        registerRejected(request, errorMessage(e));
        setError(`The matched network could not start: ${errorMessage(e)}`);
      },
    );
  };
  const m = match?.match;
  const off = m ? (100 * (m.params - m.target)) / m.target : 0;
  return (
    <section className="nc-fair" aria-label="Match parameter budget">
      <h3>A fair experiment: the same number of parameters</h3>
      <p className="nc-note">
        A CNN beats a feed-forward network, but is it only because of its size? Build the other kind
        of network with about as many weights, train it the same way, and compare.
      </p>
      <div className="nc-field">
        <label htmlFor={`${id}-run`}>Network to match</label>
        <select
          id={`${id}-run`}
          value={source?.id ?? ''}
          onChange={(e) => (setChosen(e.target.value), setMatch(null))}
        >
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={build}>
          Match parameter budget
        </button>
      </div>
      {error && (
        <p className="nc-error" role="alert">
          {error}
        </p>
      )}
      {m && (
        <div className="nc-fair-match" role="group" aria-label="Matched network">
          <p>
            <strong>{m.title}</strong>
            {`: ${formatCount(m.params)} parameters against ${formatCount(m.target)} (${off >= 0 ? '+' : ''}${off.toFixed(1)}%)`}
          </p>
          <p className="nc-note">{layersLine(m)}</p>
          <button type="button" className="nc-primary" onClick={train} disabled={started !== null}>
            Train it with the same data and settings
          </button>
          {started && (
            <p role="status">{`Training “${started}”; both runs are picked for comparison.`}</p>
          )}
        </div>
      )}
    </section>
  );
}
