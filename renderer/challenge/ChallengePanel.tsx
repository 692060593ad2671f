import { CircleCheck, CircleDashed, CircleX, Lightbulb, Lock, Trophy } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ChallengeFile } from '../../shared/challenges/challengeFile';
import type { ConditionState } from '../../shared/challenges/checkChallenge';
import { checkChallenge } from '../../shared/challenges/checkChallenge';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { GraphReport } from '../../shared/graph/inferGraph';
import type { Graph } from '../../shared/graph/types';
import { useProjectStore } from '../state/projectStore';
import { useGraphReport } from '../state/useGraphReport';
import { useRunsStore } from '../training/runsStore';
import './challenge.css';

/** Each state in words and as an icon: never colour alone. */
const STATES: Record<ConditionState, { word: string; icon: LucideIcon }> = {
  met: { word: 'met', icon: CircleCheck },
  unmet: { word: 'not met', icon: CircleX },
  unknown: { word: 'not yet known', icon: CircleDashed },
};

/** A run's own network, inferred once (the canvas may have changed since it trained). */
const runReports = new WeakMap<Graph, GraphReport>();
function runReport(graph: Graph): GraphReport {
  let report = runReports.get(graph);
  if (!report) runReports.set(graph, (report = inferGraph(graph)));
  return report;
}

function Hints({ hints }: { hints: readonly string[] }) {
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <div className="nc-challenge-hints">
      {shown > 0 && (
        <ol aria-label="Hints">
          {hints.slice(0, shown).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" className="nc-button" onClick={() => setShown(shown + 1)}>
          <Lightbulb aria-hidden size={16} />
          {shown === 0 ? 'Show a hint' : 'Show another hint'} ({shown + 1} of {hints.length})
        </button>
      )}
    </div>
  );
}

function Conditions({ challenge }: { challenge: ChallengeFile }) {
  const { graph, report } = useGraphReport();
  const dataset = useProjectStore((s) => s.project?.dataset);
  const training = useProjectStore((s) => s.project?.training);
  const runs = useRunsStore((s) => s.runs);
  const order = useRunsStore((s) => s.order);
  const openedAtMs = useProjectStore((s) => s.openedAtMs);
  const results = useMemo(() => {
    if (!dataset || !training) return [];
    // Oldest first: the checker explains the last run that does not count. Only runs started
    // since this project was opened are the learner's tries at this challenge.
    const chronological = [...order]
      .reverse()
      .flatMap((id) => (runs[id] ? [runs[id]] : []))
      .filter((r) => r.startedAtMs >= openedAtMs);
    return checkChallenge(
      challenge,
      { graph, report, dataset, training },
      chronological,
      runReport,
    );
  }, [challenge, graph, report, dataset, training, runs, order, openedAtMs]);
  const done = results.length > 0 && results.every((r) => r.state === 'met');
  return (
    <>
      <ul className="nc-challenge-conditions" aria-label="Conditions">
        {results.map((r) => {
          const { word, icon: Icon } = STATES[r.state];
          return (
            <li key={r.id} className={`nc-challenge-${r.state}`} data-condition={r.id}>
              <Icon aria-hidden size={18} className="nc-challenge-icon" />
              <span>
                <strong>{r.label}</strong>: {word}
                <span className="nc-challenge-detail"> ({r.detail})</span>
              </span>
            </li>
          );
        })}
      </ul>
      {done && (
        <p className="nc-challenge-done" role="status">
          <Trophy aria-hidden size={18} /> Challenge complete: every condition is met.
        </p>
      )}
    </>
  );
}

/**
 * The open project's challenge: its goal, each condition met / not met / not yet known (the
 * network's conditions as it is edited, the accuracy once a run that counts has finished), why an
 * edit of a locked block was refused, and hints one at a time. Nothing without a challenge.
 */
export function ChallengePanel() {
  const challenge = useProjectStore((s) => s.project?.challenge);
  const lockNotice = useProjectStore((s) => s.lockNotice);
  if (!challenge) return null;
  return (
    <section className="nc-challenge" role="region" aria-label="Challenge">
      <h2>
        <Trophy aria-hidden size={18} /> {challenge.title}
      </h2>
      {challenge.description && <p className="nc-challenge-description">{challenge.description}</p>}
      <Conditions challenge={challenge} />
      <p className="nc-challenge-notice" role="status">
        {lockNotice && (
          <>
            <Lock aria-hidden size={16} /> {lockNotice}
          </>
        )}
      </p>
      <Hints key={challenge.title} hints={challenge.hints ?? []} />
    </section>
  );
}
