import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Split } from './loadedDataset';
import { datasetPreview, testImages } from './preview';
import { previewFromSplit } from './splitViews';
import { cifarRecord, tempFolder } from './testFiles';

const tmp = tempFolder();
afterAll(tmp.remove);

describe('preview strip', () => {
  it('shows the first images of each class, grouped by class', () => {
    // Six 1×1 samples: labels 1, 0, 1, 1, 2, 0 with pixel = index.
    const split: Split = {
      images: Uint8Array.from([0, 1, 2, 3, 4, 5]),
      labels: Uint8Array.from([1, 0, 1, 1, 2, 0]),
      count: 6,
      shape: [1, 1, 1],
    };
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
    expect(preview.images.map((i) => i.label)).toEqual([
      0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9,
    ]);
    expect(
      preview.images.every((i) => i.pixels.length === 784 && Math.max(...i.pixels) > 200),
    ).toBe(true);
  });

  it('reads CIFAR-10 previews from the test batch only', async () => {
    const dir = join(tmp.dir, 'cifar');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data_batch_1.bin'), Buffer.alloc(10)); // broken, and never read
    writeFileSync(
      join(dir, 'test_batch.bin'),
      Buffer.concat([cifarRecord(3, () => 9), cifarRecord(5, (_y, _x, c) => c)]),
    );
    const preview = await datasetPreview({ kind: 'cifar10', path: dir }, 1);
    expect(preview.images.map((i) => [i.label, i.pixels.slice(0, 3)])).toEqual([
      [3, [9, 9, 9]],
      [5, [0, 1, 2]],
    ]);
  });

  it('decodes only a few images of each class of an image folder, passing over broken ones', async () => {
    const dir = join(tmp.dir, 'folder');
    for (const [cls, grey] of [
      ['a', 20],
      ['b', 200],
    ] as const) {
      mkdirSync(join(dir, cls), { recursive: true });
      for (let i = 0; i < 4; i++) {
        await sharp({
          create: { width: 4, height: 4, channels: 3, background: { r: grey, g: grey, b: grey } },
        })
          .png()
          .toFile(join(dir, cls, `${i}.png`));
      }
    }
    writeFileSync(join(dir, 'a', '0.png'), 'broken');
    const preview = await datasetPreview(
      { kind: 'folder', path: dir, imageSize: [2, 2], color: 'grayscale' },
      2,
    );
    expect(preview.images).toEqual([
      { label: 0, pixels: [20, 20, 20, 20] },
      { label: 0, pixels: [20, 20, 20, 20] },
      { label: 1, pixels: [200, 200, 200, 200] },
      { label: 1, pixels: [200, 200, 200, 200] },
    ]);
  });
});

describe('test images to look inside a network with', () => {
  it('gives MNIST test images by position, with their labels, and the size of the split', async () => {
    const page = await testImages({ kind: 'mnist' }, 0, 3);
    expect(page.total).toBe(10_000);
    expect(page.shape).toEqual([28, 28, 1]);
    // The MNIST test split starts 7, 2, 1 (the well-known first digits of t10k-labels).
    expect(page.images.map((i) => [i.index, i.label])).toEqual([
      [0, 7],
      [1, 2],
      [2, 1],
    ]);
    expect(page.images.every((i) => i.pixels.length === 784)).toBe(true);
    const last = await testImages({ kind: 'mnist' }, 9_998, 5);
    expect(last.images.map((i) => i.index)).toEqual([9_998, 9_999]);
  });

  it('reads CIFAR-10 test images from the test batch, in order', async () => {
    const dir = join(tmp.dir, 'cifar-test');
    mkdirSync(dir);
    for (let b = 1; b <= 5; b++) writeFileSync(join(dir, `data_batch_${b}.bin`), Buffer.alloc(10)); // broken, and never read
    writeFileSync(
      join(dir, 'test_batch.bin'),
      Buffer.concat([cifarRecord(3, () => 9), cifarRecord(5, () => 1), cifarRecord(8, () => 2)]),
    );
    const page = await testImages({ kind: 'cifar10', path: dir }, 1, 5);
    expect(page.total).toBe(3);
    expect(page.images.map((i) => [i.index, i.label, i.pixels[0]])).toEqual([
      [1, 5, 1],
      [2, 8, 2],
    ]);
  });

  it("shows an image folder's held-out test images and leaves out broken ones", async () => {
    const dir = join(tmp.dir, 'split-folder');
    for (const [split, cls, grey] of [
      ['train', 'a', 20],
      ['train', 'b', 20],
      ['test', 'a', 60],
      ['test', 'b', 220],
    ] as const) {
      mkdirSync(join(dir, split, cls), { recursive: true });
      for (let i = 0; i < 2; i++)
        await sharp({
          create: { width: 4, height: 4, channels: 3, background: { r: grey, g: grey, b: grey } },
        })
          .png()
          .toFile(join(dir, split, cls, `${i}.png`));
    }
    writeFileSync(join(dir, 'test', 'b', '1.png'), 'broken');
    const page = await testImages(
      { kind: 'folder', path: dir, imageSize: [2, 2], color: 'grayscale' },
      0,
      10,
    );
    expect(page.total).toBe(4);
    expect(page.images.map((i) => [i.label, i.pixels[0]])).toEqual([
      [0, 60],
      [0, 60],
      [1, 220],
    ]);
  });
});
