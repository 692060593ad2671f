import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { range } from '../../datasets/batches';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { trainLoop } from './trainLoop';

type BatchEvent = Extract<RunEvent, { type: 'batch' }>;

/** Ten 1×1 grayscale samples of two classes. */
const split = {
  images: new Uint8Array(10).fill(128),
  labels: new Uint8Array([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]),
  count: 10,
  shape: [1, 1, 1] as const,
};

/** A model that only answers trainOnBatch with scripted [loss, accuracy] pairs, in order. */
function scriptedModel(answers: readonly (readonly [number, number])[]): tf.LayersModel {
  let next = 0;
  const trainOnBatch = () => Promise.resolve([...(answers[next++] ?? [NaN, NaN])]);
  return { trainOnBatch } as unknown as tf.LayersModel;
}

async function train(answers: readonly (readonly [number, number])[], epochs: number) {
  const events: RunEvent[] = [];
  const outcome = await trainLoop(
    {
      runId: 'r',
      model: scriptedModel(answers),
      plan: { train: { split, indices: range(10) }, validation: null, validationSource: 'none' },
      settings: { ...DEFAULT_TRAINING, epochs, batchSize: 5, shuffle: false, validationSplit: 0 },
      classes: 2,
      inputShape: [1, 1, 1],
    },
    {
      emit: (e) => events.push(e),
      shouldStop: () => false,
      // A clock that never moves: only the first batch event passes the throttle by itself.
      now: () => 1000,
    },
  );
  return { outcome, events };
}

describe('trainLoop batch events', () => {
  it("carry every batch's own loss and accuracy, not a running mean, even when throttled", async () => {
    const { outcome, events } = await train(
      [
        [0.9, 0.2],
        [0.5, 0.6],
        [0.4, 0.7],
        [0.2, 0.9],
      ],
      2,
    );
    expect(outcome.status).toBe('done');
    const points = events
      .filter((e): e is BatchEvent => e.type === 'batch')
      .flatMap((e) => e.points);
    expect(points).toEqual([
      { epoch: 1, batch: 1, loss: 0.9, accuracy: 0.2 },
      { epoch: 1, batch: 2, loss: 0.5, accuracy: 0.6 },
      { epoch: 2, batch: 1, loss: 0.4, accuracy: 0.7 },
      { epoch: 2, batch: 2, loss: 0.2, accuracy: 0.9 },
    ]);
  });

  it("sends an epoch's last batches before its epoch event", async () => {
    const { events } = await train(
      [
        [0.9, 0.2],
        [0.5, 0.6],
      ],
      1,
    );
    const epochAt = events.findIndex((e) => e.type === 'epoch');
    const lastBatch = events.findLastIndex(
      (e) => e.type === 'batch' && e.points.some((p) => p.batch === 2),
    );
    expect(lastBatch).toBeGreaterThanOrEqual(0);
    expect(lastBatch).toBeLessThan(epochAt);
  });

  it('still reports the mean of the epoch so far for the progress bar', async () => {
    const { events } = await train(
      [
        [0.9, 0.2],
        [0.5, 0.6],
      ],
      1,
    );
    const last = events.filter((e): e is BatchEvent => e.type === 'batch').at(-1);
    expect(last?.loss).toBeCloseTo(0.7);
    expect(last?.accuracy).toBeCloseTo(0.4);
  });
});
