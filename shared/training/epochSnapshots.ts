import type { BestEpoch } from './bestEpoch';

/** Which epochs of a run can be replayed, and why any are missing. */
export interface EpochSnapshots {
  /** The epochs whose weights are on disk, ascending (1-based). Empty: nothing to replay. */
  readonly epochs: readonly number[];
  /** Every how many epochs one is kept (1: all; the first, best and last are always kept). Null: none could be. */
  readonly every: number | null;
  /** The lowest validation loss, or training loss without validation data. */
  readonly best: BestEpoch | null;
  /** The epoch whose weights are now the run's model ("Use as the run's model"); null: the final weights. */
  readonly modelEpoch: number | null;
  /** Why some or all epochs are missing, in a learner's words (disk full, too large, an older run). */
  readonly note: string | null;
}

/** A confusion matrix of one replayed epoch, on the first `samples` test images. */
export interface EpochConfusion {
  readonly epoch: number;
  readonly samples: number;
  readonly accuracy: number;
  /** confusion[true][predicted] counts. */
  readonly confusion: readonly (readonly number[])[];
  readonly perClassAccuracy: readonly number[];
}

/** What a run without snapshots says (one trained before NetCanvas kept each epoch, or by the CLI). */
export const NO_SNAPSHOTS_NOTE =
  'This run was trained before NetCanvas kept the weights of each epoch, so there is nothing to replay. Train it again to replay its training.';
