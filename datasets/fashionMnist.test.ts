import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFashionMnist, FASHION_MNIST_DIR, loadFashionMnist } from './fashionMnist';
import { idxBytes, maybeGzip, tempFolder } from './testFiles';

const tmp = tempFolder();
afterAll(tmp.remove);

const installed = existsSync(FASHION_MNIST_DIR);
if (!installed) {
  console.warn(
    `Skipping the real Fashion-MNIST test: ${FASHION_MNIST_DIR} is missing (apt-get install dataset-fashion-mnist).`,
  );
}

describe.skipIf(!installed)(
  `Fashion-MNIST from Debian's dataset-fashion-mnist (${FASHION_MNIST_DIR})`,
  () => {
    it('loads the gzipped files: 60,000 + 10,000 clothes images of 28 × 28 × 1', async () => {
      const { info, train, test } = await loadFashionMnist();
      expect([train.count, test.count]).toEqual([60_000, 10_000]);
      expect(train.shape).toEqual([28, 28, 1]);
      expect(info.classNames[9]).toBe('Ankle boot');
      // The first training images are an ankle boot, two T-shirts and a dress.
      expect([...train.labels.subarray(0, 4)]).toEqual([9, 0, 0, 3]);
    });
  },
);

describe("Fashion-MNIST from a folder of one's own", () => {
  // Two images, 1×1: train labels 3 and 9, test one image labelled 0. Mixed gz and plain names.
  const folder = join(tmp.dir, 'fashion');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'train-images-idx3-ubyte.gz'),
    maybeGzip(idxBytes([2, 1, 1], [10, 20]), true),
  );
  writeFileSync(join(folder, 'train-labels-idx1-ubyte'), idxBytes([2], [3, 9]));
  writeFileSync(join(folder, 't10k-images.idx3-ubyte'), idxBytes([1, 1, 1], [30]));
  writeFileSync(join(folder, 't10k-labels-idx1-ubyte.gz'), maybeGzip(idxBytes([1], [0]), true));

  it('reads the four files, gzipped or not', async () => {
    const { info, train, test } = await loadFashionMnist({ kind: 'fashion-mnist', path: folder });
    expect(info.source).toBe(folder);
    expect([...train.labels]).toEqual([3, 9]);
    expect([...train.images]).toEqual([10, 20]);
    expect([...test.images]).toEqual([30]);
  });

  it('describes it from the headers', async () => {
    const info = await describeFashionMnist({ kind: 'fashion-mnist', path: folder });
    expect(info).toMatchObject({
      title: 'Fashion-MNIST',
      trainCount: 2,
      testCount: 1,
      inputShape: [1, 1, 1],
    });
  });

  it('names the files a folder lacks and how to get them', async () => {
    const partial = join(tmp.dir, 'partial');
    mkdirSync(partial);
    writeFileSync(
      join(partial, 'train-images-idx3-ubyte.gz'),
      maybeGzip(idxBytes([1, 1, 1], [0]), true),
    );
    const err = loadFashionMnist({ kind: 'fashion-mnist', path: partial });
    await expect(err).rejects.toMatchObject({ code: 'missing', path: partial });
    await expect(err).rejects.toThrow(
      /did not find train-labels-idx1-ubyte\(\.gz\), t10k-images-idx3-ubyte\(\.gz\), t10k-labels-idx1-ubyte\(\.gz\)/,
    );
  });

  it('says where it looked and suggests apt-get when the folder does not exist', async () => {
    const nowhere = join(tmp.dir, 'no-such-folder');
    await expect(describeFashionMnist({ kind: 'fashion-mnist', path: nowhere })).rejects.toThrow(
      new RegExp(`looked in ${nowhere}.*apt-get install dataset-fashion-mnist`),
    );
  });
});
