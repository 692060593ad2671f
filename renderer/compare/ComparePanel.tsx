import type { ProjectFile } from '../../shared/project/projectFile';
import { useRunsConnection, useRunsStore } from '../training/runsStore';
import type { RunView } from '../training/runView';
import '../training/training.css';
import { CompareCharts } from './CompareCharts';
import { lowestLossEpoch } from '../../shared/training/bestEpoch';
import { CompareTable } from './CompareTable';
import './fairExperiment.css';
import { LessonCard } from './LessonCard';
import { MatchBudget } from './MatchBudget';
import { Robustness } from './Robustness';
import { RunsList } from './RunsList';
import { comparisonRow } from './runSummary';
import { runTask } from '../training/runTask';

/**
 * Colour-blind-safe line colours (Okabe–Ito), one per compared run. The seventh is a mid grey in
 * place of Okabe–Ito's black, which vanished on the dark theme's panels (3:1 or more on both).
 */
export const RUN_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#8a8a8a',
];

export interface ComparePanelProps {
  /** Opens a project on the canvas; with it, an empty runs list offers the lesson. */
  readonly onOpenProject?: (project: ProjectFile) => void;
}

/** The runs list; tick two or more and press Compare to overlay their curves and line up their numbers. */
export function ComparePanel({ onOpenProject }: ComparePanelProps = {}) {
  useRunsConnection();
  const runs = useRunsStore((s) => s.runs);
  const noRuns = useRunsStore((s) => s.order.length === 0);
  const selection = useRunsStore((s) => s.selection);
  const comparing = useRunsStore((s) => s.comparing);
  const loadError = useRunsStore((s) => s.loadError);
  const setComparing = useRunsStore((s) => s.setComparing);
  const picked = selection.map((id) => runs[id]).filter((r): r is RunView => r !== undefined);
  const showing = comparing && picked.length >= 2;
  return (
    <div className="nc-compare">
      {loadError && (
        <p className="nc-error" role="alert">
          {loadError}
        </p>
      )}
      <RunsList />
      {/* Nothing to compare yet: the classic comparison is one click away. */}
      {noRuns && onOpenProject && (
        <LessonCard onOpenProject={onOpenProject} onShowCompare={() => undefined} />
      )}
      <div className="nc-run-controls">
        <button
          type="button"
          className="nc-primary"
          disabled={picked.length < 2}
          onClick={() => setComparing(true)}
        >
          Compare
        </button>
        <span className="nc-note">
          {picked.length < 2
            ? 'Pick two or more runs to compare them.'
            : `${picked.length} runs picked.`}
        </span>
      </div>
      {showing && (
        <section className="nc-comparison" aria-label="Comparison">
          <CompareTable rows={picked.map(comparisonRow)} colors={RUN_COLORS} />
          {picked
            .filter((r) => r.error)
            .map((r) => (
              <p key={r.id} className="nc-run-error" role="alert">
                {r.title} failed: {r.error?.message}
              </p>
            ))}
          <CompareCharts
            runs={picked.map((r) => ({
              id: r.id,
              title: r.title,
              epochs: r.request?.settings.epochs ?? r.epochsPlanned,
              task: runTask(r),
              best: lowestLossEpoch(r.epochs),
            }))}
            colors={RUN_COLORS}
          />
          <Robustness runs={picked} colors={RUN_COLORS} />
        </section>
      )}
      <MatchBudget />
    </div>
  );
}
