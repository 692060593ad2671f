import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIdxSplit, readIdx, readIdxHeader } from './idx';
import { idxBytes, maybeGzip, tempFolder } from './testFiles';

const tmp = tempFolder();
afterAll(tmp.remove);

// Three 2×3 images whose pixels count up, labelled 2, 0, 1.
const pixels = Array.from({ length: 3 * 2 * 3 }, (_, i) => i * 10);
const imagesFile = idxBytes([3, 2, 3], pixels);
const labelsFile = idxBytes([3], [2, 0, 1]);

function write(name: string, bytes: Buffer): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe.each([
  ['plain', false],
  ['gzipped', true],
])('a %s IDX pair', (_name, gz) => {
  const suffix = gz ? '.gz' : '';
  const images = write(`ok-images${suffix}`, maybeGzip(imagesFile, gz));
  const labels = write(`ok-labels${suffix}`, maybeGzip(labelsFile, gz));

  it('loads images as height × width × 1 with their labels', async () => {
    const split = await loadIdxSplit(images, labels, 3);
    expect(split.count).toBe(3);
    expect(split.shape).toEqual([2, 3, 1]);
    expect([...split.images]).toEqual(pixels);
    expect([...split.labels]).toEqual([2, 0, 1]);
  });

  it('reads the dimensions from the header alone', async () => {
    const header = await readIdxHeader(images, 'images');
    expect(header.dims).toEqual([3, 2, 3]);
    expect(header.byteLength).toBe(16 + 18);
  });

  it('names a truncated file with the bytes expected and found', async () => {
    const cut = write(
      `cut-images${suffix}`,
      maybeGzip(imagesFile.subarray(0, imagesFile.length - 5), gz),
    );
    await expect(readIdx(cut, 'images')).rejects.toMatchObject({
      code: 'truncated',
      path: cut,
      message: expect.stringContaining(`expected 34 bytes, got 29`) as unknown,
    });
  });
});

describe('broken IDX files', () => {
  it('says which magic number it expected and which it found', async () => {
    const labels = write('swapped.gz', maybeGzip(labelsFile, true));
    const err = readIdx(labels, 'images');
    await expect(err).rejects.toMatchObject({ code: 'badMagic', path: labels });
    await expect(err).rejects.toThrow(/magic number is 0x00000801, expected 0x00000803.*swapped/);
  });

  it('rejects a file that is not IDX at all', async () => {
    const png = write('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await expect(readIdxHeader(png, 'labels')).rejects.toThrow(
      /magic number is 0x89504e47, expected 0x00000801/,
    );
  });

  it('catches truncation from the file size without reading the data', async () => {
    const cut = write('cut-plain', imagesFile.subarray(0, 20));
    await expect(readIdxHeader(cut, 'images')).rejects.toMatchObject({
      code: 'truncated',
      message: expect.stringContaining('expected 34 bytes, got 20') as unknown,
    });
  });

  it('reports a gzip stream that ends early as truncated', async () => {
    const big = idxBytes(
      [50, 28, 28],
      Array.from({ length: 50 * 784 }, (_, i) => (i * 7919) % 251),
    );
    const gz = maybeGzip(big, true);
    const cut = write('cut-stream.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(readIdx(cut, 'images')).rejects.toMatchObject({ code: 'truncated', path: cut });
  });

  it('refuses images and labels whose counts disagree', async () => {
    const images = write('three-images', imagesFile);
    const labels = write('two-labels', idxBytes([2], [0, 1]));
    await expect(loadIdxSplit(images, labels, 3)).rejects.toMatchObject({
      code: 'countMismatch',
      message: expect.stringMatching(/holds 3 images but .*two-labels holds 2 labels/) as unknown,
    });
  });

  it('refuses a label outside the classes', async () => {
    const images = write('imgs', imagesFile);
    const labels = write('labels-with-7', idxBytes([3], [0, 7, 1]));
    await expect(loadIdxSplit(images, labels, 3)).rejects.toMatchObject({
      code: 'badLabel',
      message: expect.stringContaining('sample 1 has label 7') as unknown,
    });
  });

  it('names a file that does not exist', async () => {
    const nowhere = join(tmp.dir, 'nope-idx3-ubyte');
    await expect(readIdx(nowhere, 'images')).rejects.toMatchObject({
      code: 'missing',
      message: expect.stringContaining(nowhere) as unknown,
    });
  });
});
