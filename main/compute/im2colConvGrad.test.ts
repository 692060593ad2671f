// Conv2D's gradients as im2col + matmul against tfjs's own (the cpu backend), for the paddings and
// kernel sizes a learner picks, and only inside the swap: tfjs's gradient is back afterwards.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { im2colApplies, im2colConv2dGrad, useIm2colConvGrad } from './im2colConvGrad';

const relative = (a: tf.Tensor, b: tf.Tensor): number =>
  (tf.norm(tf.sub(a, b)).dataSync()[0] ?? NaN) / (tf.norm(b).dataSync()[0] ?? NaN);

describe('im2colConv2dGrad', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each([
    ['valid', 3, 13, 8, 16],
    ['valid', 5, 12, 4, 6],
    ['same', 3, 14, 8, 16],
    ['same', 2, 9, 3, 5],
    ['same', 5, 10, 2, 3],
  ] as const)(
    "matches tfjs's gradients with padding %s and a %i-wide square kernel",
    (pad, k, h, cin, cout) => {
      const x = tf.randomNormal<tf.Rank.R4>([3, h, h, cin], 0, 1, 'float32', 1);
      const f = tf.randomNormal<tf.Rank.R4>([k, k, cin, cout], 0, 1, 'float32', 2);
      const dy = tf.randomNormal<tf.Rank.R4>(tf.conv2d(x, f, 1, pad).shape, 0, 1, 'float32', 3);
      const [gx, gf] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, pad),
      )([x, f], dy);
      const ours = im2colConv2dGrad(dy, x, f, {
        strides: 1,
        pad,
        dataFormat: 'NHWC',
        dilations: 1,
      });
      expect(relative(ours.x(), gx as tf.Tensor)).toBeLessThan(1e-5);
      expect(relative(ours.filter(), gf as tf.Tensor)).toBeLessThan(1e-5);
    },
  );

  it('leaves strided and dilated convolutions to tfjs', () => {
    expect(im2colApplies({ strides: 2, pad: 'valid', dataFormat: 'NHWC', dilations: 1 })).toBe(
      false,
    );
    expect(im2colApplies({ strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: [2, 2] })).toBe(
      false,
    );
    expect(im2colApplies({ strides: [1, 1], pad: 'same', dataFormat: 'NHWC', dilations: 1 })).toBe(
      true,
    );
  });

  it('is the Conv2D gradient only between the swap and its restore, with the same results', () => {
    const x = tf.randomNormal<tf.Rank.R4>([2, 8, 8, 3], 0, 1, 'float32', 4);
    const f = tf.variable(tf.randomNormal<tf.Rank.R4>([3, 3, 3, 4], 0, 1, 'float32', 5));
    const loss = () => tf.sum<tf.Scalar>(tf.square(tf.conv2d(x, f, 1, 'same')));
    const stock = tf.variableGrads(loss).grads[f.name] as tf.Tensor;
    const restore = useIm2colConvGrad();
    let swapped: tf.Tensor;
    try {
      swapped = tf.variableGrads(loss).grads[f.name] as tf.Tensor;
    } finally {
      restore();
    }
    expect(relative(swapped, stock)).toBeLessThan(1e-5);
    const registry = (
      tf.env().global as { _tfGlobals?: Map<string, Map<string, { gradFunc: unknown }>> }
    )._tfGlobals?.get('gradRegistry');
    expect(registry?.get('Conv2D')?.gradFunc).toBeDefined();
  });
});
