import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../../datasets/loadedDataset';
import { cellImages } from './cellImages';
import { saliencyMaps } from './saliencyMaps';

/** 3×3 grayscale → Conv2D 2×2 tanh → Flatten → Dense 3 softmax, with seeded weights. */
function tinyModel(): tf.LayersModel {
  const input = tf.input({ shape: [3, 3, 1] });
  const conv = tf.layers
    .conv2d({ filters: 2, kernelSize: 2, activation: 'tanh' })
    .apply(input) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ units: 3, activation: 'softmax' })
    .apply(tf.layers.flatten().apply(conv)) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  let seed = 3;
  for (const l of model.layers)
    l.setWeights(l.getWeights().map((w) => tf.randomNormal(w.shape, 0, 1, 'float32', seed++)));
  return model;
}

const split = (count: number): Split => ({
  images: Uint8Array.from({ length: count * 9 }, (_, i) => (i * 53 + 7) % 256),
  labels: Uint8Array.from({ length: count }, (_, i) => i % 3),
  count,
  shape: [3, 3, 1],
});

const predict = (model: tf.LayersModel, pixels: readonly number[]) =>
  tf.tidy(() =>
    Array.from((model.predict(tf.tensor(pixels, [1, 3, 3, 1]).div(255)) as tf.Tensor).dataSync()),
  );

describe('saliencyMaps', () => {
  it('is the size of the gradient, checked against finite differences of the model’s own output', async () => {
    const model = tinyModel();
    const image = Array.from({ length: 9 }, (_, i) => (i * 31) % 256);
    const [map] = await saliencyMaps(model, Uint8Array.from(image), 1, [3, 3, 1], 1);
    // Central differences of p(class 1), one pixel at a time (a step of 1 in 0..255 units).
    const numeric = image.map((_, i) => {
      const up = [...image];
      const down = [...image];
      up[i] = (up[i] ?? 0) + 1;
      down[i] = (down[i] ?? 0) - 1;
      return Math.abs(((predict(model, up)[1] ?? 0) - (predict(model, down)[1] ?? 0)) / 2);
    });
    const top = Math.max(...numeric);
    map?.forEach((v, i) => expect(v).toBeCloseTo((numeric[i] ?? 0) / top, 1));
    expect(Math.max(...(map ?? []))).toBe(1);
  });
});

describe('cellImages', () => {
  it("returns the cell's images, most confident first, with the model's own confidence", async () => {
    const model = tinyModel();
    const test = split(60);
    const all = Array.from({ length: test.count }, (_, i) =>
      predict(model, Array.from(test.images.subarray(i * 9, (i + 1) * 9))),
    );
    const argmax = (p: number[]) => p.indexOf(Math.max(...p));
    // The most populated off-diagonal cell, so that the test checks a real ranking.
    const counts = new Map<string, number>();
    all.forEach((p, i) => {
      const key = `${test.labels[i]},${argmax(p)}`;
      if (test.labels[i] !== argmax(p)) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const [cell] = [...counts].sort((a, b) => b[1] - a[1]);
    if (!cell) throw new Error('the seeded model makes no mistakes');
    const [t = 0, p = 0] = cell[0].split(',').map(Number);
    const answer = await cellImages(model, test, [3, 3, 1], 3, t, p, 2);
    expect(answer.total).toBe(cell[1]);
    expect(answer.images.length).toBe(Math.min(2, cell[1]));
    for (const image of answer.images) {
      expect(test.labels[image.index]).toBe(t);
      expect(image.confidence).toBeCloseTo(all[image.index]?.[p] ?? NaN, 5);
      expect(image.pixels).toEqual(
        Array.from(test.images.subarray(image.index * 9, image.index * 9 + 9)),
      );
      expect(image.saliency).toHaveLength(9);
    }
    const confidences = answer.images.map((i) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    await expect(cellImages(model, test, [3, 3, 1], 3, 5, 0, 2)).rejects.toThrow(
      'class 5 does not exist',
    );
  });
});
