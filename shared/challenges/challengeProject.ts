import { newProject } from '../project/newProject';
import type { ProjectFile } from '../project/projectFile';
import { stackGraph } from '../templates/stackGraph';
import { DEFAULT_TRAINING } from '../training/settings';
import type { ChallengeFile } from './challengeFile';

/**
 * A new project for a challenge: its starting network (or an Input block for 28×28 grayscale
 * images), its data set, the fixed settings and no more epochs than allowed, and the challenge
 * itself, so saving and reopening keeps it.
 */
export function challengeProject(challenge: ChallengeFile): ProjectFile {
  const graph = challenge.start ?? stackGraph([['InputLayer', { shape: [28, 28, 1] }]]);
  const epochs = Math.min(DEFAULT_TRAINING.epochs, challenge.goal.maxEpochs ?? Infinity);
  return {
    ...newProject(
      challenge.title,
      graph,
      { kind: challenge.goal.dataset },
      { epochs, ...challenge.fixedSettings },
    ),
    challenge,
  };
}

/** Ids of the blocks the learner cannot delete or change in `project` (empty without a challenge). */
export const lockedBlocks = (project: ProjectFile | null): ReadonlySet<string> =>
  new Set(project?.challenge?.lockedBlocks);
