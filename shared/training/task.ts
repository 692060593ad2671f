// What a run learns to do: name the class of an image (a classifier) or give the image back
// (an autoencoder, whose loss is the reconstruction). Every part that trains, shows or exports a
// run asks here rather than guessing from the network.

/** The tasks a network can be trained for. */
export const TASKS = ['classify', 'reconstruct'] as const;
export type TrainingTask = (typeof TASKS)[number];

/** How the settings and the dashboard name each task. */
export const TASK_LABELS: Readonly<Record<TrainingTask, string>> = {
  classify: 'Classify',
  reconstruct: 'Reconstruct the input',
};

/** The loss each task trains with, as Keras and the Python export name it. */
export const RECONSTRUCTION_LOSS = 'mse';

/** The words the dashboard, CLI and Compare put before a reconstruct run's loss. */
export const RECONSTRUCTION_LOSS_WORDS = 'reconstruction loss';

/** How many test images a reconstruct run shows beside their reconstruction, refreshed every epoch. */
export const RECONSTRUCTION_SAMPLES = 6;

/** One test image and what the network made of it, both as 0–255 pixel values (height × width × channels). */
export interface Reconstruction {
  /** Index of the image in the test split. */
  readonly index: number;
  readonly input: readonly number[];
  readonly output: readonly number[];
}

/** The task of a run's settings; settings written before tasks existed classify. */
export const taskOf = (settings: { readonly task?: TrainingTask }): TrainingTask =>
  settings.task ?? 'classify';

const sameDims = (a: readonly (number | null)[], b: readonly (number | null)[]): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

const dims = (s: readonly (number | null)[]): string =>
  `(${s.map((d) => d ?? 'None').join(', ')}${s.length === 1 ? ',' : ''})`;

/**
 * Whether a network with these per-sample shapes can be trained for `task`, or a sentence saying
 * what to change: a reconstruction must come out the shape of the image that went in, and a
 * network that gives back an image is an autoencoder, not a classifier.
 * @param outputName - the last layer's name, for the message
 * @returns null when the shapes fit the task
 */
export function taskMismatch(
  task: TrainingTask,
  inputShape: readonly (number | null)[],
  outputShape: readonly (number | null)[],
  outputName: string,
): string | null {
  const same = sameDims(inputShape, outputShape);
  if (task === 'reconstruct' && !same)
    return `This run is set to reconstruct its input, so the last layer '${outputName}' must give back an image the shape of the input ${dims(inputShape)}, but it outputs ${dims(outputShape)}. Add UpSampling2D and Conv2D layers until the shapes match (the summary shows each shape), or set the task to Classify in the training settings.`;
  if (task === 'classify' && same && inputShape.length > 1)
    return `The last layer '${outputName}' gives back an image the shape of the input ${dims(inputShape)}: that is an autoencoder, which learns to reconstruct its input rather than name a class. Set the task to "${TASK_LABELS.reconstruct}" in the training settings to train it.`;
  return null;
}

/**
 * The metric early stopping and keep-best watch: a reconstruct run has no accuracy, so a watch on
 * (val_)accuracy falls back to the matching loss.
 */
export function monitorForTask<M extends 'val_loss' | 'val_accuracy' | 'loss' | 'accuracy'>(
  monitor: M,
  task: TrainingTask,
): M | 'loss' | 'val_loss' {
  if (task !== 'reconstruct') return monitor;
  return monitor === 'accuracy' ? 'loss' : monitor === 'val_accuracy' ? 'val_loss' : monitor;
}
