import { describe, expect, it } from 'vitest';
import { bestEpochReason, lowestLossEpoch } from './bestEpoch';

describe('lowestLossEpoch', () => {
  it('takes the lowest validation loss when the run has validation data', () => {
    const best = lowestLossEpoch([
      { epoch: 1, loss: 0.9, valLoss: 0.5 },
      { epoch: 2, loss: 0.4, valLoss: 0.3 },
      { epoch: 3, loss: 0.2, valLoss: 0.35 },
    ]);
    expect(best).toEqual({ epoch: 2, by: 'val_loss', value: 0.3 });
    expect(best && bestEpochReason(best)).toBe('lowest validation loss');
  });

  it('falls back to the lowest training loss without validation data', () => {
    const best = lowestLossEpoch([
      { epoch: 1, loss: 0.9, valLoss: null },
      { epoch: 2, loss: 0.4, valLoss: null },
      { epoch: 3, loss: 0.45, valLoss: null },
    ]);
    expect(best).toEqual({ epoch: 2, by: 'loss', value: 0.4 });
    expect(best && bestEpochReason(best)).toBe('lowest training loss');
  });

  it('gives ties to the earlier epoch and never picks a NaN', () => {
    expect(
      lowestLossEpoch([
        { epoch: 1, loss: NaN, valLoss: null },
        { epoch: 2, loss: 0.5, valLoss: null },
        { epoch: 3, loss: 0.5, valLoss: null },
      ])?.epoch,
    ).toBe(2);
    expect(lowestLossEpoch([{ epoch: 1, loss: NaN, valLoss: null }])).toBeNull();
    expect(lowestLossEpoch([])).toBeNull();
  });
});
