import { describe, expect, it } from 'vitest';
import { smooth } from './smoothing';

describe('smooth', () => {
  it('leaves the values as they are at weight 0', () => {
    expect(smooth([0.9, 0.2, 0.5], 0)).toEqual([0.9, 0.2, 0.5]);
  });

  it('starts at the first value and follows TensorBoard’s debiased moving average', () => {
    const s = smooth([1, 0, 0], 0.5);
    expect(s[0]).toBeCloseTo(1);
    // last = 0.5·0.5 + 0.5·0 = 0.25, debiased by 1 − 0.25 = 0.75
    expect(s[1]).toBeCloseTo(1 / 3);
    expect(s[2]).toBeCloseTo(0.125 / 0.875);
  });

  it('keeps gaps and ignores them in the average', () => {
    expect(smooth([2, null, Number.NaN, 2], 0.9)).toEqual([2, null, null, 2]);
  });
});
