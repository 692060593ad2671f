// Data augmentation reaches training batches only: with the learning rate at 0 (weights fixed),
// the batches trained on differ from the data set's images, and validation scores do not move.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSamples } from '../../datasets/batches';
import type { LoadedDataset } from '../../datasets/loadedDataset';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import type { TrainingSettings } from '../../shared/training/settings';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { stackGraph } from '../../shared/templates/stackGraph';
import { buildModel } from './buildModel';
import { trainLoop } from './trainLoop';

const COUNT = 40;
const images = Uint8Array.from({ length: COUNT * 64 }, (_, i) => ((i * 97) % 251) + 1);
const dataset: LoadedDataset = {
  info: {} as LoadedDataset['info'],
  train: {
    images,
    labels: Uint8Array.from({ length: COUNT }, (_, i) => i % 2),
    count: COUNT,
    shape: [8, 8, 1],
  },
  test: {
    images,
    labels: Uint8Array.from({ length: COUNT }, (_, i) => i % 2),
    count: COUNT,
    shape: [8, 8, 1],
  },
};
const graph = stackGraph([
  ['InputLayer', { shape: [8, 8, 1] }],
  ['Flatten'],
  ['Dense', { units: 2, activation: 'softmax' }],
]);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Trains one epoch with learning rate 0; returns the pixels of every batch trained on and the epoch event. */
async function epochWith(settings: TrainingSettings, weights: tf.Tensor[]) {
  const model = await buildModel(toKerasTopology(graph), settings);
  model.setWeights(weights);
  const seen: number[][] = [];
  const train = model.trainOnBatch.bind(model);
  model.trainOnBatch = async (x, y) => {
    seen.push(Array.from(await (x as tf.Tensor).data()));
    return train(x, y);
  };
  const events: RunEvent[] = [];
  const plan = planSamples(dataset, {
    seed: settings.seed,
    validationSplit: settings.validationSplit,
  });
  await trainLoop(
    { runId: 'r', model, plan, settings, classes: 2, inputShape: [8, 8, 1] },
    { emit: (e) => events.push(e), shouldStop: () => false },
  );
  model.dispose();
  return { seen, epoch: events.find((e) => e.type === 'epoch') };
}

describe('trainLoop with augmentation', () => {
  it('augments the training batches and leaves validation as it is', async () => {
    const settings: TrainingSettings = {
      ...DEFAULT_TRAINING,
      optimizer: 'sgd',
      learningRate: 0,
      momentum: 0,
      epochs: 1,
      batchSize: 8,
      validationSplit: 0.25,
      shuffle: false,
    };
    const init = await buildModel(toKerasTopology(graph), settings);
    const weights = init.getWeights().map((w) => w.clone());
    init.dispose();
    const plain = await epochWith(settings, weights);
    const augmented = await epochWith(
      { ...settings, augmentation: { shift: 0.2, rotation: 0.1, zoom: 0.1, flip: true } },
      weights,
    );
    expect(augmented.seen).toHaveLength(plain.seen.length);
    plain.seen.forEach((batch, i) => expect(augmented.seen[i]).not.toEqual(batch));
    expect(plain.epoch?.type === 'epoch' && plain.epoch.valLoss).toBeGreaterThan(0);
    if (plain.epoch?.type !== 'epoch' || augmented.epoch?.type !== 'epoch')
      throw new Error('no epoch event');
    expect(augmented.epoch.valLoss).toBe(plain.epoch.valLoss);
    expect(augmented.epoch.valAccuracy).toBe(plain.epoch.valAccuracy);
  });
});
