import { describe, expect, it } from 'vitest';
import { inferOne } from './inferOne.testutil';
import { flattenSides, nestedSides, parseParamText } from './params';
import { zeroPadding2d } from './zeroPadding2d';

describe('ZeroPadding2D', () => {
  it('pads one pixel on every side by default: 28×28×1 → 30×30×1, no weights', () => {
    const r = inferOne([28, 28, 1], 'ZeroPadding2D');
    expect(r.name).toBe('zero_padding2d');
    expect(r.shape).toEqual([null, 30, 30, 1]);
    expect(r.params).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(r.arithmetic).toContain('28 + 1 + 1 = 30');
  });

  it.each([
    [2, [null, 32, 32, 3]],
    [
      [1, 3],
      [null, 30, 34, 3],
    ],
    [
      [1, 2, 3, 4],
      [null, 31, 35, 3],
    ],
  ] as const)('padding %j gives %j', (padding, shape) => {
    expect(inferOne([28, 28, 3], 'ZeroPadding2D', { padding }).shape).toEqual(shape);
  });

  it('reads what a learner types: 2, "1, 3" and ((top, bottom), (left, right))', () => {
    const spec = zeroPadding2d.params.padding;
    expect(parseParamText(spec, '2')).toBe(2);
    expect(parseParamText(spec, '1, 3')).toEqual([1, 3]);
    expect(parseParamText(spec, '((1, 2), (3, 4))')).toEqual([1, 2, 3, 4]);
    expect(parseParamText(spec, '[[1, 2], [3, 4]]')).toEqual([1, 2, 3, 4]);
    expect(parseParamText(spec, 'a lot')).toBe('a lot');
  });

  it('says what it accepts when the value is wrong', () => {
    const r = inferOne([28, 28, 3], 'ZeroPadding2D', { padding: [1, 2, 3] });
    expect(r.issues[0]?.message).toContain('((top, bottom), (left, right))');
    expect(inferOne([28, 28, 3], 'ZeroPadding2D', { padding: -1 }).issues[0]?.message).toContain(
      'at least 0',
    );
  });

  it("keeps Keras's nested form on the way in and out", () => {
    expect(
      flattenSides([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([1, 2, 3, 4]);
    expect(nestedSides([1, 2, 3, 4])).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(zeroPadding2d.toKeras?.({ padding: [1, 2, 3, 4] })).toMatchObject({
      padding: [
        [1, 2],
        [3, 4],
      ],
    });
  });
});
