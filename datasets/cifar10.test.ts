import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CIFAR10_CLASS_NAMES, describeCifar10, loadCifar10 } from './cifar10';
import { cifarRecord, tempFolder } from './testFiles';

const tmp = tempFolder();
afterAll(tmp.remove);

// Pixel value that encodes where it is: image i, row y, column x, channel c (0 red, 1 green, 2 blue).
const value = (i: number, y: number, x: number, c: number) =>
  (i * 37 + y * 5 + x * 3 + c * 80) % 256;
const records = (first: number, labels: readonly number[]) =>
  Buffer.concat(
    labels.map((label, k) => cifarRecord(label, (y, x, c) => value(first + k, y, x, c))),
  );

function cifarFolder(name: string, files: Record<string, Buffer | string>): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dir, file), bytes);
  return dir;
}

describe('CIFAR-10 binary batches', () => {
  // Two training batches (3 + 2 records) and a test batch of 2.
  const folder = cifarFolder('cifar', {
    'data_batch_1.bin': records(0, [6, 9, 9]),
    'data_batch_2.bin': records(3, [4, 1]),
    'test_batch.bin': records(100, [3, 8]),
  });

  it('turns the red, green and blue planes into height × width × channels pixels', async () => {
    const { train, test, info } = await loadCifar10({ kind: 'cifar10', path: folder });
    expect(train.shape).toEqual([32, 32, 3]);
    expect([train.count, test.count]).toEqual([5, 2]);
    expect([...train.labels]).toEqual([6, 9, 9, 4, 1]);
    expect([...test.labels]).toEqual([3, 8]);
    expect(info.classNames).toEqual(CIFAR10_CLASS_NAMES);
    // Sample 4 (second record of batch 2), row 7, column 20: [r, g, b] in a row.
    const at = (i: number, y: number, x: number) => [
      ...train.images.subarray(i * 3072 + (y * 32 + x) * 3, i * 3072 + (y * 32 + x) * 3 + 3),
    ];
    expect(at(4, 7, 20)).toEqual([value(4, 7, 20, 0), value(4, 7, 20, 1), value(4, 7, 20, 2)]);
    expect(at(0, 0, 0)).toEqual([0, 80, 160]);
    // Every pixel of every sample, checked the same way.
    let wrong = 0;
    for (let i = 0; i < 5; i++)
      for (let y = 0; y < 32; y++)
        for (let x = 0; x < 32; x++)
          for (let c = 0; c < 3; c++) {
            if (train.images[i * 3072 + (y * 32 + x) * 3 + c] !== value(i, y, x, c)) wrong++;
          }
    expect(wrong).toBe(0);
  });

  it('describes itself from the file sizes', async () => {
    expect(await describeCifar10({ kind: 'cifar10', path: folder })).toMatchObject({
      title: 'CIFAR-10',
      trainCount: 5,
      testCount: 2,
      inputShape: [32, 32, 3],
    });
  });

  it('takes the class names from batches.meta.txt', async () => {
    const names = ['plane', 'car', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
    const dir = cifarFolder('with-meta', {
      'data_batch_1.bin': records(0, [1]),
      'test_batch.bin': records(0, [2]),
      'batches.meta.txt': `${names.join('\n')}\n\n`,
    });
    expect((await describeCifar10({ kind: 'cifar10', path: dir })).classNames).toEqual(names);
  });

  it('finds the batches in the cifar-10-batches-bin folder the archive unpacks to', async () => {
    const parent = join(tmp.dir, 'unpacked');
    const inner = cifarFolder('unpacked/cifar-10-batches-bin', {
      'data_batch_1.bin': records(0, [1]),
      'test_batch.bin': records(0, [2]),
    });
    expect((await describeCifar10({ kind: 'cifar10', path: parent })).source).toBe(inner);
  });

  it('names a batch that is cut short', async () => {
    const dir = cifarFolder('cut', {
      'data_batch_1.bin': records(0, [1, 2]).subarray(0, 5000),
      'test_batch.bin': records(0, [2]),
    });
    await expect(loadCifar10({ kind: 'cifar10', path: dir })).rejects.toMatchObject({
      code: 'truncated',
      path: join(dir, 'data_batch_1.bin'),
      message: expect.stringContaining(
        'expected 6146 bytes (2 records of 3073), got 5000',
      ) as unknown,
    });
  });

  it('refuses labels beyond the ten classes', async () => {
    const dir = cifarFolder('label-12', {
      'data_batch_1.bin': records(0, [1, 12]),
      'test_batch.bin': records(0, [2]),
    });
    await expect(loadCifar10({ kind: 'cifar10', path: dir })).rejects.toMatchObject({
      code: 'badLabel',
      message: expect.stringContaining('record 1 has label 12') as unknown,
    });
  });

  it('says where it looked and how to get the data when the folder is missing', async () => {
    const nowhere = join(tmp.dir, 'no-cifar');
    await expect(loadCifar10({ kind: 'cifar10', path: nowhere })).rejects.toMatchObject({
      code: 'missing',
      path: nowhere,
    });
    await expect(loadCifar10({ kind: 'cifar10', path: nowhere })).rejects.toThrow(
      /looked in .*no-cifar.*binary version/,
    );
  });

  it('recognises the Python version and asks for the binary one', async () => {
    const dir = cifarFolder('python', { data_batch_1: 'pickle', test_batch: 'pickle' });
    await expect(describeCifar10({ kind: 'cifar10', path: dir })).rejects.toThrow(
      /Python version of CIFAR-10; NetCanvas reads the binary version/,
    );
  });
});
