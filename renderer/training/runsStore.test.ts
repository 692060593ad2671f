import { beforeEach, describe, expect, it } from 'vitest';
import { newRunRecord } from '../../shared/api/backendApi';
import type { RunRecord } from '../../shared/api/backendApi';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { connectRuns, useRunsStore } from './runsStore';
import { seriesFor } from './runSeries';
import { createFakeApi } from '../backend/fakeApi';
import { batchEvent, doneEvent, epochEvent, startedEvent } from './testing/scriptedRun';

const request = (title: string) => ({
  title,
  graph: { nodes: [], edges: [] },
  dataset: { kind: 'mnist' } as const,
  settings: DEFAULT_TRAINING,
  backend: 'auto' as const,
});

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('runs store', () => {
  beforeEach(() => useRunsStore.getState().reset());

  it('subscribes once per backend, however many views connect', () => {
    const fake = createFakeApi();
    connectRuns(fake);
    connectRuns(fake);
    expect(fake.listenerCount()).toBe(1);
    const other = createFakeApi();
    connectRuns(other);
    expect(fake.listenerCount()).toBe(0);
    expect(other.listenerCount()).toBe(1);
  });

  it('follows a run from start to done: status, progress, epochs, result', () => {
    const fake = createFakeApi();
    connectRuns(fake);
    useRunsStore.getState().registerRun('run-1', request('CNN'), 121930);
    fake.emit(startedEvent('run-1', 4));
    fake.emit(batchEvent('run-1', 1, 2, 1.5, 0.4));
    let run = useRunsStore.getState().runs['run-1'];
    expect(run?.status).toBe('running');
    expect(run?.progress).toMatchObject({
      epoch: 1,
      batch: 2,
      samplesPerSecond: 1002,
      etaMs: 58_000,
    });
    fake.emit(epochEvent('run-1', 1, 1.2, 0.6));
    fake.emit({ type: 'evaluating', runId: 'run-1' });
    expect(useRunsStore.getState().runs['run-1']?.evaluating).toBe(true);
    fake.emit(doneEvent('run-1', 0.91, 0.3, 1500, 12_000));
    run = useRunsStore.getState().runs['run-1'];
    expect(run).toMatchObject({
      status: 'done',
      evaluating: false,
      title: 'CNN',
      totalParams: 121930,
      samplesPerSecond: 1500,
      trainingMs: 12_000,
    });
    expect(run?.epochs.map((e) => e.valAccuracy)).toEqual([0.58]);
    expect(run?.result?.testAccuracy).toBe(0.91);
  });

  it('places batch points within their epoch and keeps them out of React state', () => {
    const fake = createFakeApi();
    connectRuns(fake);
    fake.emit(startedEvent('run-1', 4));
    fake.emit(batchEvent('run-1', 1, 2, 1.5, 0.4));
    fake.emit(batchEvent('run-1', 2, 1, 0.9, 0.7));
    fake.emit(epochEvent('run-1', 1, 1.2, 0.6));
    const s = seriesFor('run-1');
    expect(s.batch.x).toEqual([0.5, 1.25]);
    expect(s.batch.loss).toEqual([1.5, 0.9]);
    expect(s.epoch.x).toEqual([1]);
    expect(s.epoch.valLoss).toEqual([1.25]);
  });

  it('keeps a failed run with its message and ignores late batches after a stop', () => {
    const fake = createFakeApi();
    connectRuns(fake);
    fake.emit(startedEvent('run-1'));
    fake.emit({
      type: 'failed',
      runId: 'run-1',
      code: 'nan',
      message: 'The loss became NaN at epoch 1, batch 3.',
    });
    expect(useRunsStore.getState().runs['run-1']).toMatchObject({
      status: 'failed',
      error: { code: 'nan', message: 'The loss became NaN at epoch 1, batch 3.' },
    });
    fake.emit(startedEvent('run-2'));
    fake.emit({ type: 'stopped', runId: 'run-2' });
    fake.emit(batchEvent('run-2', 1, 3, 1, 0.5));
    expect(useRunsStore.getState().runs['run-2']?.status).toBe('stopped');
    expect(seriesFor('run-2').batch.x).toEqual([]);
  });

  it('seeds earlier runs from listRuns, newest first, without overwriting live ones', async () => {
    const record = (id: string, startedAtMs: number, title: string): RunRecord => ({
      ...newRunRecord(id, request(title), startedAtMs, 100),
      status: 'done',
      epochs: [
        epochEvent(id, 1, 0.5, 0.8) as Extract<RunRecord['epochs'][number], { type: 'epoch' }>,
      ],
      batches: [
        { epoch: 1, batch: 1, loss: 0.9, accuracy: 0.3 },
        { epoch: 1, batch: 2, loss: 0.4, accuracy: 0.7 },
      ],
      progress: { epoch: 1, batch: 2, samplesPerSecond: 900, elapsedMs: 3000, etaMs: 0 },
      trainSamples: 128,
      batchesPerEpoch: 2,
      samplesPerSecond: 900,
      trainingMs: 3000,
    });
    const fake = createFakeApi({
      runs: [record('old-1', 1, 'MLP'), record('old-2', 2, 'CNN'), record('run-9', 3, 'Live')],
    });
    connectRuns(fake);
    fake.emit(startedEvent('run-9'));
    await flush();
    const state = useRunsStore.getState();
    expect(state.order).toEqual(['run-9', 'old-2', 'old-1']);
    expect(state.runs['run-9']).toMatchObject({ status: 'running', title: 'Live' });
    expect(state.runs['old-1']).toMatchObject({
      title: 'MLP',
      status: 'done',
      samplesPerSecond: 900,
    });
    expect(seriesFor('old-1').epoch.loss).toEqual([0.5]);
    // A run from before this window opened keeps its per-batch curve and where it got to.
    expect(seriesFor('old-1').batch).toEqual({
      x: [0.5, 1],
      loss: [0.9, 0.4],
      accuracy: [0.3, 0.7],
    });
    expect(state.runs['old-1']).toMatchObject({
      batchesPerEpoch: 2,
      trainSamples: 128,
      progress: { epoch: 1, batch: 2 },
    });
  });
});
