import { describe, expect, it } from 'vitest';
import { keepsEpoch, SNAPSHOT_BUDGET_BYTES, snapshotEvery, snapshotsAtMost } from './snapshotPlan';

const MB = 1000 * 1000;

describe('snapshotEvery', () => {
  it.each([
    // bytes per snapshot, epochs, k
    [0.5 * MB, 10, 1], // the lesson CNN: every epoch fits easily
    [20 * MB, 10, 1], // exactly 200 MB
    [20 * MB, 11, 2], // 220 MB: every 2nd (5 + first, best, last + one being written = 9 × 20 = 180 MB)
    [1 * MB, 1000, 6], // 1,000 epochs of 1 MB: floor(1000/6) + 4 = 170 ≤ 200
    [50 * MB, 10, 11], // only first, best, last (+ one being written): 4 × 50 = 200 MB
    [60 * MB, 10, null], // not even three fit
  ])('%d bytes × %d epochs keeps every %s', (bytes, epochs, every) => {
    expect(snapshotEvery(bytes, epochs)).toBe(every);
  });

  it('never plans more bytes on disk than the budget', () => {
    for (const bytes of [0.3 * MB, 3 * MB, 7 * MB, 19 * MB, 33 * MB, 49 * MB])
      for (const epochs of [1, 2, 5, 9, 10, 11, 30, 100, 333]) {
        const every = snapshotEvery(bytes, epochs);
        if (every === null) continue;
        expect(
          snapshotsAtMost(epochs, every) * bytes,
          `${bytes} × ${epochs}, every ${every}`,
        ).toBeLessThanOrEqual(SNAPSHOT_BUDGET_BYTES);
        // The smallest such k: one less would not fit.
        if (every > 1)
          expect(snapshotsAtMost(epochs, every - 1) * bytes).toBeGreaterThan(SNAPSHOT_BUDGET_BYTES);
      }
  });
});

describe('keepsEpoch', () => {
  it('keeps the first, every k-th, the best and the latest, and nothing else', () => {
    const kept = Array.from({ length: 10 }, (_, i) => i + 1).filter((e) => keepsEpoch(e, 3, 5, 10));
    expect(kept).toEqual([1, 3, 5, 6, 9, 10]);
  });

  it('counts what stays on disk within snapshotsAtMost while training runs', () => {
    for (const [epochs, every] of [
      [10, 3],
      [11, 2],
      [25, 7],
    ] as const)
      for (let latest = 1; latest <= epochs; latest++)
        for (let best = 1; best <= latest; best++) {
          const onDisk = Array.from({ length: latest }, (_, i) => i + 1).filter((e) =>
            keepsEpoch(e, every, best, latest),
          ).length;
          // +1: the next one is written before the previous latest is removed.
          expect(onDisk + 1).toBeLessThanOrEqual(snapshotsAtMost(epochs, every));
        }
  });
});
