import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateBatches, planSamples } from '../../datasets/batches';
import { loadImageFolder } from '../../datasets/imageFolder';
import type { Split } from '../../datasets/loadedDataset';
import { tempFolder } from '../../datasets/testFiles';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { stackGraph } from '../../shared/templates/stackGraph';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { compileModel, modelFromTopology } from './buildModel';
import { trainLoop } from './trainLoop';

const CLASSES = 300;
const tmp = tempFolder();
afterAll(tmp.remove);
const root = join(tmp.dir, 'many');

/** Class `k` is a 2×2 image whose red and green bytes spell `k`, so every label can be checked against its pixels. */
beforeAll(async () => {
  for (let k = 0; k < CLASSES; k++) {
    const dir = join(root, `class${String(k).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    const png = await sharp({
      create: { width: 2, height: 2, channels: 3, background: { r: k & 0xff, g: k >> 8, b: 7 } },
    })
      .png()
      .toBuffer();
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `img${i}.png`), png);
  }
}, 120_000);

const classOf = (split: Split, i: number): number => {
  const at = i * 2 * 2 * 3;
  return (split.images[at] ?? 0) + 256 * (split.images[at + 1] ?? 0);
};

describe('an image folder with more than 256 classes', () => {
  it('keeps every class its own label (class 256 is not class 0)', async () => {
    const { info, train, test } = await loadImageFolder({
      kind: 'folder',
      path: root,
      imageSize: [2, 2],
      color: 'rgb',
    });
    expect(info.classNames).toHaveLength(CLASSES);
    expect(new Set([...train.labels, ...test.labels]).size).toBe(CLASSES);
    for (const split of [train, test])
      for (let i = 0; i < split.count; i++) expect(split.labels[i]).toBe(classOf(split, i));
    const batch = iterateBatches(train, null, {
      batchSize: train.count,
      oneHotClasses: CLASSES,
    }).next().value;
    if (!batch?.oneHot) throw new Error('no batch');
    for (let i = 0; i < batch.size; i++)
      expect(batch.oneHot.subarray(i * CLASSES, (i + 1) * CLASSES).indexOf(1)).toBe(
        classOf(train, i),
      );
  });

  it('trains a network with 300 outputs on it', async () => {
    const dataset = await loadImageFolder({
      kind: 'folder',
      path: root,
      imageSize: [2, 2],
      color: 'rgb',
    });
    const graph = stackGraph([
      ['InputLayer', { shape: [2, 2, 3] }],
      ['Flatten'],
      ['Dense', { units: CLASSES, activation: 'softmax' }],
    ]);
    const model = await modelFromTopology(toKerasTopology(graph));
    const settings = { ...DEFAULT_TRAINING, epochs: 1, batchSize: 64, validationSplit: 0 };
    compileModel(model, settings);
    const events: RunEvent[] = [];
    const plan = planSamples(dataset, { seed: 1, limit: null, validationSplit: 0 });
    const outcome = await trainLoop(
      { runId: 'r', model, plan, settings, classes: CLASSES, inputShape: [2, 2, 3] },
      { emit: (e) => events.push(e), shouldStop: () => false },
    );
    expect(outcome.status).toBe('done');
    const epoch = events.find((e) => e.type === 'epoch');
    expect(epoch?.type === 'epoch' && Number.isFinite(epoch.loss)).toBe(true);
    model.dispose();
  }, 120_000);
});
