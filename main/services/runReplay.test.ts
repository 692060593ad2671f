// The training replay through the run service, with a real training process on a few hundred
// MNIST images: the epochs kept, the answers of an earlier epoch, its export, and making it the
// run's model, also after the idle process has ended and a new one loaded the run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRequest } from '../../shared/api/backendApi';
import { stackGraph } from '../../shared/templates/stackGraph';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { createRunService } from './runService';
import type { RunService } from './serviceTypes';

const request: RunRequest = {
  title: 'replayed',
  graph: stackGraph([
    ['InputLayer', { shape: [28, 28, 1] }],
    ['Flatten'],
    ['Dense', { units: 16, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]),
  dataset: { kind: 'mnist' },
  settings: { ...DEFAULT_TRAINING, epochs: 3, batchSize: 32, limit: 256, validationSplit: 0.25 },
  backend: 'cpu',
};

let service: RunService | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await service?.dispose();
  service = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('the training replay through the run service', () => {
  it('keeps each epoch, answers as an earlier epoch did, exports it and can make it the model', async () => {
    const store = mkdtempSync(join(tmpdir(), 'netcanvas-replay-runs-'));
    dirs.push(store);
    const s = (service = createRunService({ idleMs: 200, modelStore: store }));
    const id = await s.start(request);
    await until(() => s.list().find((r) => r.id === id)?.status === 'done', 'the run to finish');

    const snapshots = await s.epochSnapshots(id);
    expect(snapshots.epochs).toEqual([1, 2, 3]);
    expect(snapshots.every).toBe(1);
    // With validation data the best epoch is the lowest validation loss, recorded in the run record.
    const record = s.list().find((r) => r.id === id);
    const valLosses = record?.epochs.map((e) => e.valLoss ?? Infinity) ?? [];
    expect(snapshots.best).toMatchObject({
      by: 'val_loss',
      epoch: valLosses.indexOf(Math.min(...valLosses)) + 1,
    });
    expect(record?.snapshots?.best).toEqual(snapshots.best);

    const pixels = Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
    const first = await s.predict(id, pixels, 1);
    const last = await s.predict(id, pixels, 3);
    const model = await s.predict(id, pixels);
    expect(first.probabilities).not.toEqual(last.probabilities);
    // Without keep-best the run's model is the last epoch's weights.
    expect(model.probabilities).toEqual(last.probabilities);
    expect((await s.insight(id, 1)).histograms.after).not.toEqual(
      (await s.insight(id)).histograms.after,
    );
    await expect(s.predict(id, pixels, 7)).rejects.toThrow(
      "Epoch 7's weights were not kept; this run can replay epochs 1, 2, 3.",
    );

    const confusion = await s.epochConfusion(id, 1, 200);
    expect(confusion.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);

    const out = join(store, 'export-epoch-1');
    const exported = await s.exportRun(id, 'tfjs', out, undefined, 1);
    expect(exported.files.map((f) => f.slice(out.length + 1)).sort()).toEqual([
      'model.json',
      'weights.bin',
    ]);

    // Let the idle process end: the next requests go to a new process that loads the run.
    const finalResult = record?.result;
    if (!finalResult) throw new Error('the run has no test result');
    const tested = finalResult.confusion.flat().reduce((a, b) => a + b, 0);
    const epoch1 = await s.epochConfusion(id, 1, tested);
    expect(epoch1.accuracy).not.toBe(finalResult.testAccuracy);
    const events: RunEvent[] = [];
    const off = s.onEvent((e) => events.push(e));
    const used = await s.useEpoch(id, 1);
    expect(used.modelEpoch).toBe(1);
    // The run's test result is now epoch 1's, on the whole test split, and said so to every view.
    const afterUse = s.list().find((r) => r.id === id);
    expect(afterUse?.status).toBe('done');
    expect(afterUse?.result?.testAccuracy).toBeCloseTo(epoch1.accuracy, 10);
    expect(afterUse?.result?.confusion).toEqual(epoch1.confusion);
    expect(afterUse?.snapshots?.modelEpoch).toBe(1);
    expect(events).toEqual([expect.objectContaining({ type: 'done', result: afterUse?.result })]);
    expect((await s.predict(id, pixels)).probabilities).toEqual(first.probabilities);
    expect(existsSync(join(store, id, 'epochs', 'final', 'model.json'))).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    expect((await s.predict(id, pixels)).probabilities).toEqual(first.probabilities);
    expect((await s.predict(id, pixels, 3)).probabilities).toEqual(last.probabilities);

    // And back: the final weights are the model again, with their own test result.
    const restored = await s.restoreFinalWeights(id);
    expect(restored.modelEpoch).toBeNull();
    expect((await s.predict(id, pixels)).probabilities).toEqual(last.probabilities);
    const afterRestore = s.list().find((r) => r.id === id)?.result;
    expect(afterRestore?.testAccuracy).toBe(finalResult.testAccuracy);
    expect(afterRestore?.confusion).toEqual(finalResult.confusion);
    expect(afterRestore?.testLoss).toBeCloseTo(finalResult.testLoss, 5);
    expect(events).toHaveLength(2);
    off();
    await expect(s.restoreFinalWeights(id)).rejects.toThrow('already holds its final weights');
  }, 240_000);
});
