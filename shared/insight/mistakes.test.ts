import { describe, expect, it } from 'vitest';
import { normaliseSaliency, rankCell } from './mistakes';

describe('rankCell', () => {
  // Five samples, three classes: labels, predictions and each sample's probabilities.
  const labels = [4, 1, 1, 1, 2];
  const predicted = [0, 2, 2, 1, 2];
  const probabilities = [
    0.9, 0.1, 0, /**/ 0.1, 0.2, 0.7, /**/ 0.1, 0.1, 0.8, /**/ 0, 1, 0, /**/ 0, 0, 1,
  ];

  it("keeps only the cell's samples, most confident in the predicted class first", () => {
    expect(rankCell(labels, predicted, probabilities, 3, 1, 2)).toEqual([2, 1]);
    expect(rankCell(labels, predicted, probabilities, 3, 1, 1)).toEqual([3]);
    expect(rankCell(labels, predicted, probabilities, 3, 2, 1)).toEqual([]);
  });
});

describe('normaliseSaliency', () => {
  it('takes the largest magnitude over the channels and scales by the image’s largest', () => {
    expect(normaliseSaliency([0.1, -0.4, 0.2, 0.05, 0, 0], 2)).toEqual([1, 0.5, 0]);
    expect(normaliseSaliency([0, 0], 1)).toEqual([0, 0]);
  });
});
