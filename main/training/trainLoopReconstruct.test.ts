// An autoencoder trains on its own input: the reconstruction loss (mean squared error against the
// input image) goes down on a tiny set, there is no accuracy, and each epoch shows test images
// beside their reconstruction.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSamples } from '../../datasets/batches';
import type { LoadedDataset } from '../../datasets/loadedDataset';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import type { TrainingSettings } from '../../shared/training/settings';
import { inferGraph } from '../../shared/graph/inferGraph';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { stackGraph } from '../../shared/templates/stackGraph';
import { buildModel } from './buildModel';
import { checkDataFit } from './checkDataFit';
import { evaluateTest } from './evaluateTest';
import { previewIndices } from './reconstructions';
import { trainLoop } from './trainLoop';

type EpochEvent = Extract<RunEvent, { type: 'epoch' }>;

const COUNT = 48;
/** Bright squares at a few places on a dark 8×8 image: simple enough to reconstruct in a few epochs. */
const images = Uint8Array.from({ length: COUNT * 64 }, (_, i) => {
  const n = Math.floor(i / 64);
  const p = i % 64;
  const [y, x] = [Math.floor(p / 8), p % 8];
  const at = (n % 4) * 2;
  return y >= at && y < at + 3 && x >= 2 && x < 6 ? 230 : 10;
});
const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 4);
const dataset: LoadedDataset = {
  info: {} as LoadedDataset['info'],
  train: { images, labels, count: COUNT, shape: [8, 8, 1] },
  test: { images, labels, count: COUNT, shape: [8, 8, 1] },
};
const graph = stackGraph([
  ['InputLayer', { shape: [8, 8, 1] }],
  ['Conv2D', { filters: 4, kernel_size: [3, 3], padding: 'same', activation: 'relu' }],
  ['MaxPooling2D'],
  ['UpSampling2D'],
  ['Conv2D', { filters: 1, kernel_size: [3, 3], padding: 'same', activation: 'sigmoid' }],
]);
const settings: TrainingSettings = {
  ...DEFAULT_TRAINING,
  task: 'reconstruct',
  learningRate: 0.01,
  epochs: 6,
  batchSize: 8,
  validationSplit: 0.25,
  seed: 3,
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainLoop with the reconstruct task', () => {
  it('lowers the reconstruction loss, reports no accuracy and shows test images beside their reconstruction', async () => {
    const model = await buildModel(toKerasTopology(graph), settings);
    const events: RunEvent[] = [];
    const plan = planSamples(dataset, {
      seed: settings.seed,
      validationSplit: settings.validationSplit,
    });
    const preview = { split: dataset.test, indices: previewIndices(dataset.test.count) };
    const outcome = await trainLoop(
      { runId: 'r', model, plan, settings, classes: 4, inputShape: [8, 8, 1], preview },
      { emit: (e) => events.push(e), shouldStop: () => false },
    );
    expect(outcome.status).toBe('done');
    const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
    expect(epochs).toHaveLength(6);
    const first = epochs[0];
    const last = epochs.at(-1);
    if (!first || !last) throw new Error('no epoch events');
    expect(last.loss).toBeLessThan(first.loss * 0.8);
    expect(last.valLoss ?? Infinity).toBeLessThan(first.valLoss ?? 0);
    expect(epochs.every((e) => e.accuracy === 0 && e.valAccuracy === null)).toBe(true);
    // Six test images, each as it went in and as it came out, 0–255 like the data set's pixels.
    expect(last.reconstructions).toHaveLength(6);
    const r = last.reconstructions?.[0];
    expect(r?.input).toEqual(Array.from(images.subarray(0, 64)));
    expect(r?.output).toHaveLength(64);
    expect(r?.output.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);

    const result = await evaluateTest(model, dataset.test, {
      batchSize: 16,
      classes: 4,
      inputShape: [8, 8, 1],
      task: 'reconstruct',
    });
    expect(result.testLoss).toBeGreaterThan(0);
    expect(result.testLoss).toBeLessThan(first.loss);
    expect(result.confusion).toEqual([]);
    expect(result.reconstructions).toHaveLength(6);
    model.dispose();
  });
});

describe('checkDataFit for each task', () => {
  const info = { title: 'MNIST', inputShape: [8, 8, 1] as const, classNames: ['a', 'b', 'c', 'd'] };
  it('lets an autoencoder reconstruct, and tells a learner who trains it as a classifier what it is', () => {
    const report = inferGraph(graph);
    expect(checkDataFit(graph, report, info, 'reconstruct')).toEqual({
      inputShape: [8, 8, 1],
      outputName: 'conv2d_1',
    });
    expect(checkDataFit(graph, report, info, 'classify')).toMatch(
      /that is an autoencoder.*Reconstruct the input/,
    );
  });

  it('refuses to reconstruct with a network whose output cannot be compared with its input', () => {
    const classifier = stackGraph([
      ['InputLayer', { shape: [8, 8, 1] }],
      ['Flatten'],
      ['Dense', { units: 4, activation: 'softmax' }],
    ]);
    expect(checkDataFit(classifier, inferGraph(classifier), info, 'reconstruct')).toMatch(
      /must give back an image the shape of the input \(8, 8, 1\), but it outputs \(4,\)/,
    );
  });
});
