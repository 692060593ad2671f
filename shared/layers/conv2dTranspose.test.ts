import { describe, expect, it } from 'vitest';
import { inferOne } from './inferOne.testutil';
import { deconvOutputLength } from './shapeUtils';

describe('Conv2DTranspose, as Keras sizes and counts it', () => {
  it('3×3, 32 → 16 channels: (3 × 3 × 32 + 1) × 16 = 4,624 parameters; valid grows 7 to 9', () => {
    const r = inferOne([7, 7, 32], 'Conv2DTranspose', { filters: 16 });
    expect(r.name).toBe('conv2d_transpose');
    expect(r.shape).toEqual([null, 9, 9, 16]);
    expect(r.params).toEqual({ trainable: 4624, nonTrainable: 0 });
    expect(r.arithmetic).toContain('(3 × 3 × 32 + 1) × 16 = 4,624');
    expect(r.arithmetic).toContain('7 × 1 + (3 − 1) = 9');
  });

  it.each([
    // [input, kernel, padding, stride, dilation, output_padding, Keras's length]
    [7, 3, 'same', 2, 1, null, 14],
    [7, 3, 'valid', 2, 1, null, 15],
    [7, 2, 'valid', 2, 1, null, 14],
    [7, 1, 'valid', 3, 1, null, 21],
    [7, 3, 'same', 2, 1, 1, 14],
    [7, 3, 'same', 2, 1, 0, 13],
    [7, 4, 'same', 2, 1, 1, 13],
    [7, 3, 'valid', 2, 1, 1, 16],
    [5, 3, 'valid', 1, 2, null, 9],
  ] as const)(
    'deconv_output_length(%i, kernel %i, %s, stride %i, dilation %i, output_padding %s) = %i',
    (input, k, pad, s, d, op, want) => {
      expect(deconvOutputLength(input, k, pad, s, d, op)).toBe(want);
      const r = inferOne([input, input, 1], 'Conv2DTranspose', {
        filters: 2,
        kernel_size: k,
        padding: pad,
        strides: s,
        dilation_rate: d,
        output_padding: op === null ? null : [op, op],
      });
      expect(r.shape).toEqual([null, want, want, 2]);
    },
  );

  it('shows the output_padding formula with the learner’s numbers', () => {
    const r = inferOne([7, 7, 8], 'Conv2DTranspose', {
      filters: 4,
      strides: 2,
      padding: 'same',
      output_padding: 1,
    });
    expect(r.arithmetic).toContain('(7 − 1) × 2 + 3 − 2 × 1 + 1 = 14');
  });

  it('refuses output_padding not below the stride, offering to clear it', () => {
    const r = inferOne([7, 7, 8], 'Conv2DTranspose', { strides: 2, output_padding: 2 });
    const issue = r.issues.find((i) => i.code === 'badParam');
    expect(issue?.message).toContain('output_padding (2, 2) must be smaller than strides (2, 2)');
    expect(issue?.fix).toMatchObject({ kind: 'setParam', param: 'output_padding', value: null });
  });
});
