import { describe, expect, it } from 'vitest';
import { inferGraph } from '../../shared/graph/inferGraph';
import { stackGraph } from '../../shared/templates/stackGraph';
import { checkDataFit } from './checkDataFit';

const MNIST = {
  title: 'MNIST',
  inputShape: [28, 28, 1] as const,
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};

const cnn = (dilation: [number, number]) =>
  stackGraph([
    ['InputLayer', { shape: [28, 28, 1] }],
    ['Conv2D', { filters: 4, kernel_size: [3, 3], dilation_rate: dilation }],
    ['Flatten'],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);

describe('checkDataFit', () => {
  it('gives the shapes to train a network that fits the data set with', () => {
    const graph = cnn([1, 1]);
    expect(checkDataFit(graph, inferGraph(graph), MNIST)).toEqual({
      inputShape: [28, 28, 1],
      outputName: 'dense',
    });
  });

  it('refuses a dilated convolution up front and says why, instead of failing inside tfjs', () => {
    const graph = cnn([2, 2]);
    expect(inferGraph(graph).ok).toBe(true); // a legal network: only training is out of reach
    expect(checkDataFit(graph, inferGraph(graph), MNIST)).toMatch(
      /^Conv2D 'conv2d' has a dilation_rate above 1\. .*set dilation_rate to 1 to train it/,
    );
  });

  it('refuses a dilated SeparableConv2D the same way, and a dilated DepthwiseConv2D because tfjs ignores its dilation', () => {
    const net = (type: string) =>
      stackGraph([
        ['InputLayer', { shape: [28, 28, 1] }],
        [type, { dilation_rate: 2 }],
        ['Flatten'],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]);
    const sep = net('SeparableConv2D');
    expect(checkDataFit(sep, inferGraph(sep), MNIST)).toMatch(
      /^SeparableConv2D 'separable_conv2d' has a dilation_rate above 1/,
    );
    const dw = net('DepthwiseConv2D');
    expect(checkDataFit(dw, inferGraph(dw), MNIST)).toMatch(
      /^DepthwiseConv2D 'depthwise_conv2d' sets dilation_rate\. TensorFlow\.js.* ignores it/,
    );
  });

  it('refuses Conv2DTranspose settings tfjs ignores, and trains it without them', () => {
    const net = (params: Record<string, number | number[]>) =>
      stackGraph([
        ['InputLayer', { shape: [28, 28, 1] }],
        ['Conv2DTranspose', { filters: 2, strides: 2, padding: 'same', ...params }],
        ['Flatten'],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]);
    const padded = net({ output_padding: 1 });
    expect(inferGraph(padded).ok).toBe(true);
    expect(checkDataFit(padded, inferGraph(padded), MNIST)).toMatch(
      /^Conv2DTranspose 'conv2d_transpose' sets output_padding\. TensorFlow\.js.* ignores it .*Clear output_padding to train it/,
    );
    const plain = net({});
    expect(checkDataFit(plain, inferGraph(plain), MNIST)).toEqual({
      inputShape: [28, 28, 1],
      outputName: 'dense',
    });
  });

  it('says how to fix an Input that does not match the images', () => {
    const graph = stackGraph([
      ['InputLayer', { shape: [32, 32, 3] }],
      ['Flatten'],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]);
    expect(checkDataFit(graph, inferGraph(graph), MNIST)).toMatch(
      /Set the Input shape to \(28, 28, 1\)/,
    );
  });
});
