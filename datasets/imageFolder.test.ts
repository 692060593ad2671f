import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRef } from '../shared/training/datasetTypes';
import { skippedImagesNote } from '../shared/training/skippedImages';
import { describeImageFolder, loadImageFolder } from './imageFolder';
import type { Split } from './loadedDataset';
import { scanImageFolder } from './scanImageFolder';
import { tempFolder } from './testFiles';

const tmp = tempFolder();
afterAll(tmp.remove);

type Rgba = { r: number; g: number; b: number; alpha?: number };
async function image(
  path: string,
  colour: Rgba,
  format: 'png' | 'jpeg',
  size = [12, 16],
): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const [height = 1, width = 1] = size;
  const img = sharp({
    create: { width, height, channels: 4, background: { alpha: 1, ...colour } },
  });
  await (format === 'png' ? img.png() : img.jpeg({ quality: 95 })).toFile(path);
}

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };
const folderRef = (
  path: string,
  color: 'rgb' | 'grayscale' = 'rgb',
  extra: Partial<Extract<DatasetRef, { kind: 'folder' }>> = {},
) => ({ kind: 'folder', path, imageSize: [6, 8], color, ...extra }) as const;

/** [r, g, b] (or [v]) of pixel (y, x) of sample i. */
function pixel(split: Split, i: number, y: number, x: number): number[] {
  const [h, w, c] = split.shape;
  const at = i * h * w * c + (y * w + x) * c;
  return [...split.images.subarray(at, at + c)];
}

// pets/cat: 5 red PNGs (+ notes.txt, .DS_Store); pets/dog: 5 blue JPEGs + broken.jpg.
const pets = join(tmp.dir, 'pets');
beforeAll(async () => {
  for (let i = 0; i < 5; i++) {
    await image(join(pets, 'cat', `cat${i}.png`), RED, 'png');
    await image(join(pets, 'dog', `dog${i}.jpg`), BLUE, 'jpeg', [20, 10]);
  }
  writeFileSync(join(pets, 'cat', 'notes.txt'), 'not an image');
  writeFileSync(join(pets, 'cat', '.DS_Store'), 'finder');
  writeFileSync(join(pets, 'dog', 'broken.jpg'), Buffer.from('this is not a JPEG'));
});

describe('a folder with one subfolder per class', () => {
  it('labels classes in folder-name order and resizes every image', async () => {
    const { info, train, test } = await loadImageFolder(folderRef(pets));
    expect(info.classNames).toEqual(['cat', 'dog']);
    expect(info.inputShape).toEqual([6, 8, 3]);
    expect(train.shape).toEqual([6, 8, 3]);
    expect(train.images.length).toBe(train.count * 6 * 8 * 3);
    expect(train.count + test.count).toBe(10);
    // Each class keeps a fifth (1 of 5) for testing.
    expect([...test.labels].sort()).toEqual([0, 1]);
    for (let i = 0; i < train.count; i++) {
      const expected = train.labels[i] === 0 ? [255, 0, 0] : [0, 0, 255];
      pixel(train, i, 5, 7).forEach((v, c) =>
        expect(Math.abs(v - (expected[c] ?? 0))).toBeLessThanOrEqual(3),
      );
    }
  });

  it('skips and reports an image it cannot decode', async () => {
    const { info } = await loadImageFolder(folderRef(pets));
    expect(info.skipped?.count).toBe(1);
    expect(info.skipped?.first).toEqual([
      { path: join(pets, 'dog', 'broken.jpg'), reason: 'not a PNG, JPEG, WebP or GIF image' },
    ]);
  });

  it('says how many images were skipped and why: empty, not an image, damaged', async () => {
    const mixed = join(tmp.dir, 'mixed');
    for (let i = 0; i < 5; i++) {
      await image(join(mixed, 'a', `a${i}.png`), RED, 'png');
      await image(join(mixed, 'b', `b${i}.png`), BLUE, 'png');
    }
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: RED } })
      .jpeg()
      .toBuffer();
    writeFileSync(join(mixed, 'a', 'zero.png'), Buffer.alloc(0));
    writeFileSync(join(mixed, 'a', 'notes.jpg'), 'a text file named .jpg');
    writeFileSync(join(mixed, 'b', 'cut.jpg'), jpeg.subarray(0, jpeg.length >> 1));
    writeFileSync(join(mixed, 'b', 'empty.png'), Buffer.alloc(0));
    writeFileSync(join(mixed, 'b', 'letter.jpg'), 'Dear learner,');
    const { info, train, test } = await loadImageFolder(folderRef(mixed));
    expect(train.count + test.count).toBe(10);
    const skipped = info.skipped;
    if (!skipped) throw new Error('nothing reported as skipped');
    expect(skipped.count).toBe(5);
    expect(
      Object.fromEntries(skipped.reasons.map((r) => [r.reason.replace(/ \(.*/, ''), r.count])),
    ).toEqual({
      'empty file': 2,
      'not a PNG, JPEG, WebP or GIF image': 2,
      'damaged image data': 1,
    });
    expect(skipped.first).toHaveLength(5);
    expect(skippedImagesNote(skipped)).toMatch(
      /^Skipped 5 images that could not be read: 2 .*, 1 damaged image data \(.*\)\. First: .*mixed\/a\/(zero\.png|notes\.jpg) \(/,
    );
  });

  it('decodes to one grey channel when asked for grayscale', async () => {
    const { train } = await loadImageFolder(folderRef(pets, 'grayscale'));
    expect(train.shape).toEqual([6, 8, 1]);
    const cat = train.labels.indexOf(0);
    const [grey = 0] = pixel(train, cat, 0, 0);
    // Pure red is a dark grey: 0.299 × 255, as PIL and tf.image.rgb_to_grayscale give.
    expect(grey).toBe(76);
  });

  it('lays transparent pixels on white and reads 16-bit PNGs as 8-bit', async () => {
    const dir = join(tmp.dir, 'odd');
    await image(join(dir, 'clear', 'a.png'), { r: 0, g: 0, b: 0, alpha: 0 }, 'png');
    mkdirSync(join(dir, 'grey16'));
    await sharp(new Uint16Array(16 * 12).fill(40_000), {
      raw: { width: 16, height: 12, channels: 1 },
    })
      .toColourspace('grey16')
      .png()
      .toFile(join(dir, 'grey16', 'b.png'));
    const { train } = await loadImageFolder(folderRef(dir, 'rgb', { testFraction: 0 }));
    expect(pixel(train, 0, 3, 3)).toEqual([255, 255, 255]);
    pixel(train, 1, 3, 3).forEach((v) =>
      expect(Math.abs(v - (40_000 / 65_535) * 255)).toBeLessThanOrEqual(1),
    );
  });

  it('holds out the same test files every time, and per class', async () => {
    const first = await scanImageFolder(pets, 0.4);
    const again = await scanImageFolder(pets, 0.4);
    expect(again.test).toEqual(first.test);
    expect(first.test.filter((f) => f.label === 0)).toHaveLength(2);
    expect(first.test.filter((f) => f.label === 1)).toHaveLength(2); // 40 % of 6 files, rounded
    expect((await scanImageFolder(pets, 0)).test).toEqual([]);
  });

  it('describes the folder from its listing, with the counts loading gives', async () => {
    const info = await describeImageFolder(folderRef(pets));
    expect(info).toMatchObject({
      title: 'pets',
      classNames: ['cat', 'dog'],
      inputShape: [6, 8, 3],
      source: pets,
    });
    expect(info.trainCount + info.testCount).toBe(11); // broken.jpg is only found out by decoding
  });

  it('reports progress and can be stopped', async () => {
    const calls: [number, number][] = [];
    await loadImageFolder(folderRef(pets), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toHaveLength(11);
    expect(calls.at(-1)).toEqual([11, 11]);
    const stop = new AbortController();
    stop.abort(new Error('stopped by the learner'));
    await expect(loadImageFolder(folderRef(pets), { signal: stop.signal })).rejects.toThrow(
      'stopped by the learner',
    );
  });
});

describe('train/ and test/ (and validation/) subfolders', () => {
  const root = join(tmp.dir, 'split');
  beforeAll(async () => {
    for (const [split, n] of [
      ['train', 3],
      ['test', 2],
      ['validation', 1],
    ] as const) {
      for (let i = 0; i < n; i++) {
        await image(join(root, split, 'hotdog', `h${i}.png`), RED, 'png');
        await image(join(root, split, 'not_hotdog', `n${i}.jpeg`), BLUE, 'jpeg');
      }
    }
  });

  it('uses them as the splits, with the class folders inside', async () => {
    const { info, train, test, validation } = await loadImageFolder(folderRef(root));
    expect(info.classNames).toEqual(['hotdog', 'not_hotdog']);
    expect([train.count, test.count, validation?.count]).toEqual([6, 4, 2]);
    expect(info.validationCount).toBe(2);
    expect([...test.labels]).toEqual([0, 0, 1, 1]);
  });

  it('refuses a test class that has no training folder', async () => {
    await image(join(root, 'test', 'pizza', 'p.png'), RED, 'png');
    await expect(describeImageFolder(folderRef(root))).rejects.toMatchObject({
      code: 'missing',
      path: join(root, 'test', 'pizza'),
    });
  });
});

describe('folders that cannot be trained on', () => {
  it('names an empty class folder', async () => {
    const dir = join(tmp.dir, 'empty-class');
    await image(join(dir, 'apple', 'a.png'), RED, 'png');
    mkdirSync(join(dir, 'banana'));
    writeFileSync(join(dir, 'banana', 'readme.txt'), 'no images here');
    await expect(loadImageFolder(folderRef(dir))).rejects.toMatchObject({
      code: 'emptyClass',
      path: join(dir, 'banana'),
      message: expect.stringContaining('"banana"') as unknown,
    });
  });

  it('needs at least two classes', async () => {
    const dir = join(tmp.dir, 'one-class');
    await image(join(dir, 'only', 'a.png'), RED, 'png');
    await expect(describeImageFolder(folderRef(dir))).rejects.toMatchObject({
      code: 'tooFewClasses',
      message: expect.stringContaining('only one class folder ("only")') as unknown,
    });
  });

  it('explains that loose images need class folders', async () => {
    const dir = join(tmp.dir, 'loose');
    await image(join(dir, 'a.png'), RED, 'png');
    await expect(describeImageFolder(folderRef(dir))).rejects.toThrow(
      /has no class folders.*lie directly in/,
    );
  });

  it('refuses a class none of whose images can be decoded', async () => {
    const dir = join(tmp.dir, 'all-broken');
    await image(join(dir, 'good', 'a.png'), RED, 'png');
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'x.png'), 'garbage');
    await expect(loadImageFolder(folderRef(dir))).rejects.toMatchObject({
      code: 'unreadable',
      path: join(dir, 'bad'),
    });
  });

  it('names a folder that does not exist', async () => {
    const nowhere = join(tmp.dir, 'nowhere');
    await expect(loadImageFolder(folderRef(nowhere))).rejects.toMatchObject({
      code: 'missing',
      message: expect.stringContaining(nowhere) as unknown,
    });
  });
});
