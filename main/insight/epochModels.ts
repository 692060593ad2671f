// The replayed epochs' models, loaded from their snapshots and kept in a small LRU cache, so
// moving the Epoch slider back and forth costs a forward pass, not a load. Each cached model
// keeps its own multi-output view (activationModel's cache is keyed by the model).
import type * as tf from '@tensorflow/tfjs';
import { loadTrainedModel } from '../export/loadTrainedModel';
import { epochDir } from '../training/epochSnapshotKeeper';

/** Models a run's process holds at once besides its own: a few MB each for the tutorial CNNs. */
export const EPOCH_MODEL_CACHE = 4;

interface Entry {
  readonly model: Promise<tf.LayersModel>;
  /** Requests using the model now: an evicted model is disposed when the last one ends. */
  users: number;
  evicted: boolean;
}

export class EpochModels {
  // Insertion order is recency: a hit moves the entry to the end, the first one is evicted.
  private readonly cache = new Map<number, Entry>();

  constructor(
    private readonly modelDir: string,
    private readonly capacity = EPOCH_MODEL_CACHE,
    private readonly load: (dir: string) => Promise<tf.LayersModel> = loadTrainedModel,
  ) {}

  /**
   * Runs `work` with epoch `epoch`'s model, loaded on first use. The model stays alive until
   * `work` ends even if other epochs push it out of the cache meanwhile. The caller checks that
   * the epoch is kept.
   */
  async use<T>(epoch: number, work: (model: tf.LayersModel) => Promise<T> | T): Promise<T> {
    const entry = this.entry(epoch);
    entry.users++;
    try {
      return await work(await entry.model);
    } finally {
      entry.users--;
      if (entry.evicted && entry.users === 0) void this.dispose(entry);
    }
  }

  private entry(epoch: number): Entry {
    const hit = this.cache.get(epoch);
    if (hit) {
      this.cache.delete(epoch);
      this.cache.set(epoch, hit);
      return hit;
    }
    const entry: Entry = {
      model: this.load(epochDir(this.modelDir, epoch)),
      users: 0,
      evicted: false,
    };
    this.cache.set(epoch, entry);
    entry.model.catch(() => this.cache.get(epoch) === entry && this.cache.delete(epoch));
    while (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value as number;
      void this.evict(oldest);
    }
    return entry;
  }

  private evict(epoch: number): Promise<void> {
    const entry = this.cache.get(epoch);
    if (!entry) return Promise.resolve();
    this.cache.delete(epoch);
    entry.evicted = true;
    return entry.users === 0 ? this.dispose(entry) : Promise.resolve();
  }

  private dispose(entry: Entry): Promise<void> {
    return entry.model.then(
      (m) => {
        m.dispose();
      },
      () => undefined,
    );
  }

  /** The epochs cached now, least recently used first. */
  cached(): number[] {
    return [...this.cache.keys()];
  }

  /** Forgets every cached model; resolves once the ones no request uses are disposed. */
  async clear(): Promise<void> {
    await Promise.all([...this.cache.keys()].map((epoch) => this.evict(epoch)));
  }
}
