import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Split } from '../../datasets/loadedDataset';
import { loadTrainedModel } from '../export/loadTrainedModel';
import { MODEL_JSON, saveTfjsModel } from '../export/saveTfjsModel';
import { EpochSnapshotKeeper, originalDir } from '../training/epochSnapshotKeeper';
import { EpochModels } from './epochModels';
import { predictWithActivations } from './predictWithActivations';
import { epochConfusion, restoreFinalModel, useEpochAsModel } from './replayEpoch';

/** 6×6×1 → Conv2D 2 filters 3×3 → MaxPooling 2×2 → Flatten → Dense 3 softmax. */
function smallCnn(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [6, 6, 1],
        filters: 2,
        kernelSize: 3,
        activation: 'relu',
        name: 'conv2d',
      }),
      tf.layers.maxPooling2d({ poolSize: 2, name: 'max_pooling2d' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, activation: 'softmax', name: 'dense' }),
    ],
  });
}

/** Weights that differ from epoch to epoch, as training would leave them. */
function epochWeights(model: tf.LayersModel, epoch: number): tf.Tensor[] {
  return model.getWeights().map((w, i) =>
    tf.tensor(
      Array.from({ length: w.size }, (_, j) => Math.sin(epoch * 1.7 + i * 3.1 + j * 0.37) * 0.6),
      w.shape,
    ),
  );
}

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'netcanvas-replay-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A run folder whose keeper wrote three epochs; returns each epoch's weights. */
async function trainedRun(dir: string, model: tf.LayersModel): Promise<tf.Tensor[][]> {
  const keeper = EpochSnapshotKeeper.create(model, dir, 3);
  const weights: tf.Tensor[][] = [];
  for (let epoch = 1; epoch <= 3; epoch++) {
    const w = epochWeights(model, epoch);
    weights.push(w);
    model.setWeights(w);
    await keeper.afterEpoch(model, { epoch, loss: 1, valLoss: 4 - epoch });
  }
  await saveTfjsModel(model, dir);
  return weights;
}

const pixels = Array.from({ length: 36 }, (_, i) => (i * 53) % 256);

describe('the training replay', () => {
  it("answers with the replayed epoch's weights exactly as tfjs's own forward pass with them", async () => {
    const dir = freshDir();
    const model = smallCnn();
    const weights = await trainedRun(dir, model);
    const epochs = new EpochModels(dir);
    for (const epoch of [2, 1]) {
      const replayed = await epochs.use(epoch, (m) => predictWithActivations(m, pixels, [6, 6, 1]));
      // tfjs's own forward pass: a fresh copy of the network given that epoch's weights.
      const reference = smallCnn();
      reference.setWeights(weights[epoch - 1] ?? []);
      const x = tf.tensor(pixels, [1, 6, 6, 1]).div(255);
      const probe = tf.model({
        inputs: reference.inputs,
        outputs: ['conv2d', 'max_pooling2d', 'dense'].map(
          (n) => reference.getLayer(n).output as tf.SymbolicTensor,
        ),
      });
      const outs = probe.predict(x) as tf.Tensor[];
      for (const [i, name] of ['conv2d', 'max_pooling2d', 'dense'].entries()) {
        const expected = Array.from(outs[i]?.dataSync() ?? []);
        const got = replayed.activations[name]?.values ?? [];
        expect(got).toHaveLength(expected.length);
        got.forEach((v, j) => expect(Math.abs(v - (expected[j] ?? NaN))).toBeLessThan(1e-6));
      }
      expect(replayed.probabilities.map((p) => p.toFixed(6))).toEqual(
        Array.from(outs[2]?.dataSync() ?? []).map((p) => p.toFixed(6)),
      );
    }
    // The two epochs answer differently: the replay really changes the weights.
    const a = await epochs.use(1, (m) => predictWithActivations(m, pixels, [6, 6, 1]));
    const b = await epochs.use(3, (m) => predictWithActivations(m, pixels, [6, 6, 1]));
    expect(a.probabilities).not.toEqual(b.probabilities);
  });

  it('keeps a few epoch models, least recently used out first, and loads each once while cached', async () => {
    const dir = freshDir();
    await trainedRun(dir, smallCnn());
    let loads = 0;
    const epochs = new EpochModels(dir, 2, (d) => {
      loads++;
      return loadTrainedModel(d);
    });
    const id = (m: tf.LayersModel) => m.id;
    const first = await epochs.use(1, id);
    await epochs.use(2, id);
    expect(await epochs.use(1, id)).toBe(first);
    expect(loads).toBe(2);
    await epochs.use(3, id); // pushes out 2, the least recently used
    expect(epochs.cached()).toEqual([1, 3]);
    await epochs.use(2, id);
    expect(loads).toBe(4);
  });

  it('makes an epoch the run’s model and keeps the final weights aside, once', async () => {
    const dir = freshDir();
    const model = smallCnn();
    const weights = await trainedRun(dir, model);
    const finalWeights = model.getWeights().map((w) => Array.from(w.dataSync()));
    const swapped = await useEpochAsModel(model, dir, 1);
    const fromDisk = await loadTrainedModel(dir);
    expect(fromDisk.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(
      weights[0]?.map((w) => Array.from(w.dataSync())),
    );
    expect(existsSync(join(originalDir(dir), MODEL_JSON))).toBe(true);
    // Choosing another epoch later does not overwrite the kept final weights with epoch 1's.
    await useEpochAsModel(swapped, dir, 2);
    const kept = await loadTrainedModel(originalDir(dir));
    expect(kept.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(finalWeights);
  });

  it('makes the kept final weights the run’s model again, and says when none were kept', async () => {
    const dir = freshDir();
    const model = smallCnn();
    await trainedRun(dir, model);
    const finalWeights = model.getWeights().map((w) => Array.from(w.dataSync()));
    await expect(restoreFinalModel(dir)).rejects.toThrow('were not kept aside');
    await useEpochAsModel(model, dir, 1);
    const restored = await restoreFinalModel(dir);
    expect(restored.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(finalWeights);
    const fromDisk = await loadTrainedModel(dir);
    expect(fromDisk.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(finalWeights);
    // The kept copy stays: the learner can choose an epoch and come back again.
    expect(existsSync(join(originalDir(dir), MODEL_JSON))).toBe(true);
  });

  it("counts an epoch's confusion matrix on the first test images", async () => {
    const model = smallCnn();
    model.setWeights(epochWeights(model, 2));
    const count = 20;
    const split: Split = {
      images: Uint8Array.from({ length: count * 36 }, (_, i) => (i * 97) % 256),
      labels: Uint8Array.from({ length: count }, (_, i) => i % 3),
      count,
      shape: [6, 6, 1],
    };
    const c = await epochConfusion(model, split, [6, 6, 1], 3, 2, 12);
    expect(c.samples).toBe(12);
    expect(c.confusion.flat().reduce((a, b) => a + b, 0)).toBe(12);
    // Each row holds the images of its true class: 4 of each among the first 12.
    expect(c.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([4, 4, 4]);
    const right = c.confusion.reduce((n, row, i) => n + (row[i] ?? 0), 0);
    expect(c.accuracy).toBeCloseTo(right / 12, 10);
  });
});
