import { describe, expect, it } from 'vitest';
import { convStep } from './convStep';
import type { LayerArithmetic } from './layerArithmetic';
import { poolStep } from './poolStep';
import { denseStep } from './denseStep';

// Hand-checkable cases a learner could redo on paper; main/insight/readLayerArithmetic.test.ts
// checks the same functions against tfjs on every cell of real networks.

const image3x3: LayerArithmetic = {
  layer: 'edges',
  kerasClass: 'Conv2D',
  window: { kernelSize: [2, 2], strides: [1, 1], padding: 'valid', dilationRate: [1, 1] },
  activation: 'relu',
  input: { shape: [3, 3, 1], values: [0, 1, 2, 3, 4, 5, 6, 7, 8] },
  output: { shape: [2, 2, 1], values: [0, 0, 0, 0] },
  // [[1, 0], [0, −1]]: top-left minus bottom-right.
  kernel: { shape: [2, 2, 1, 1], values: [1, 0, 0, -1] },
  bias: [0.5],
};

describe('convStep', () => {
  it('multiplies the window by the kernel, adds the bias and applies the activation', () => {
    const step = convStep(image3x3, 1, 0, 0);
    expect(step.taps.map((t) => [t.row, t.col])).toEqual([
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
    expect(step.channels[0]).toEqual({
      input: [3, 4, 6, 7],
      weights: [1, 0, 0, -1],
      products: [3, 0, 0, -7],
      sum: -4,
    });
    expect([step.sum, step.bias, step.z, step.value]).toEqual([-4, 0.5, -3.5, 0]);
  });

  it('refuses a cell outside the map', () => {
    expect(() => convStep(image3x3, 2, 0, 0)).toThrow('outside 2×2×1');
  });
});

describe('poolStep', () => {
  const pool = (kerasClass: 'MaxPooling2D' | 'AveragePooling2D'): LayerArithmetic => ({
    ...image3x3,
    kerasClass,
    activation: 'linear',
    window: { kernelSize: [2, 2], strides: [2, 2], padding: 'same', dilationRate: [1, 1] },
    kernel: null,
    bias: null,
  });

  it("takes the max of the window, ignoring the border 'same' adds", () => {
    const step = poolStep(pool('MaxPooling2D'), 1, 1, 0);
    expect(step.input).toEqual([8, null, null, null]);
    expect([step.value, step.chosen, step.count]).toEqual([8, 0, 1]);
  });

  it('divides the mean by the pixels inside the image only, as TensorFlow does', () => {
    expect(poolStep(pool('AveragePooling2D'), 0, 1, 0)).toMatchObject({
      input: [2, null, 5, null],
      count: 2,
      value: 3.5,
    });
  });
});

describe('denseStep', () => {
  const dense: LayerArithmetic = {
    layer: 'out',
    kerasClass: 'Dense',
    window: null,
    activation: 'softmax',
    input: { shape: [3], values: [1, 2, 3] },
    output: { shape: [2], values: [0, 0] },
    kernel: { shape: [3, 2], values: [1, 0, -1, 0, 0.1, 0] },
    bias: [0, 0],
  };

  it('lists the largest contributions first and softmaxes over every unit', () => {
    const step = denseStep(dense, 0, 2);
    expect(step.top.map((t) => [t.index, t.product])).toEqual([
      [1, -2],
      [0, 1],
    ]);
    expect(step.rest).toBeCloseTo(0.3, 9);
    expect(step.z).toBeCloseTo(-0.7, 9);
    expect(step.value).toBeCloseTo(Math.exp(-0.7) / (Math.exp(-0.7) + 1), 9);
  });
});
