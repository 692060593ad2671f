import { describe, expect, it } from 'vitest';
import {
  divergingRgb,
  divergingRgba,
  NEGATIVE_RGB,
  NEUTRAL_RGB,
  POSITIVE_RGB,
  symmetricLimit,
} from './divergingScale';

describe('divergingRgb', () => {
  it('draws the most negative value blue, zero neutral and the most positive red', () => {
    expect(divergingRgb(-2, 2)).toEqual(NEGATIVE_RGB);
    expect(divergingRgb(0, 2)).toEqual(NEUTRAL_RGB);
    expect(divergingRgb(2, 2)).toEqual(POSITIVE_RGB);
  });

  it('keeps the sign readable: a small negative is bluer than neutral, a small positive redder', () => {
    const [nr, , nb] = divergingRgb(-0.5, 2);
    const [pr, , pb] = divergingRgb(0.5, 2);
    expect(nb).toBeGreaterThan(nr);
    expect(pr).toBeGreaterThan(pb);
    // Halfway to blue is halfway in every channel.
    expect(divergingRgb(-1, 2)).toEqual([140, 175, 210]);
  });

  it('clamps values past the limit and draws everything neutral when there is no range', () => {
    expect(divergingRgb(9, 2)).toEqual(POSITIVE_RGB);
    expect(divergingRgb(-9, 2)).toEqual(NEGATIVE_RGB);
    expect(divergingRgb(3, 0)).toEqual(NEUTRAL_RGB);
    expect(divergingRgb(Number.NaN, 1)).toEqual(NEUTRAL_RGB);
  });
});

describe('symmetricLimit and divergingRgba', () => {
  it('takes the largest magnitude, so that −3 and 1 share a scale of ±3', () => {
    expect(symmetricLimit([-3, 1, 0.5])).toBe(3);
    expect(symmetricLimit([])).toBe(0);
  });

  it('writes opaque RGBA bytes in canvas order', () => {
    const values = [-1, 0, 1];
    expect(Array.from(divergingRgba(3, (i) => values[i] ?? 0, 1))).toEqual([
      ...NEGATIVE_RGB,
      255,
      ...NEUTRAL_RGB,
      255,
      ...POSITIVE_RGB,
      255,
    ]);
  });
});
