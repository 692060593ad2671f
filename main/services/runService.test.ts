// Real training processes on a few hundred MNIST images: what the dashboard relies on.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRequest } from '../../shared/api/backendApi';
import { stackGraph } from '../../shared/templates/stackGraph';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import type { TrainingSettings } from '../../shared/training/settings';
import { forkWorker } from './forkWorker';
import { createRunService } from './runService';
import type { RunService } from './serviceTypes';

const mlp = stackGraph([
  ['InputLayer', { shape: [28, 28, 1] }],
  ['Flatten'],
  ['Dense', { units: 32, activation: 'relu' }],
  ['Dense', { units: 10, activation: 'softmax' }],
]);

const request = (title: string, settings: Partial<TrainingSettings> = {}): RunRequest => ({
  title,
  graph: mlp,
  dataset: { kind: 'mnist' },
  settings: {
    ...DEFAULT_TRAINING,
    epochs: 1,
    batchSize: 32,
    limit: 512,
    validationSplit: 0.25,
    ...settings,
  },
  backend: 'cpu',
});

/** Resolves with the run's events once it is done, stopped or failed. */
function finished(service: RunService, id: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  return new Promise((resolve) => {
    const off = service.onEvent((e) => {
      if (e.runId !== id) return;
      events.push(e);
      if (e.type === 'done' || e.type === 'stopped' || e.type === 'failed') {
        off();
        resolve(events);
      }
    });
  });
}

let service: RunService | null = null;
afterEach(async () => {
  await service?.dispose();
  service = null;
});

describe('RunService', () => {
  it('trains two runs at once, reports progress and test results, and predicts from the run', async () => {
    service = createRunService({ idleMs: 300 });
    const a = await service.start(request('A'));
    const b = await service.start(request('B', { optimizer: 'sgd', learningRate: 0.05 }));
    const [ea, eb] = await Promise.all([finished(service, a), finished(service, b)]);
    for (const events of [ea, eb]) {
      const done = events.at(-1);
      expect(done?.type).toBe('done');
      if (done?.type !== 'done') return;
      const started = events.find((e) => e.type === 'started');
      expect(started).toMatchObject({
        trainSamples: 384,
        validationSamples: 128,
        batchesPerEpoch: 12,
      });
      // Throttled to at most 10 batch events a second, but the epoch's last batches go out at its end.
      const times = events.flatMap((e) => (e.type === 'batch' ? [e.elapsedMs] : []));
      expect(times.length).toBeGreaterThan(0);
      times.slice(1, -1).forEach((t, i) => expect(t - (times[i] ?? 0)).toBeGreaterThanOrEqual(99));
      // ...and together they carry every batch's own values.
      const points = events.flatMap((e) => (e.type === 'batch' ? e.points : []));
      expect(points.map((p) => p.batch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const epoch = events.find((e) => e.type === 'epoch');
      expect(epoch).toMatchObject({ epoch: 1 });
      if (epoch?.type === 'epoch') {
        expect(epoch.valLoss).toBeGreaterThan(0);
        expect(epoch.valAccuracy).toBeGreaterThan(0.3);
      }
      // The whole MNIST test split is scored.
      const total = done.result.confusion.flat().reduce((s, n) => s + n, 0);
      expect(total).toBe(10_000);
      // Chance is 0.1; a few hundred images already get well past it.
      expect(done.result.testAccuracy).toBeGreaterThan(0.3);
      expect(done.result.perClassAccuracy).toHaveLength(10);
      const miss = done.result.misclassified[0];
      expect(miss?.predicted).not.toBe(miss?.trueLabel);
      expect(miss?.pixels).toHaveLength(784);
      expect(miss?.probabilities.indexOf(Math.max(...(miss?.probabilities ?? [])))).toBe(
        miss?.predicted,
      );
      expect(done.samplesPerSecond).toBeGreaterThan(0);
    }
    expect(service.list().map((r) => r.status)).toEqual(['done', 'done']);
    // The record keeps what a window opened later draws: every batch, where the run got to, its size.
    const record = service.list()[0];
    expect(record?.batches).toHaveLength(12);
    expect(record?.progress).toMatchObject({ epoch: 1, batch: 12 });
    expect(record).toMatchObject({ trainSamples: 384, batchesPerEpoch: 12, stoppedEarly: false });
    expect(service.list()[0]?.totalParams).toBe(784 * 32 + 32 + 330);
    const miss = service.list()[0]?.result?.misclassified[0];
    const p = await service.predict(a, miss?.pixels ?? []);
    expect(p.probabilities).toHaveLength(10);
    p.probabilities.forEach((v, k) => expect(v).toBeCloseTo(miss?.probabilities[k] ?? -1, 4));

    // The insight views: a histogram of each weight tensor from before training and after it.
    const { kernels, histograms } = await service.insight(a);
    expect(kernels).toEqual([]); // an MLP has no Conv2D layer
    const names = (hs: typeof histograms.after) => hs.map((h) => `${h.layer}/${h.weight}`);
    expect(names(histograms.before)).toEqual([
      'dense/kernel',
      'dense/bias',
      'dense_1/kernel',
      'dense_1/bias',
    ]);
    expect(names(histograms.after)).toEqual(names(histograms.before));
    expect(histograms.after.map((h) => h.count)).toEqual([784 * 32, 32, 320, 10]);
    // Biases start at zero and training moves them.
    const bias = (hs: typeof histograms.after) =>
      hs.find((h) => h.layer === 'dense' && h.weight === 'bias');
    expect([bias(histograms.before)?.min, bias(histograms.before)?.max]).toEqual([0, 0]);
    expect(bias(histograms.after)?.max).not.toBe(0);

    // Idle, the run's process ends; the next request loads the model it kept on disk.
    await new Promise((r) => setTimeout(r, 600));
    const again = await service.predict(a, miss?.pixels ?? []);
    again.probabilities.forEach((v, k) => expect(v).toBeCloseTo(p.probabilities[k] ?? -1, 5));
    const reloaded = await service.insight(a);
    expect(reloaded.histograms.before).toEqual(histograms.before);
  }, 120_000);

  it('stops a run within a batch when asked', async () => {
    service = createRunService();
    const id = await service.start(
      request('stop me', { limit: null, validationSplit: 0, batchSize: 16 }),
    );
    const seen = finished(service, id);
    await new Promise<void>((resolve) => {
      const off = service?.onEvent((e) => {
        if (e.runId === id && e.type === 'batch') {
          off?.();
          resolve();
        }
      });
    });
    await service.stop(id);
    const events = await seen;
    expect(events.at(-1)?.type).toBe('stopped');
    const batches = events.filter((e) => e.type === 'batch');
    // 60,000 images in batches of 16 is 3,750 batches; the stop came after the first event.
    expect((batches.at(-1) as { batch: number } | undefined)?.batch ?? 0).toBeLessThan(200);
    expect(service.list()[0]?.status).toBe('stopped');
  }, 60_000);

  it('marks a run failed with a plain reason when its process is killed, and the others live on', async () => {
    const kills: (() => void)[] = [];
    const spawn = forkWorker();
    service = createRunService({
      spawn: (id) => {
        const w = spawn(id);
        kills.push(() => w.kill());
        return w;
      },
    });
    const victim = await service.start(request('victim', { limit: null }));
    const other = await service.start(request('other'));
    const victimEnd = finished(service, victim);
    const otherEnd = finished(service, other);
    await new Promise((r) => setTimeout(r, 3000));
    kills[0]?.();
    const ev = await victimEnd;
    // A kill from outside is a kill, not an out-of-memory, whatever its message mentions.
    expect(ev.at(-1)).toMatchObject({ type: 'failed', code: 'crash' });
    expect(service.list().find((r) => r.id === victim)?.error).toMatch(/killed \(SIGKILL\)/);
    expect((await otherEnd).at(-1)?.type).toBe('done');
  }, 120_000);

  it('reports a process that runs out of heap as out of memory', async () => {
    service = createRunService({ spawn: forkWorker(['--max-old-space-size=16']) });
    const id = await service.start(request('tiny heap'));
    const ev = await finished(service, id);
    expect(ev.at(-1)).toMatchObject({ type: 'failed', code: 'outOfMemory' });
    expect(service.list()[0]?.error).toMatch(/ran out of memory/);
  }, 60_000);

  it('stops on a NaN loss and names the likely cause', async () => {
    service = createRunService();
    const id = await service.start(
      request('too fast', { optimizer: 'sgd', learningRate: 1e30, momentum: 0 }),
    );
    const ev = await finished(service, id);
    expect(ev.at(-1)).toMatchObject({ type: 'failed', code: 'nan' });
    // It stopped at once rather than training garbage to the end of the epoch.
    expect(ev.filter((e) => e.type === 'epoch')).toHaveLength(0);
    const error = service.list()[0]?.error ?? '';
    expect(error).toMatch(/loss became NaN \(not a number\) at epoch 1, batch [1-3]\./);
    expect(error).toMatch(/learning rate \(1e\+30\) is probably too high.*Try 0\.01/);
  }, 60_000);

  it('refuses a network that will not fit, with the numbers', async () => {
    service = createRunService({ workerOptions: { memoryLimitMB: 300 } });
    const big = stackGraph([
      ['InputLayer', { shape: [28, 28, 1] }],
      ['Flatten'],
      ['Dense', { units: 20000, activation: 'relu' }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]);
    const id = await service.start({ ...request('huge'), graph: big });
    const ev = await finished(service, id);
    expect(ev.at(-1)).toMatchObject({ type: 'failed', code: 'outOfMemory' });
    expect(service.list()[0]?.error).toMatch(
      /needs about [\d,]+ MB to train .*only 300 MB of memory is free/,
    );
  }, 60_000);
});
