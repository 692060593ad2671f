import type { RunRequest, RunStatus } from '../api/backendApi';
import type { GraphReport } from '../graph/inferGraph';
import type { Graph } from '../graph/types';
import type { DatasetRef } from '../training/datasetTypes';
import type { TrainingSettings } from '../training/settings';
import { withCommas } from '../summary/readableSize';
import { DATASET_KINDS } from '../training/datasetKinds';
import type { ChallengeFile, FixedSettings } from './challengeFile';

/** Whether a condition holds: `unknown` until it can be judged (no finished run yet, a broken graph). */
export type ConditionState = 'met' | 'unmet' | 'unknown';

/** One line of the Challenge panel. */
export interface ConditionResult {
  /** Stable: `dataset`, `maxParams`, `maxEpochs`, `required:Conv2D`, `forbidden:Dense`, `max:Dense`, `minTestAccuracy`. */
  readonly id: string;
  /** The condition in words: "At most 20,000 parameters". */
  readonly label: string;
  readonly state: ConditionState;
  /** Where the learner stands: "30,762 now", "no finished run yet". */
  readonly detail: string;
}

/** What the learner has now: the network, its inferred report, the data set and the settings. */
export interface ChallengeWork {
  readonly graph: Graph;
  readonly report: GraphReport;
  readonly dataset: DatasetRef;
  readonly training: TrainingSettings;
}

/** What the checker reads of a run (a RunRecord, or the renderer's view of one). */
export interface ChallengeRun {
  readonly status: RunStatus;
  /** Null while only the run's events are known. */
  readonly request: Pick<RunRequest, 'graph' | 'dataset' | 'settings'> | null;
  readonly result: { readonly testAccuracy: number } | null;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

const countOf = (graph: Graph, type: string) => graph.nodes.filter((n) => n.type === type).length;

/** The settings of `training` that differ from the challenge's fixed ones, by name. */
export function brokenFixedSettings(
  fixed: FixedSettings | undefined,
  training: TrainingSettings,
): string[] {
  return Object.entries(fixed ?? {})
    .filter(([k, v]) => training[k as keyof TrainingSettings] !== v)
    .map(([k]) => k);
}

/** The conditions that depend only on the network: parameters and layer classes. */
function buildConditions(
  challenge: ChallengeFile,
  graph: Graph,
  report: GraphReport,
): ConditionResult[] {
  const { goal } = challenge;
  const out: ConditionResult[] = [];
  if (goal.maxParams !== undefined) {
    const total = report.totals.total;
    out.push({
      id: 'maxParams',
      label: `At most ${withCommas(goal.maxParams)} parameters`,
      state: report.ok ? (total <= goal.maxParams ? 'met' : 'unmet') : 'unknown',
      detail: report.ok ? `${withCommas(total)} now` : 'fix the network’s errors to count them',
    });
  }
  for (const type of goal.requiredLayers ?? []) {
    const n = countOf(graph, type);
    out.push({
      id: `required:${type}`,
      label: `Uses a ${type} layer`,
      state: n > 0 ? 'met' : 'unmet',
      detail: n > 0 ? `${n} now` : 'none yet',
    });
  }
  for (const type of goal.forbiddenLayers ?? []) {
    const n = countOf(graph, type);
    out.push({
      id: `forbidden:${type}`,
      label: `No ${type} layer`,
      state: n === 0 ? 'met' : 'unmet',
      detail: n === 0 ? 'none' : `${n} now`,
    });
  }
  for (const [type, max] of Object.entries(goal.maxLayers ?? {})) {
    const n = countOf(graph, type);
    out.push({
      id: `max:${type}`,
      label: `At most ${max} ${type} layer${max === 1 ? '' : 's'}`,
      state: n <= max ? 'met' : 'unmet',
      detail: `${n} now`,
    });
  }
  return out;
}

/**
 * Why a finished run does not count for the accuracy condition, or null when it does: trained on
 * another data set, with more epochs than allowed, with a fixed setting changed, or a network that
 * breaks the parameter or layer conditions.
 */
export function runDoesNotCount(
  challenge: ChallengeFile,
  run: ChallengeRun,
  report: GraphReport,
): string | null {
  const { goal } = challenge;
  const { request } = run;
  if (!request) return 'its settings are not known yet';
  if (request.dataset.kind !== goal.dataset) return `trained on another data set`;
  if (goal.maxEpochs !== undefined && request.settings.epochs > goal.maxEpochs)
    return `trained for more than ${goal.maxEpochs} epoch${goal.maxEpochs === 1 ? '' : 's'}`;
  const broken = brokenFixedSettings(challenge.fixedSettings, request.settings);
  if (broken.length > 0) return `a fixed setting was changed (${broken.join(', ')})`;
  if (buildConditions(challenge, request.graph, report).some((c) => c.state !== 'met'))
    return `its network breaks a condition above`;
  return null;
}

/**
 * Every condition of `challenge` for the learner's work now, plus the accuracy from `runs`: met by
 * a finished run that counts (see {@link runDoesNotCount}) with a test accuracy at least the goal's.
 * `reportOf` infers a run's own network (the learner may have edited the canvas since).
 */
export function checkChallenge(
  challenge: ChallengeFile,
  work: ChallengeWork,
  runs: readonly ChallengeRun[] = [],
  reportOf: (graph: Graph) => GraphReport = () => work.report,
): ConditionResult[] {
  const { goal } = challenge;
  const out: ConditionResult[] = [
    {
      id: 'dataset',
      label: `Trained on ${DATASET_KINDS[goal.dataset].title}`,
      state: work.dataset.kind === goal.dataset ? 'met' : 'unmet',
      detail: work.dataset.kind === goal.dataset ? 'chosen' : `${work.dataset.kind} chosen`,
    },
    ...buildConditions(challenge, work.graph, work.report),
  ];
  if (goal.maxEpochs !== undefined)
    out.push({
      id: 'maxEpochs',
      label: `At most ${goal.maxEpochs} training epoch${goal.maxEpochs === 1 ? '' : 's'}`,
      state: work.training.epochs <= goal.maxEpochs ? 'met' : 'unmet',
      detail: `${work.training.epochs} set`,
    });
  if (goal.minTestAccuracy !== undefined) {
    const finished = runs.filter((r) => r.status === 'done' && r.result);
    const verdict = (r: ChallengeRun) =>
      runDoesNotCount(challenge, r, reportOf(r.request?.graph ?? work.graph));
    const counting = finished.filter((r) => verdict(r) === null);
    const best = Math.max(...counting.map((r) => r.result?.testAccuracy ?? 0));
    const label = `At least ${percent(goal.minTestAccuracy)} test accuracy`;
    if (counting.length === 0) {
      const last = finished.at(-1);
      const why = last ? verdict(last) : null;
      out.push({
        id: 'minTestAccuracy',
        label,
        state: 'unknown',
        detail: why ? `the last run does not count: ${why}` : 'train to find out',
      });
    } else
      out.push({
        id: 'minTestAccuracy',
        label,
        state: best >= goal.minTestAccuracy ? 'met' : 'unmet',
        detail: `best run ${percent(best)}`,
      });
  }
  return out;
}
