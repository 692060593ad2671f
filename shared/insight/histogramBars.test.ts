import { describe, expect, it } from 'vitest';
import { barsOnRange, sharedRange } from './histogramBars';

describe('histograms on one x range', () => {
  const before = { min: -0.1, max: 0.1, bins: [1, 3] };
  const after = { min: -0.5, max: 0.5, bins: [2, 0, 0, 2] };

  it('spans the smallest minimum to the largest maximum', () => {
    expect(sharedRange([before, after, undefined])).toEqual({ min: -0.5, max: 0.5 });
    expect(sharedRange([])).toEqual({ min: 0, max: 0 });
  });

  it('places a narrow histogram in the middle of a wide range instead of stretching it', () => {
    const range = sharedRange([before, after]);
    const bars = barsOnRange(before, range);
    expect(bars.map((b) => b.left)).toEqual([expect.closeTo(0.4, 9), expect.closeTo(0.5, 9)]);
    expect(bars.map((b) => b.width)).toEqual([expect.closeTo(0.1, 9), expect.closeTo(0.1, 9)]);
    expect(bars.map((b) => b.height)).toEqual([1 / 3, 1]);
    const wide = barsOnRange(after, range);
    expect(wide[0]?.left).toBe(0);
    expect((wide[3]?.left ?? 0) + (wide[3]?.width ?? 0)).toBeCloseTo(1, 9);
  });

  it('draws a histogram of one repeated value as a sliver at that value', () => {
    const [bar] = barsOnRange({ min: 0, max: 0, bins: [10] }, { min: -1, max: 1 });
    expect(bar).toMatchObject({ left: 0.5, width: 0.01, height: 1, count: 10 });
  });
});
