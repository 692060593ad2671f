import { describe, expect, it } from 'vitest';
import { resolveParams } from './catalogue';
import { cropping2d } from './cropping2d';
import type { AnyLayerDef } from './defineLayer';
import { inferOne } from './inferOne.testutil';

describe('Cropping2D', () => {
  it('crops nothing by default and is named cropping2d', () => {
    const r = inferOne([28, 28, 1], 'Cropping2D');
    expect(r.name).toBe('cropping2d');
    expect(r.shape).toEqual([null, 28, 28, 1]);
  });

  it('((2, 2), (4, 4)) on 28×28×8 leaves 24×20×8, with the arithmetic', () => {
    const r = inferOne([28, 28, 8], 'Cropping2D', { cropping: [2, 2, 4, 4] });
    expect(r.shape).toEqual([null, 24, 20, 8]);
    expect(r.params).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(r.arithmetic).toContain('28 − 2 − 2 = 24');
    expect(r.arithmetic).toContain('28 − 4 − 4 = 20');
  });

  it('refuses to crop the whole image away, naming the numbers', () => {
    const r = inferOne([6, 6, 1], 'Cropping2D', { cropping: [3, 3] });
    expect(r.issues[0]?.code).toBe('nonPositiveOutput');
    expect(r.issues[0]?.message).toContain('leaves 0×0');
  });

  it('reads Keras’s nested cropping', () => {
    expect(
      resolveParams(cropping2d as unknown as AnyLayerDef, {
        cropping: [
          [1, 0],
          [2, 3],
        ] as never,
      }).values,
    ).toEqual({ cropping: [1, 0, 2, 3] });
  });
});
