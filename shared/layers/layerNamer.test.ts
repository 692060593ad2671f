import { describe, expect, it } from 'vitest';
import { layerNamer, namePrefixOf } from './layerNamer';

describe('layerNamer', () => {
  it('names layers as Keras does, counting per class', () => {
    const name = layerNamer();
    expect(['Conv2D', 'MaxPooling2D', 'Conv2D', 'Dense', 'Conv2D', 'Dense'].map(name)).toEqual([
      'conv2d',
      'max_pooling2d',
      'conv2d_1',
      'dense',
      'conv2d_2',
      'dense_1',
    ]);
  });

  it('skips names already taken on the canvas', () => {
    const name = layerNamer(['dense', 'dense_1', 'dense_3']);
    expect([name('Dense'), name('Dense'), name('Dense')]).toEqual([
      'dense_2',
      'dense_4',
      'dense_5',
    ]);
  });

  it('lower-cases a class it does not know', () => {
    expect(namePrefixOf('LSTM')).toBe('lstm');
    expect(layerNamer()('LSTM')).toBe('lstm');
  });
});
