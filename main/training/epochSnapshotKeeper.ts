// Keeps each epoch's weights on disk beside the run's kept model, for the training replay:
// `<modelDir>/epochs/epoch-N/` (model.json + weights.bin, each written atomically) and an index,
// `<modelDir>/epochs/index.json`, that says which epochs are there. At most 200 MB per run: the
// thinning rule (shared/training/snapshotPlan.ts) decides up front to keep every k-th epoch plus
// the first, the best and the latest. A snapshot that cannot be written (disk full) is noted in
// plain words and the run trains on: the replay only misses the epochs from there on.
import type * as tf from '@tensorflow/tfjs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EpochLosses } from '../../shared/training/bestEpoch';
import { lowestLossEpoch } from '../../shared/training/bestEpoch';
import type { EpochSnapshots } from '../../shared/training/epochSnapshots';
import { NO_SNAPSHOTS_NOTE } from '../../shared/training/epochSnapshots';
import { errorMessage } from '../../shared/errors/errorMessage';
import { parseJsonText } from '../../shared/json/parseJsonText';
import {
  keepsEpoch,
  SNAPSHOT_BUDGET_BYTES,
  snapshotEvery,
} from '../../shared/training/snapshotPlan';
import { writeFileAtomic } from '../export/atomicWrite';
import { saveTfjsModel } from '../export/saveTfjsModel';

/** The folder of a run's snapshots inside its kept-model folder. */
export const snapshotsDir = (modelDir: string): string => join(modelDir, 'epochs');
/** The folder of one epoch's snapshot. */
export const epochDir = (modelDir: string, epoch: number): string =>
  join(snapshotsDir(modelDir), `epoch-${epoch}`);
/** Where the run's own final weights go when an epoch's weights become its model. */
export const originalDir = (modelDir: string): string => join(snapshotsDir(modelDir), 'final');
const indexFile = (modelDir: string): string => join(snapshotsDir(modelDir), 'index.json');

/** Writes one snapshot (tests inject a failing one). */
export type SaveSnapshot = (model: tf.LayersModel, dir: string) => Promise<unknown>;

/** Bytes one epoch's files take: 4 a weight, plus room for its model.json. */
export function snapshotBytes(model: tf.LayersModel): number {
  const numbers = model.getWeights().reduce((n, w) => n + w.size, 0);
  return numbers * 4 + 64 * 1024;
}

const MB = (bytes: number): string => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;

/** The snapshots written so far, as the index and the host record them. */
export class EpochSnapshotKeeper {
  private readonly onDisk = new Set<number>();
  private readonly history: EpochLosses[] = [];
  private note: string | null;
  private broken = false;

  private constructor(
    private readonly modelDir: string,
    private readonly every: number | null,
    private readonly save: SaveSnapshot,
    bytes: number,
    budgetBytes: number,
  ) {
    this.note =
      every === null
        ? `This network's weights (${MB(bytes)} an epoch) are too large to keep three epochs within ${MB(budgetBytes)}, so no epoch was kept to replay.`
        : null;
  }

  /** A keeper for `model` trained for `epochs` epochs, its thinning step decided from the weights' size. */
  static create(
    model: tf.LayersModel,
    modelDir: string,
    epochs: number,
    opts: { budgetBytes?: number; save?: SaveSnapshot } = {},
  ): EpochSnapshotKeeper {
    const bytes = snapshotBytes(model);
    const budget = opts.budgetBytes ?? SNAPSHOT_BUDGET_BYTES;
    return new EpochSnapshotKeeper(
      modelDir,
      snapshotEvery(bytes, epochs, budget),
      opts.save ?? ((m, dir) => saveTfjsModel(m, dir)),
      bytes,
      budget,
    );
  }

  /** What is kept now. */
  state(): EpochSnapshots {
    return {
      epochs: [...this.onDisk].sort((a, b) => a - b),
      every: this.every,
      best: lowestLossEpoch(this.history),
      modelEpoch: null,
      note: this.note,
    };
  }

  /**
   * After epoch `losses.epoch`: writes its weights, removes the ones the rule no longer keeps and
   * rewrites the index. Never throws: a failed write becomes the note and ends the snapshots.
   */
  async afterEpoch(model: tf.LayersModel, losses: EpochLosses): Promise<EpochSnapshots> {
    this.history.push({ epoch: losses.epoch, loss: losses.loss, valLoss: losses.valLoss });
    if (this.every === null || this.broken) return this.state();
    const epoch = losses.epoch;
    try {
      await this.save(model, epochDir(this.modelDir, epoch));
      this.onDisk.add(epoch);
    } catch (e) {
      this.broken = true;
      this.note = `Epoch ${epoch}'s weights could not be kept for the replay (${errorMessage(e)}). The run trained on; the replay shows the epochs kept before it.`;
      await rm(epochDir(this.modelDir, epoch), { recursive: true, force: true }).catch(
        () => undefined,
      );
      await this.writeIndex();
      return this.state();
    }
    const best = lowestLossEpoch(this.history)?.epoch ?? null;
    for (const e of [...this.onDisk])
      if (!keepsEpoch(e, this.every, best, epoch)) {
        this.onDisk.delete(e);
        await rm(epochDir(this.modelDir, e), { recursive: true, force: true }).catch(
          () => undefined,
        );
      }
    await this.writeIndex();
    return this.state();
  }

  private async writeIndex(): Promise<void> {
    await writeEpochIndex(this.modelDir, this.state()).catch(() => undefined);
  }
}

/** Writes the index of a run's snapshots atomically. */
export function writeEpochIndex(modelDir: string, snapshots: EpochSnapshots): Promise<void> {
  return writeFileAtomic(indexFile(modelDir), JSON.stringify(snapshots));
}

/** The index a keeper wrote, or the plain "nothing to replay" when there is none (an older run). */
export async function readEpochIndex(modelDir: string): Promise<EpochSnapshots> {
  try {
    return parseJsonText(await readFile(indexFile(modelDir), 'utf8')) as EpochSnapshots;
  } catch {
    return { epochs: [], every: null, best: null, modelEpoch: null, note: NO_SNAPSHOTS_NOTE };
  }
}
