import { describe, expect, it } from 'vitest';
import { layerDef, resolveParams } from './catalogue';
import { dims, float, int, optionalPair, pair, parseParamText } from './params';

const window = pair({ default: [3, 3], help: '' });

describe('parseParamText: sizes read the way Keras writes them', () => {
  it.each(['5', '5, 5', '[5, 5]', '(5, 5)', '5x5', '5×5', ' 5 x 5 ', '5 5', '[5,5]'])(
    '%s is a 5×5 window',
    (typed) => {
      const conv = layerDef('Conv2D');
      if (!conv) throw new Error('no Conv2D');
      for (const param of ['kernel_size', 'strides', 'dilation_rate']) {
        const { values, errors } = resolveParams(conv, { [param]: parseParamText(window, typed) });
        expect(errors).toEqual([]);
        expect(values[param]).toEqual([5, 5]);
      }
      for (const type of ['MaxPooling2D', 'AveragePooling2D']) {
        const def = layerDef(type);
        if (!def) throw new Error(type);
        const { values, errors } = resolveParams(def, {
          pool_size: parseParamText(window, typed),
          strides: parseParamText(optionalPair({ help: '' }), typed),
        });
        expect(errors).toEqual([]);
        expect([values.pool_size, values.strides]).toEqual([
          [5, 5],
          [5, 5],
        ]);
      }
    },
  );

  it('reads two different sizes in order', () => {
    expect(parseParamText(window, '(3, 5)')).toEqual([3, 5]);
    expect(parseParamText(window, '3x5')).toEqual([3, 5]);
  });

  it('reads shapes in any of those forms, with Python’s one-element comma', () => {
    const shape = dims({ default: [28, 28, 1], help: '' });
    for (const typed of ['28, 28, 1', '[28, 28, 1]', '(28, 28, 1)', '28x28x1', '28×28×1'])
      expect(parseParamText(shape, typed)).toEqual([28, 28, 1]);
    expect(parseParamText(shape, '784')).toEqual([784]);
    expect(parseParamText(shape, '(784,)')).toEqual([784]);
  });

  it('keeps what cannot be read as text, so the error quotes it', () => {
    for (const typed of ['5,', '[5, 5', '5,,5', 'big', '(5; 5)', '5 x', '(5,)'])
      expect(parseParamText(window, typed)).toBe(typed);
    const conv = layerDef('Conv2D');
    if (!conv) throw new Error('no Conv2D');
    expect(
      resolveParams(conv, { kernel_size: parseParamText(window, '[5, 5') }).errors[0]?.message,
    ).toBe('kernel_size must be a whole number or two of them, like 3 or (3, 3), got "[5, 5"');
  });

  it('reads numbers as numbers and nothing else', () => {
    const units = int({ default: 10, help: '' });
    expect(parseParamText(units, '128')).toBe(128);
    expect(parseParamText(units, ' 1e3 ')).toBe(1000);
    expect(parseParamText(units, '')).toBe('');
    expect(parseParamText(units, 'Infinity')).toBe('Infinity');
    expect(parseParamText(float({ default: 0.5, help: '' }), '.25')).toBe(0.25);
    expect(parseParamText(optionalPair({ help: '' }), '  ')).toBeNull();
  });
});
