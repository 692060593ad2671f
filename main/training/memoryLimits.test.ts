import { describe, expect, it } from 'vitest';
import { inferGraph } from '../../shared/graph/inferGraph';
import { stackGraph } from '../../shared/templates/stackGraph';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { estimateMemory, memoryLimits, memoryRefusal } from './estimateMemory';

const report = inferGraph(
  stackGraph([
    ['InputLayer', { shape: [28, 28, 1] }],
    ['Flatten'],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]),
);
const estimate = estimateMemory(report, DEFAULT_TRAINING); // about 200 MB, nearly all runtime

describe('the memory check counts the runs training beside this one', () => {
  it('alone, a run may use what is free', () => {
    expect(memoryLimits('cpu', 1000).systemMB).toBe(1000);
    expect(memoryRefusal(estimate, memoryLimits('cpu', 1000), 64)).toBeNull();
  });

  it('takes what the other runs will hold off the budget, even while memory is still free', () => {
    const limits = memoryLimits('cpu', 1000, { budgetMB: 1000, reservedMB: 900 });
    expect(limits.systemMB).toBe(100);
    expect(memoryRefusal(estimate, limits, 64)).toMatch(
      /only 100 MB of memory is free \(900 MB is held for the other runs training now; stop one or wait for it to finish\)/,
    );
  });

  it('never offers more than is free, whatever the budget', () => {
    expect(memoryLimits('cpu', 300, { budgetMB: 10_000, reservedMB: 100 }).systemMB).toBe(300);
  });
});
