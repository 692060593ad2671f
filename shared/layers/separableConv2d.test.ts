import { describe, expect, it } from 'vitest';
import { inferOne } from './inferOne.testutil';

describe('SeparableConv2D, as Keras counts it', () => {
  it('3×3, 32 → 64 channels: 288 depthwise + 2,048 pointwise + 64 biases = 2,400', () => {
    const r = inferOne([28, 28, 32], 'SeparableConv2D', { filters: 64 });
    expect(r.name).toBe('separable_conv2d');
    expect(r.shape).toEqual([null, 26, 26, 64]);
    expect(r.params).toEqual({ trainable: 2400, nonTrainable: 0 });
    expect(r.arithmetic).toContain('3 × 3 × 32 × 1 = 288');
    expect(r.arithmetic).toContain('32 × 1 × 64 = 2,048');
    expect(r.arithmetic).toContain('288 + 2,048 + 64 = 2,400');
  });

  it('depth_multiplier 2, no bias: 576 + 4,096 = 4,672', () => {
    const r = inferOne([28, 28, 32], 'SeparableConv2D', {
      filters: 64,
      depth_multiplier: 2,
      use_bias: false,
      padding: 'same',
    });
    expect(r.shape).toEqual([null, 28, 28, 64]);
    expect(r.params?.trainable).toBe(4672);
  });

  it('a kernel larger than the image says what it needs', () => {
    const r = inferOne([4, 4, 3], 'SeparableConv2D', { kernel_size: 5 });
    expect(r.issues.map((i) => i.code)).toContain('kernelTooLarge');
  });
});
