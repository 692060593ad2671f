import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../../datasets/loadedDataset';
import { scoreRobustness } from './scoreRobustness';

// A "network" that answers by the brightness of the left half against the right half: 0 when the
// left is brighter, else 1. Shifting the bright half across the middle fools it; inverting
// swaps every answer. Each expected accuracy follows from that by hand.
function halvesModel(): tf.LayersModel {
  const input = tf.input({ shape: [2, 8, 1] });
  const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 2, activation: 'softmax' });
  const model = tf.model({ inputs: input, outputs: dense.apply(flat) as tf.SymbolicTensor });
  const w = Array.from({ length: 16 }, (_, i) => (i % 8 < 4 ? [1, -1] : [-1, 1])).flat();
  dense.setWeights([tf.tensor(w, [16, 2]), tf.zeros([2])]);
  return model;
}

/** Bright columns 0–2 (class 0) or 5–7 (class 1), alternating. */
function split(count: number): Split {
  const images = new Uint8Array(count * 16);
  for (let i = 0; i < count; i++)
    for (let p = 0; p < 16; p++)
      images[i * 16 + p] = (i % 2 === 0 ? p % 8 < 3 : p % 8 > 4) ? 255 : 0;
  return {
    images,
    labels: Uint8Array.from({ length: count }, (_, i) => i % 2),
    count,
    shape: [2, 8, 1],
  };
}

describe('scoreRobustness', () => {
  it('scores the untouched and every transformed copy of the first test images', async () => {
    const scores = await scoreRobustness(halvesModel(), split(40), [2, 8, 1], 2, 8);
    expect(scores.samples).toBe(8);
    expect(scores.accuracy.original).toBe(1);
    // Inverted: the dark half becomes the bright one, every answer flips.
    expect(scores.accuracy.invert).toBe(0);
    // Shifted by 4: images 0 and 4 (class 0) go right, 2 and 6 (class 0) go left, 1, 3, 5, 7 (class 1) go down/up.
    // Class 0 moved right by 4 lands on the right: wrong; moved left stays left: right. Class 1 up or down: off the 2 rows, all black, a tie → class 0: wrong.
    expect(scores.accuracy.shift4).toBe(2 / 8);
    for (const v of Object.values(scores.accuracy)) expect(v).toBeGreaterThanOrEqual(0);
  });
});
