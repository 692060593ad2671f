import { describe, expect, it } from 'vitest';
import { formatCount as trainingCount } from '../../renderer/training/format';
import { withCommas } from '../summary/readableSize';
import { formatCount } from './shapeUtils';

describe('formatCount', () => {
  const samples = [
    0, 7, 999, 1000, 1001, 121_930, 669_706, 1_234_567, 1_000_000_000, -1, -1234, -1_234_567, 12.5,
    0.25,
  ];

  it.each(samples)('writes %d exactly as toLocaleString("en-US") does', (n) => {
    expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    expect(withCommas(n)).toBe(n.toLocaleString('en-US'));
  });

  it('groups thousands with commas, as Keras prints counts', () => {
    expect([0, 999, 1000, 121_930, 1_234_567, -1_234_567].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '121,930',
      '1,234,567',
      '-1,234,567',
    ]);
  });

  it('rounds first in the training dashboard', () => {
    expect(trainingCount(1234.6)).toBe('1,235');
    expect(trainingCount(-0.4)).toBe((-0).toLocaleString('en-US'));
  });
});
