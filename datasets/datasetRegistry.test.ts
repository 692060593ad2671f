import { describe, expect, it } from 'vitest';
import {
  DATASET_KINDS,
  DATASET_NAMES,
  datasetLabel,
  fixedClassCount,
} from '../shared/training/datasetKinds';
import { datasetRefSchema } from '../shared/training/datasetRef';
import type { DatasetRef } from '../shared/training/datasetTypes';
import { DEFAULT_TRAINING } from '../shared/training/settings';
import { DATASETS, datasetDef } from './datasetRegistry';

const samples: Record<DatasetRef['kind'], DatasetRef> = {
  mnist: { kind: 'mnist' },
  'fashion-mnist': { kind: 'fashion-mnist', path: '/data/fashion' },
  cifar10: { kind: 'cifar10', path: '/data/cifar' },
  folder: { kind: 'folder', path: '/data/hotdog', imageSize: [64, 64], color: 'rgb' },
};

describe('data-set registry', () => {
  it('defines every kind the schemas accept, with the title and classes the renderer shows', () => {
    for (const kind of DATASET_NAMES) {
      const def = DATASETS[kind];
      expect(def.kind).toBe(kind);
      expect(def.title).toBe(DATASET_KINDS[kind].title);
      expect(def.classes).toBe(DATASET_KINDS[kind].classes);
      expect(datasetRefSchema.safeParse(samples[kind]).success).toBe(true);
      expect(datasetDef(samples[kind])).toBe(def);
    }
    expect(datasetRefSchema.safeParse({ kind: 'imagenet' }).success).toBe(false);
  });

  it('labels each reference the way the runs list shows it', () => {
    expect(DATASET_NAMES.map((k) => datasetLabel(samples[k]))).toEqual([
      'MNIST',
      'Fashion-MNIST',
      'CIFAR-10 (/data/cifar)',
      'folder /data/hotdog (64×64 rgb)',
    ]);
    expect(fixedClassCount('cifar10')).toBe(10);
    expect(fixedClassCount('folder')).toBeUndefined();
  });

  it('writes each kind its own Python loader', () => {
    const mnist = datasetDef(samples.mnist).pythonLoader(samples.mnist, DEFAULT_TRAINING, 10);
    expect(mnist.code).toContain('keras.datasets.mnist.load_data()');
    expect(mnist.imports).toEqual([]);
    const fashion = datasetDef(samples['fashion-mnist']).pythonLoader(
      samples['fashion-mnist'],
      DEFAULT_TRAINING,
      10,
    );
    expect(fashion.code).toContain('keras.datasets.fashion_mnist.load_data()');
    const folder = datasetDef(samples.folder).pythonLoader(samples.folder, DEFAULT_TRAINING, 2);
    expect(folder.code).toContain('DATA_DIR = pathlib.Path("/data/hotdog")');
    expect(folder.imports).toEqual(['pathlib']);
  });
});
