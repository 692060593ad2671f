import type { ProjectFile } from '../project/projectFile';

/** A ready-made network the app offers on its start screen: a complete project, ready to train. */
export interface ProjectTemplate {
  /** Stable id the app and lessons refer to (`cnn-valid`). */
  readonly id: string;
  /** One or two sentences for the template gallery. */
  readonly description: string;
  /** What Keras prints as `Total params:` for this network (checked by a test, against tfjs too). */
  readonly kerasTotal: number;
  /** The project it opens as: graph with canvas positions, data set, training settings and name. */
  readonly project: ProjectFile;
}

/** Two templates trained side by side to compare them (the FFNN-vs-CNN lesson). */
export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly templateIds: readonly [string, string];
}
