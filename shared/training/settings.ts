import type { Augmentation } from './augmentation';
import type { TrainingTask } from './task';

/** Optimizers a learner can pick, by their Keras names. */
export const OPTIMIZERS = ['sgd', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const LOSSES = ['categorical_crossentropy', 'sparse_categorical_crossentropy'] as const;
export type LossName = (typeof LOSSES)[number];

export const MONITORS = ['val_loss', 'val_accuracy', 'loss', 'accuracy'] as const;
export type Monitor = (typeof MONITORS)[number];

/** How to train: the arguments of Keras `compile` and `fit`, plus NetCanvas's own. */
export interface TrainingSettings {
  /**
   * What the network learns: 'classify' (the label is the class; cross-entropy and accuracy) or
   * 'reconstruct' (the target is the input image itself; mean squared error, no accuracy).
   */
  readonly task: TrainingTask;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  /** Only for sgd. */
  readonly momentum: number;
  readonly loss: LossName;
  readonly batchSize: number;
  readonly epochs: number;
  /** Fraction of the training samples held out for validation (0 for none). */
  readonly validationSplit: number;
  readonly shuffle: boolean;
  readonly seed: number;
  /** Like Keras `EarlyStopping`; null for off. */
  readonly earlyStopping: { readonly monitor: Monitor; readonly patience: number } | null;
  /** Like Keras `ModelCheckpoint(save_best_only=True)`: keep the weights of the best epoch. */
  readonly keepBest: boolean;
  /** Cap on training samples (`--limit`); null for all. */
  readonly limit: number | null;
  /** Random shifts, rotations, zooms and flips of the training images; absent for none. */
  readonly augmentation?: Augmentation;
}

export const DEFAULT_TRAINING: TrainingSettings = {
  task: 'classify',
  optimizer: 'adam',
  learningRate: 0.001,
  momentum: 0.9,
  loss: 'categorical_crossentropy',
  batchSize: 64,
  epochs: 5,
  validationSplit: 0.1,
  shuffle: true,
  seed: 42,
  earlyStopping: null,
  keepBest: false,
  limit: null,
};
