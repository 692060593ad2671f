import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Split } from './loadedDataset';
import { datasetPreview, previewFromSplit } from './preview';
import { cifarRecord, tempFolder } from './testFiles';

const tmp = tempFolder();
afterAll(tmp.remove);

describe('preview strip', () => {
  it('shows the first images of each class, grouped by class', () => {
    // Six 1×1 samples: labels 1, 0, 1, 1, 2, 0 with pixel = index.
    const split: Split = { images: Uint8Array.from([0, 1, 2, 3, 4, 5]), labels: Uint8Array.from([1, 0, 1, 1, 2, 0]), count: 6, shape: [1, 1, 1] };
    expect(previewFromSplit(split, 3, 2)).toEqual({
      shape: [1, 1, 1],
      images: [
        { label: 0, pixels: [1] },
        { label: 0, pixels: [5] },
        { label: 1, pixels: [0] },
        { label: 1, pixels: [2] },
        { label: 2, pixels: [4] },
      ],
    });
  });

  it('gives three MNIST digits of every class, 28 × 28 each', async () => {
    const preview = await datasetPreview({ kind: 'mnist' }, 3);
    expect(preview.shape).toEqual([28, 28, 1]);
    expect(preview.images.map((i) => i.label)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9]);
    expect(preview.images.every((i) => i.pixels.length === 784 && Math.max(...i.pixels) > 200)).toBe(true);
  });

  it('reads CIFAR-10 previews from the test batch only', async () => {
    const dir = join(tmp.dir, 'cifar');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data_batch_1.bin'), Buffer.alloc(10)); // broken, and never read
    writeFileSync(join(dir, 'test_batch.bin'), Buffer.concat([cifarRecord(3, () => 9), cifarRecord(5, (_y, _x, c) => c)]));
    const preview = await datasetPreview({ kind: 'cifar10', path: dir }, 1);
    expect(preview.images.map((i) => [i.label, i.pixels.slice(0, 3)])).toEqual([
      [3, [9, 9, 9]],
      [5, [0, 1, 2]],
    ]);
  });

  it('decodes only a few images of each class of an image folder, passing over broken ones', async () => {
    const dir = join(tmp.dir, 'folder');
    for (const [cls, grey] of [['a', 20], ['b', 200]] as const) {
      mkdirSync(join(dir, cls), { recursive: true });
      for (let i = 0; i < 4; i++) {
        await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: grey, g: grey, b: grey } } }).png().toFile(join(dir, cls, `${i}.png`));
      }
    }
    writeFileSync(join(dir, 'a', '0.png'), 'broken');
    const preview = await datasetPreview({ kind: 'folder', path: dir, imageSize: [2, 2], color: 'grayscale' }, 2);
    expect(preview.images).toEqual([
      { label: 0, pixels: [20, 20, 20, 20] },
      { label: 0, pixels: [20, 20, 20, 20] },
      { label: 1, pixels: [200, 200, 200, 200] },
      { label: 1, pixels: [200, 200, 200, 200] },
    ]);
  });
});
