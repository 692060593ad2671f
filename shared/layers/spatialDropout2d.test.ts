import { describe, expect, it } from 'vitest';
import { inferOne } from './inferOne.testutil';

describe('SpatialDropout2D', () => {
  it('keeps the shape, has no weights and is named spatial_dropout2d', () => {
    const r = inferOne([26, 26, 32], 'SpatialDropout2D', { rate: 0.2 });
    expect(r.name).toBe('spatial_dropout2d');
    expect(r.shape).toEqual([null, 26, 26, 32]);
    expect(r.params).toEqual({ trainable: 0, nonTrainable: 0 });
  });

  it('needs an image, as Keras does (it drops whole channels)', () => {
    expect(inferOne([784], 'SpatialDropout2D').issues.map((i) => i.code)).toContain('needsImage');
  });

  it('refuses a rate of 1', () => {
    expect(inferOne([8, 8, 3], 'SpatialDropout2D', { rate: 1 }).issues[0]?.message).toContain(
      'below 1',
    );
  });
});
