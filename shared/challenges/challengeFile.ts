import type { Graph } from '../graph/types';
import type { TrainingSettings } from '../training/settings';

/** How a challenge file's name ends, so the workspace lists it and Save never overwrites it. */
export const CHALLENGE_SUFFIX = '.challenge.json';

/** The challenge-file format version this build writes. Older versions are migrated on load. */
export const CHALLENGE_VERSION = 1;

/** The data sets a challenge can name: the ones NetCanvas finds without a folder typed in. */
export const CHALLENGE_DATASETS = ['mnist', 'fashion-mnist'] as const;
export type ChallengeDataset = (typeof CHALLENGE_DATASETS)[number];

/** The conditions a challenge sets. Every one left out is no condition. */
export interface ChallengeGoal {
  /** The data set the network is trained and tested on. */
  readonly dataset: ChallengeDataset;
  /** At most this many parameters (trainable and not), as the model summary counts them. */
  readonly maxParams?: number;
  /** At least this test accuracy (0–1) on the data set's whole test split, after training. */
  readonly minTestAccuracy?: number;
  /** At most this many training epochs. */
  readonly maxEpochs?: number;
  /** Keras classes the network must use at least once (`Conv2D`). */
  readonly requiredLayers?: readonly string[];
  /** Keras classes the network must not use (`Dense`). */
  readonly forbiddenLayers?: readonly string[];
  /** At most this many layers of a class (`{ "Dense": 1 }`: one Dense layer, the last). */
  readonly maxLayers?: Readonly<Record<string, number>>;
}

/** Training settings the learner cannot change during a challenge. */
export type FixedSettings = Partial<
  Pick<
    TrainingSettings,
    | 'optimizer'
    | 'learningRate'
    | 'momentum'
    | 'loss'
    | 'batchSize'
    | 'epochs'
    | 'validationSplit'
    | 'shuffle'
    | 'seed'
    | 'keepBest'
    | 'limit'
  >
>;

/** What a `.challenge.json` file holds: a goal, where the learner starts, what is locked, and hints. */
export interface ChallengeFile {
  readonly format: 'netcanvas-challenge';
  readonly version: typeof CHALLENGE_VERSION;
  readonly title: string;
  /** A paragraph for the learner: what to try and why it is interesting. */
  readonly description?: string;
  readonly goal: ChallengeGoal;
  /** The network the learner starts from; absent: only an Input block for the data set's images. */
  readonly start?: Graph;
  /** Ids of `start`'s blocks the learner cannot delete or change. */
  readonly lockedBlocks?: readonly string[];
  readonly fixedSettings?: FixedSettings;
  /** Shown one at a time, when the learner asks. */
  readonly hints?: readonly string[];
}
