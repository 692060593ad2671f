import { describe, expect, it } from 'vitest';
import { kerasLayerConfig } from './kerasLayerConfig';
import { readKerasLayer } from './readKerasLayer';
import type { JsonObject } from './jsonValue';

const read = (className: string, config: JsonObject) =>
  readKerasLayer({
    path: 'layers[1]',
    name: typeof config.name === 'string' ? config.name : 'x',
    className,
    config,
  });

describe('Keras configs of the MobileNet and decoder layers', () => {
  it('reads a Keras 2 DepthwiseConv2D with its depthwise_* fields and groups: 1', () => {
    const r = read('DepthwiseConv2D', {
      name: 'depthwise_conv2d',
      trainable: true,
      dtype: 'float32',
      kernel_size: [3, 3],
      strides: [2, 2],
      padding: 'same',
      data_format: 'channels_last',
      dilation_rate: [1, 1],
      groups: 1,
      activation: 'relu',
      use_bias: false,
      bias_initializer: { class_name: 'Zeros', config: {} },
      depth_multiplier: 2,
      depthwise_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
      depthwise_regularizer: null,
      depthwise_constraint: null,
    });
    expect(r).toEqual({
      type: 'DepthwiseConv2D',
      params: {
        kernel_size: [3, 3],
        strides: [2, 2],
        padding: 'same',
        depth_multiplier: 2,
        dilation_rate: [1, 1],
        activation: 'relu',
        use_bias: false,
      },
    });
  });

  it('reads Conv2DTranspose with and without output_padding', () => {
    expect(
      read('Conv2DTranspose', {
        filters: 16,
        kernel_size: [3, 3],
        strides: [2, 2],
        padding: 'same',
        output_padding: null,
      }).params.output_padding,
    ).toBeNull();
    expect(
      read('Conv2DTranspose', {
        filters: 16,
        kernel_size: [3, 3],
        strides: [2, 2],
        padding: 'same',
        output_padding: [1, 1],
      }).params.output_padding,
    ).toEqual([1, 1]);
  });

  it('reads nested ((top, bottom), (left, right)) padding and cropping, and refuses a wrong one with the field', () => {
    expect(
      read('ZeroPadding2D', {
        padding: [
          [1, 2],
          [3, 4],
        ],
      }).params,
    ).toEqual({ padding: [1, 2, 3, 4] });
    expect(
      read('Cropping2D', {
        cropping: [
          [0, 1],
          [2, 0],
        ],
      }).params,
    ).toEqual({ cropping: [0, 1, 2, 0] });
    expect(() => read('Cropping2D', { name: 'crop', cropping: [[1, 2, 3]] })).toThrow(
      /layers\[1\]\.config\.cropping/,
    );
  });

  it('exports what it imports, in the Keras form', () => {
    const node = (type: string, params: Record<string, never>) => ({
      id: 'n',
      name: 'n',
      type,
      params,
      position: { x: 0, y: 0 },
    });
    for (const [className, config] of [
      [
        'ZeroPadding2D',
        {
          padding: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
      ['SeparableConv2D', { filters: 8, kernel_size: [3, 3], depth_multiplier: 2 }],
      ['SpatialDropout2D', { rate: 0.25 }],
    ] as const) {
      const r = read(className, config);
      const back = kerasLayerConfig(node(r.type, r.params as Record<string, never>));
      expect(back.class_name).toBe(className);
      expect(back.config).toMatchObject(config);
    }
  });
});
