import type { Graph } from '../graph/types';
import type { DatasetKind } from '../training/datasetTypes';
import type { TrainingSettings } from '../training/settings';

/** The kind of data a template is made for; an image-folder template leaves the folder to the learner. */
export interface TemplateDataset {
  readonly kind: DatasetKind;
  /** Number of classes the last layer predicts. */
  readonly classes: number;
  /** One sample: (height, width, channels), matching the template's InputLayer. */
  readonly inputShape: readonly [number, number, number];
  /** For `folder`: the size images are resized to and their colour. */
  readonly imageSize?: readonly [number, number];
  readonly color?: 'grayscale' | 'rgb';
}

/** A ready-made network the app offers when a learner starts a project. */
export interface ProjectTemplate {
  readonly id: string;
  readonly title: string;
  /** One or two sentences for the template picker. */
  readonly description: string;
  readonly dataset: TemplateDataset;
  /** Suggested training settings; the rest are the project defaults. */
  readonly training: Partial<TrainingSettings>;
  readonly graph: Graph;
  /** What Keras prints as `Total params:` for this network (checked by a test). */
  readonly kerasTotal: number;
}

/** Two templates trained side by side to compare them (the FFNN-vs-CNN lesson). */
export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly templateIds: readonly [string, string];
}
