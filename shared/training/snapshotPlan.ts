// Which epochs' weights a run keeps on disk for the training replay, within a fixed budget. The
// rule is deterministic and decided before training from the weights' size and the planned
// epochs, so the learner can be told up front and a test can pin it down.

/** At most this many bytes of epoch snapshots per run: 200 MB. */
export const SNAPSHOT_BUDGET_BYTES = 200 * 1000 * 1000;

/**
 * How many snapshots can be on disk at once when every `every`-th epoch is kept: each multiple
 * of `every`, plus the first, the best so far and the latest (which need not fall on the grid),
 * plus the one being written before an old one is removed. With `every` 1 that is simply all of
 * them.
 */
export function snapshotsAtMost(epochs: number, every: number): number {
  if (every <= 1) return epochs;
  return Math.min(epochs, Math.floor(epochs / every) + 3) + 1;
}

/**
 * The thinning step k: keep every k-th epoch (plus the first, the best and the last), the
 * smallest k whose snapshots fit in `budgetBytes`. 1 keeps every epoch. Null when even the first,
 * best and last do not fit (a model over a third of the budget): then no epoch is kept.
 *
 * @param bytesPerSnapshot - one epoch's files: the weights (4 bytes a number) and its model.json
 * @param epochs - the epochs planned
 */
export function snapshotEvery(
  bytesPerSnapshot: number,
  epochs: number,
  budgetBytes = SNAPSHOT_BUDGET_BYTES,
): number | null {
  if (epochs < 1 || bytesPerSnapshot <= 0) return 1;
  if (epochs * bytesPerSnapshot <= budgetBytes) return 1;
  for (let every = 2; every <= epochs; every++)
    if (snapshotsAtMost(epochs, every) * bytesPerSnapshot <= budgetBytes) return every;
  // Past `epochs` the grid is empty: first, best, latest and the one being written.
  return 4 * bytesPerSnapshot <= budgetBytes ? epochs + 1 : null;
}

/**
 * Whether epoch `epoch` stays on disk once `latest` epochs have run: the first, each multiple of
 * `every`, the best so far and the latest.
 */
export function keepsEpoch(
  epoch: number,
  every: number,
  best: number | null,
  latest: number,
): boolean {
  return epoch === 1 || epoch === latest || epoch === best || epoch % every === 0;
}
