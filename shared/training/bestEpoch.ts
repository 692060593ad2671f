/**
 * The best epoch of a run as the replay and the curves mark it: the lowest validation loss when
 * the run holds validation data, else the lowest training loss. Which of the two it is travels
 * with it, so the view can say so.
 */
export interface BestEpoch {
  /** 1-based epoch. */
  readonly epoch: number;
  /** What was lowest there: the validation loss, or the training loss when there is no validation. */
  readonly by: 'val_loss' | 'loss';
  readonly value: number;
}

/** The per-epoch numbers the choice reads (a run's `epoch` events carry them). */
export interface EpochLosses {
  readonly epoch: number;
  readonly loss: number;
  readonly valLoss: number | null;
}

/**
 * The epoch with the lowest validation loss, or, when no epoch has one, the lowest training loss.
 * Ties go to the earlier epoch (the first time the network got that good); NaN and infinite losses
 * are never best. Null when no epoch has a finite loss.
 */
export function lowestLossEpoch(epochs: readonly EpochLosses[]): BestEpoch | null {
  const hasValidation = epochs.some((e) => e.valLoss !== null && Number.isFinite(e.valLoss));
  const by = hasValidation ? 'val_loss' : 'loss';
  let best: BestEpoch | null = null;
  for (const e of epochs) {
    const value = hasValidation ? e.valLoss : e.loss;
    if (value === null || !Number.isFinite(value)) continue;
    if (best === null || value < best.value) best = { epoch: e.epoch, by, value };
  }
  return best;
}

/** "lowest validation loss" or "lowest training loss": why this epoch is the best, in words. */
export const bestEpochReason = (best: BestEpoch): string =>
  best.by === 'val_loss' ? 'lowest validation loss' : 'lowest training loss';
