import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_CHALLENGES } from '../../shared/challenges/builtinChallenges';
import { challengeProject } from '../../shared/challenges/challengeProject';
import { removeItems, setParam } from '../../shared/graph/edits';
import { useProjectStore } from './projectStore';

const store = () => useProjectStore.getState();
const small = BUILTIN_CHALLENGES[0]!;

describe('the project store keeps a challenge’s locks and fixed settings', () => {
  beforeEach(() => store().open(challengeProject(small), null));

  it('refuses to delete a locked block, says why, and changes nothing', () => {
    const before = store().project;
    store().editGraph((g) => removeItems(g, new Set(['dense_1'])));
    expect(store().project).toBe(before);
    expect(store().dirty).toBe(false);
    expect(store().lockNotice).toBe(
      'dense_1 is locked by the challenge: it cannot be deleted or changed.',
    );
  });

  it('lets the learner edit the other blocks, and clears the notice', () => {
    store().editGraph((g) => setParam(g, 'dense_1', 'units', 3));
    store().editGraph((g) => setParam(g, 'dense', 'units', 16));
    expect(store().project?.graph.nodes.find((n) => n.id === 'dense')?.params.units).toBe(16);
    expect(store().project?.graph.nodes.find((n) => n.id === 'dense_1')?.params.units).toBe(10);
    expect(store().lockNotice).toBeNull();
  });

  it('keeps a fixed setting as the challenge sets it', () => {
    const training = store().project!.training;
    store().setTraining({ ...training, epochs: 7, batchSize: 32 });
    expect([store().project?.training.epochs, store().project?.training.batchSize]).toEqual([
      1, 32,
    ]);
  });
});
