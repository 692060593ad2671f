import { describe, expect, it } from 'vitest';
import { formatLoss, formatPercent } from './format';

describe('formatLoss', () => {
  it('gives every loss the same four decimals, so a column of them lines up', () => {
    expect([0.273, 0.21218, 0.08, 1.5, 0].map(formatLoss)).toEqual([
      '0.2730',
      '0.2122',
      '0.0800',
      '1.5000',
      '0.0000',
    ]);
  });

  it('shows a dash for a loss that is not there or not a number', () => {
    expect([null, undefined, Number.NaN, Infinity].map(formatLoss)).toEqual(['–', '–', '–', '–']);
  });
});

describe('formatPercent', () => {
  it('gives every accuracy one decimal', () => {
    expect([0.9, 0.91234, 1].map(formatPercent)).toEqual(['90.0%', '91.2%', '100.0%']);
  });
});
