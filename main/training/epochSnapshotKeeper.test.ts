import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_SNAPSHOTS_NOTE } from '../../shared/training/epochSnapshots';
import { describeWriteError } from '../export/atomicWrite';
import { saveTfjsModel } from '../export/saveTfjsModel';
import {
  epochDir,
  EpochSnapshotKeeper,
  readEpochIndex,
  snapshotBytes,
} from './epochSnapshotKeeper';

/** Dense 4 → 3: 15 weights, 60 bytes + the model.json allowance. */
function smallModel(): tf.LayersModel {
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: 'softmax' })],
  });
  return model;
}

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'netcanvas-snapshots-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const losses = [0.9, 0.5, 0.7, 0.6, 0.8, 0.65, 0.75];

describe('EpochSnapshotKeeper', () => {
  it('keeps every epoch when they fit, each readable with the weights of that epoch', async () => {
    const dir = freshDir();
    const model = smallModel();
    const keeper = EpochSnapshotKeeper.create(model, dir, 3);
    const kernels: number[][] = [];
    for (let epoch = 1; epoch <= 3; epoch++) {
      model.layers[0]?.setWeights([tf.fill([4, 3], epoch / 10), tf.zeros([3])]);
      kernels.push(Array.from(model.getWeights()[0]?.dataSync() ?? []));
      await keeper.afterEpoch(model, { epoch, loss: 1 / epoch, valLoss: null });
    }
    const index = await readEpochIndex(dir);
    expect(index).toMatchObject({
      epochs: [1, 2, 3],
      every: 1,
      best: { epoch: 3, by: 'loss' },
      note: null,
    });
    // Epoch 2's files hold epoch 2's weights, not the last ones.
    const { loadTrainedModel } = await import('../export/loadTrainedModel');
    const second = await loadTrainedModel(epochDir(dir, 2));
    expect(Array.from(second.getWeights()[0]?.dataSync() ?? [])).toEqual(kernels[1]);
  });

  it('thins to every k-th epoch within the budget, keeping the first, the best and the last', async () => {
    const dir = freshDir();
    const model = smallModel();
    const bytes = snapshotBytes(model);
    // Room for 5 snapshots of 7 epochs: every 2nd (3 + first, best, last + the one being written = 7 > 5), every 3rd: 2 + 4 = 6, every 4th: 1 + 4 = 5.
    const keeper = EpochSnapshotKeeper.create(model, dir, 7, { budgetBytes: 5 * bytes });
    for (const [i, loss] of losses.entries())
      await keeper.afterEpoch(model, { epoch: i + 1, loss: 2, valLoss: loss });
    const state = keeper.state();
    expect(state.every).toBe(4);
    expect(state.best).toEqual({ epoch: 2, by: 'val_loss', value: 0.5 });
    expect(state.epochs).toEqual([1, 2, 4, 7]);
    expect(
      readdirSync(join(dir, 'epochs'))
        .filter((f) => f.startsWith('epoch-'))
        .sort(),
    ).toEqual(['epoch-1', 'epoch-2', 'epoch-4', 'epoch-7']);
  });

  it('turns a full disk into a plain note and keeps the epochs written before it', async () => {
    const dir = freshDir();
    const model = smallModel();
    const keeper = EpochSnapshotKeeper.create(model, dir, 4, {
      save: async (m, target) => {
        if (target.endsWith('epoch-3'))
          throw describeWriteError(
            join(target, 'weights.bin'),
            Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }),
          );
        await saveTfjsModel(m, target);
      },
    });
    for (let epoch = 1; epoch <= 4; epoch++)
      await keeper.afterEpoch(model, { epoch, loss: 1, valLoss: null });
    const index = await readEpochIndex(dir);
    expect(index.epochs).toEqual([1, 2]);
    expect(index.note).toMatch(
      /^Epoch 3's weights could not be kept for the replay \(Could not write .*: the disk is full; free some space and try again\.\)\. The run trained on/,
    );
    expect(existsSync(epochDir(dir, 3))).toBe(false);
  });

  it('says why there is nothing to replay for a run without snapshots', async () => {
    expect(await readEpochIndex(freshDir())).toEqual({
      epochs: [],
      every: null,
      best: null,
      modelEpoch: null,
      note: NO_SNAPSHOTS_NOTE,
    });
  });
});
