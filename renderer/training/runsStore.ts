// The runs both the dashboard and the comparison show. Subscribed once to the backend's run
// events and seeded by listRuns, so a run started on one tab is live on the other.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { NetCanvasApi, RunRecord, RunRequest } from '../../shared/api/backendApi';
import type { BackendChoice, RunEvent, RunId } from '../../shared/training/runEvents';
import { useBackend } from '../backend/useBackend';
import { applyRunEvent } from './applyRunEvent';
import { clearSeries, seriesFor } from './runSeries';
import type { RunView } from './runView';
import { emptyRun, runFromRecord } from './runView';
import { errorMessage } from '../../shared/errors/errorMessage';

export interface RunsState {
  readonly runs: Readonly<Record<RunId, RunView>>;
  /** Run ids, newest first. */
  readonly order: readonly RunId[];
  /** The run the training dashboard shows. */
  readonly activeRunId: RunId | null;
  /** Runs ticked in the comparison list. */
  readonly selection: readonly RunId[];
  /** Whether the comparison shows the ticked runs' curves and table (after "Compare"). */
  readonly comparing: boolean;
  /** The compute backend the next run asks for. */
  readonly backendChoice: BackendChoice;
  /** Why the runs list could not be loaded, if it could not. */
  readonly loadError: string | null;
  readonly receive: (event: RunEvent) => void;
  readonly seed: (records: readonly RunRecord[]) => void;
  /** Records a run this window started, so it has its title and request before its first event. */
  readonly registerRun: (id: RunId, request: RunRequest, totalParams: number | null) => void;
  /** A run that could not even start: shown with its reason like any failed run. */
  readonly registerRejected: (request: RunRequest, message: string) => RunId;
  readonly setActive: (id: RunId | null) => void;
  readonly toggleSelected: (id: RunId) => void;
  readonly compare: (ids: readonly RunId[]) => void;
  readonly setComparing: (on: boolean) => void;
  readonly setLoadError: (message: string | null) => void;
  readonly setBackendChoice: (choice: BackendChoice) => void;
  readonly reset: () => void;
}

const initial = {
  runs: {},
  order: [],
  activeRunId: null,
  selection: [],
  comparing: false,
  backendChoice: 'auto',
  loadError: null,
} satisfies Partial<RunsState>;
let rejectedCount = 0;

const withRun = (s: RunsState, run: RunView) => ({
  runs: { ...s.runs, [run.id]: run },
  order: s.order.includes(run.id) ? s.order : [run.id, ...s.order],
});

export const useRunsStore = create<RunsState>()((set, get) => ({
  ...initial,
  receive(event) {
    const before = get().runs[event.runId];
    const after = applyRunEvent(before, event, Date.now());
    if (event.type === 'batch' && after !== before)
      seriesFor(event.runId).addPoints(event.points, after.batchesPerEpoch);
    if (event.type === 'epoch' && after !== before) seriesFor(event.runId).addEpoch(event);
    set((s) => withRun(s, after));
  },
  seed(records) {
    set((s) => {
      const runs = { ...s.runs };
      const order = [...s.order];
      // Runs this window already heard of are newer than the list: they stay in front.
      for (const record of [...records].sort((a, b) => b.startedAtMs - a.startedAtMs)) {
        const known = runs[record.id];
        if (known) {
          runs[record.id] = {
            ...known,
            title: known.request ? known.title : record.title,
            request: known.request ?? record.request,
            totalParams: known.totalParams ?? record.totalParams,
          };
        } else {
          runs[record.id] = runFromRecord(record);
          order.push(record.id);
          seriesFor(record.id).addPoints(record.batches, record.batchesPerEpoch);
          for (const e of record.epochs) seriesFor(record.id).addEpoch(e);
        }
      }
      return { runs, order };
    });
  },
  registerRun(id, request, totalParams) {
    set((s) => {
      const known = s.runs[id] ?? emptyRun(id, Date.now(), request);
      return withRun(s, {
        ...known,
        title: request.title,
        request,
        totalParams: known.totalParams ?? totalParams,
      });
    });
  },
  registerRejected(request, message) {
    rejectedCount += 1;
    const id = `rejected-${rejectedCount}`;
    const run: RunView = {
      ...emptyRun(id, Date.now(), request),
      status: 'failed',
      error: { code: 'request', message },
    };
    set((s) => withRun(s, run));
    return id;
  },
  setActive: (id) => set({ activeRunId: id }),
  toggleSelected: (id) =>
    set((s) => ({
      selection: s.selection.includes(id)
        ? s.selection.filter((x) => x !== id)
        : [...s.selection, id],
    })),
  compare: (ids) => set({ selection: [...ids], comparing: true }),
  setComparing: (on) => set({ comparing: on }),
  setLoadError: (message) => set({ loadError: message }),
  setBackendChoice: (choice) => set({ backendChoice: choice }),
  reset: () => set(initial),
}));

let connected: NetCanvasApi | null = null;
let unsubscribe: (() => void) | null = null;

/**
 * Subscribes the store to `api`'s run events and loads the runs it already has. Idempotent for
 * the same api, so every component that needs runs may call it; a different api (a test's fresh
 * fake) starts over.
 */
export function connectRuns(api: NetCanvasApi): void {
  if (connected === api) return;
  unsubscribe?.();
  clearSeries();
  useRunsStore.getState().reset();
  connected = api;
  const store = useRunsStore.getState();
  unsubscribe = api.onRunEvent((e) => store.receive(e));
  api.listRuns().then(
    (records) => {
      if (connected === api) store.seed(records);
    },
    (e: unknown) => {
      if (connected === api) store.setLoadError(`Could not load earlier runs: ${errorMessage(e)}`);
    },
  );
}

/** Connects the runs store to this shell's backend (once) from any component that shows runs. */
export function useRunsConnection(): NetCanvasApi {
  const api = useBackend();
  useEffect(() => connectRuns(api), [api]);
  return api;
}
