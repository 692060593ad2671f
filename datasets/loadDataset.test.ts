import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetRef } from '../shared/training/datasetTypes';
import { DatasetError } from './datasetError';
import { describeDataset, listDatasets, loadDataset } from './loadDataset';
import { cifarRecord, tempFolder } from './testFiles';

const tmp = tempFolder();
afterAll(tmp.remove);

function cifarFolder(): string {
  const dir = join(tmp.dir, 'cifar');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'data_batch_1.bin'),
    Buffer.concat([cifarRecord(1, () => 1), cifarRecord(2, () => 2), cifarRecord(3, () => 3)]),
  );
  writeFileSync(
    join(dir, 'test_batch.bin'),
    cifarRecord(4, () => 4),
  );
  return dir;
}

describe('listDatasets', () => {
  it('lists MNIST as available and says where to get the missing ones', async () => {
    const nowhere = join(tmp.dir, 'nothing-here');
    const { available, missing } = await listDatasets({
      fashionMnistPath: nowhere,
      cifar10Path: join(nowhere, 'cifar'),
    });
    expect(available.map((d) => d.title)).toEqual(['MNIST']);
    expect(missing.map((d) => [d.title, d.code])).toEqual([
      ['Fashion-MNIST', 'missing'],
      ['CIFAR-10', 'missing'],
    ]);
    expect(missing[0]?.message).toMatch(
      new RegExp(`looked in ${nowhere}.*apt-get install dataset-fashion-mnist`),
    );
    expect(missing[1]?.message).toMatch(
      /looked in .*nothing-here\/cifar.*Download the CIFAR-10 binary version.*choose its cifar-10-batches-bin folder/,
    );
  });

  it('lists CIFAR-10 once its folder holds the batches', async () => {
    const { available } = await listDatasets({ cifar10Path: cifarFolder() });
    expect(available.find((d) => d.title === 'CIFAR-10')).toMatchObject({
      trainCount: 3,
      testCount: 1,
      inputShape: [32, 32, 3],
    });
  });
});

describe('loadDataset and describeDataset', () => {
  it('agree on counts and shapes for every kind of source', async () => {
    const images = join(tmp.dir, 'images');
    for (const cls of ['x', 'y']) {
      mkdirSync(join(images, cls), { recursive: true });
      for (let i = 0; i < 3; i++)
        await sharp({ create: { width: 3, height: 3, channels: 3, background: '#808080' } })
          .jpeg()
          .toFile(join(images, cls, `${i}.jpg`));
    }
    const refs: DatasetRef[] = [
      { kind: 'mnist' },
      { kind: 'cifar10', path: cifarFolder() },
      { kind: 'folder', path: images, imageSize: [5, 4], color: 'rgb', testFraction: 0.34 },
    ];
    for (const ref of refs) {
      const described = await describeDataset(ref);
      const loaded = await loadDataset(ref);
      expect(loaded.info).toMatchObject(described);
      expect([loaded.train.count, loaded.test.count]).toEqual([
        described.trainCount,
        described.testCount,
      ]);
      expect(loaded.train.shape).toEqual(described.inputShape);
      expect(loaded.train.labels).toHaveLength(loaded.train.count);
    }
  });

  it('throws a DatasetError a learner can read', async () => {
    const err: unknown = await loadDataset({
      kind: 'cifar10',
      path: join(tmp.dir, 'no-such'),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect(err).toMatchObject({ name: 'DatasetError', code: 'missing' });
  });
});
