import { describe, expect, it } from 'vitest';
import { inferOne } from './inferOne.testutil';

describe('DepthwiseConv2D, as Keras counts it', () => {
  it('3×3 on 28×28×32: 26×26×32 and (3 × 3 + 1) × 32 = 320 parameters', () => {
    const r = inferOne([28, 28, 32], 'DepthwiseConv2D', { kernel_size: 3 });
    expect(r.name).toBe('depthwise_conv2d');
    expect(r.shape).toEqual([null, 26, 26, 32]);
    expect(r.params).toEqual({ trainable: 320, nonTrainable: 0 });
    expect(r.arithmetic).toContain('(3 × 3 + 1) × 32 × 1 = 320');
    expect(r.arithmetic).toContain('floor((28 − 3 + 0) / 1) + 1 = 26');
  });

  it('depth_multiplier 2 without bias, same padding, stride 2: 14×14×64 and 576 weights', () => {
    const r = inferOne([28, 28, 32], 'DepthwiseConv2D', {
      depth_multiplier: 2,
      use_bias: false,
      padding: 'same',
      strides: 2,
    });
    expect(r.shape).toEqual([null, 14, 14, 64]);
    expect(r.params?.trainable).toBe(576);
    expect(r.arithmetic).toContain('32 × 2 = 64');
    expect(r.arithmetic).toContain('ceil(28 / 2) = 14');
  });

  it('refuses strides and dilation both above 1, as Keras does', () => {
    const r = inferOne([28, 28, 3], 'DepthwiseConv2D', { strides: 2, dilation_rate: 2 });
    expect(r.issues.map((i) => i.code)).toContain('stridesWithDilation');
  });

  it('needs an image', () => {
    expect(inferOne([784], 'DepthwiseConv2D').issues.map((i) => i.code)).toContain('needsImage');
  });
});
